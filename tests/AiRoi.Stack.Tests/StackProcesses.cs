using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

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
    /// A graceful restart by the orchestrator; answers once a process started after the command is healthy, so a
    /// snapshot of the stopped process can no longer be mistaken for the restarted one.
    /// </summary>
    public static async Task RestartAsync(StackFixture stack, string resource)
    {
        var previous = CurrentStart(stack, resource);
        using var timeout = new CancellationTokenSource(StackFixture.StartTimeout);
        var restarted = await stack.App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.RestartCommand, timeout.Token);
        Assert.True(restarted.Success, restarted.Message);
        await WaitUntilHealthyAgainAsync(stack, resource, previous, timeout.Token);
    }

    /// <summary>
    /// SIGKILL of the resource's process (no shutdown, no flush), then a start by the orchestrator; answers once the
    /// resource is healthy again with a new process.
    /// </summary>
    public static async Task KillAndRestartAsync(StackFixture stack, string resource, string processName, string database)
    {
        var process = await FindAsync(stack, processName, database);
        var previous = CurrentStart(stack, resource);
        process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(StackFixture.StartTimeout);
        await stack.App.ResourceNotifications.WaitForResourceAsync(resource,
            resourceEvent => KnownResourceStates.TerminalStates.Contains(resourceEvent.Snapshot.State?.Text), timeout.Token);
        var started = await stack.App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(started.Success, started.Message);
        await WaitUntilHealthyAgainAsync(stack, resource, previous, timeout.Token);
        Assert.True(process.HasExited);
        Assert.NotEqual(process.Id, (await FindAsync(stack, processName, database)).Id);
    }

    private static DateTime? CurrentStart(StackFixture stack, string resource) =>
        stack.App.ResourceNotifications.TryGetCurrentState(resource, out var current) ? current.Snapshot.StartTimeStamp : null;

    /// <summary>Healthy with a start time other than <paramref name="previousStart"/>; a new process that ends first fails at once.</summary>
    private static async Task WaitUntilHealthyAgainAsync(StackFixture stack, string resource, DateTime? previousStart, CancellationToken cancellationToken)
    {
        var reached = await stack.App.ResourceNotifications.WaitForResourceAsync(resource, resourceEvent =>
            resourceEvent.Snapshot.StartTimeStamp is { } started && started != previousStart &&
            (resourceEvent.Snapshot.HealthStatus == HealthStatus.Healthy && resourceEvent.Snapshot.State?.Text == KnownResourceStates.Running ||
             KnownResourceStates.TerminalStates.Contains(resourceEvent.Snapshot.State?.Text)), cancellationToken);
        if (reached.Snapshot.HealthStatus != HealthStatus.Healthy || reached.Snapshot.State?.Text != KnownResourceStates.Running)
        {
            throw new InvalidOperationException(
                $"{resource} ended before it was healthy again.\n{stack.DescribeResources()}\n{await stack.ReadLogAsync(resource)}");
        }
    }
}
