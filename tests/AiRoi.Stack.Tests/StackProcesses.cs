using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace AiRoi.Stack.Tests;

/// <summary>A service's process in this stack, found among the machine's processes, and its hard crash and restart.</summary>
public static class StackProcesses
{
    /// <summary>This stack's process of <paramref name="processName"/>: the one whose <paramref name="database"/> connection string is this stack's.</summary>
    public static async Task<Process> FindAsync(StackFixture stack, string processName, string database)
    {
        var connectionString = await stack.App.GetConnectionStringAsync(database);
        foreach (var process in Process.GetProcessesByName(processName))
        {
            try
            {
                var environment = await File.ReadAllTextAsync($"/proc/{process.Id}/environ");
                if (environment.Contains($"ConnectionStrings__{database}={connectionString}\0", StringComparison.Ordinal))
                {
                    return process;
                }
            }
            catch (IOException)
            {
                // Ended while we looked.
            }
        }
        throw new InvalidOperationException($"This stack's {processName} process was not found.");
    }

    /// <summary>
    /// SIGKILL of the resource's process (no shutdown, no flush), then a start by the orchestrator; answers once the
    /// resource is healthy again with a new process.
    /// </summary>
    public static async Task KillAndRestartAsync(StackFixture stack, string resource, string processName, string database)
    {
        var process = await FindAsync(stack, processName, database);
        process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(StackFixture.StartTimeout);
        await stack.App.ResourceNotifications.WaitForResourceAsync(resource,
            resourceEvent => KnownResourceStates.TerminalStates.Contains(resourceEvent.Snapshot.State?.Text), timeout.Token);
        var started = await stack.App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(started.Success, started.Message);
        await stack.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        Assert.True(process.HasExited);
        Assert.NotEqual(process.Id, (await FindAsync(stack, processName, database)).Id);
    }
}
