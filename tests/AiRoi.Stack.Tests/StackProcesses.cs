using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AiRoi.Stack.Tests;

/// <summary>A service's process in this stack, found among the machine's processes, and its hard crash and restart.</summary>
public static class StackProcesses
{
    /// <summary>This stack's process of <paramref name="processName"/>: the one exporting its traces to this stack's collector.</summary>
    public static async Task<Process> FindAsync(StackFixture stack, string processName) =>
        (await FindAllAsync(stack, processName)).FirstOrDefault()?.Process
        ?? throw new InvalidOperationException($"This stack's {processName} process was not found.");

    /// <summary>This stack's running processes of <paramref name="processName"/> (one per replica), with their environment.</summary>
    public static async Task<IReadOnlyList<StackProcess>> FindAllAsync(StackFixture stack, string processName)
    {
        var found = new List<StackProcess>();
        foreach (var process in Process.GetProcessesByName(processName))
        {
            try
            {
                var environment = (await File.ReadAllTextAsync($"/proc/{process.Id}/environ")).Split('\0')
                    .Select(variable => variable.Split('=', 2)).Where(pair => pair.Length == 2)
                    .GroupBy(pair => pair[0], StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First()[1], StringComparer.Ordinal);
                if (environment.GetValueOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT") == stack.Traces.Endpoint && !process.HasExited)
                {
                    found.Add(new StackProcess(process, environment));
                }
            }
            catch (IOException)
            {
                // Ended while we looked.
            }
        }
        return found;
    }

    /// <summary>This stack's PostgreSQL server (the postmaster): the postgres process whose command line names the stack's data folder.</summary>
    public static Process FindPostgres(StackFixture stack)
    {
        foreach (var process in Process.GetProcessesByName("postgres"))
        {
            try
            {
                var commandLine = File.ReadAllText($"/proc/{process.Id}/cmdline");
                if (commandLine.Contains(stack.DataRoot, StringComparison.Ordinal))
                {
                    return process;
                }
            }
            catch (IOException)
            {
                // Ended while we looked.
            }
        }
        throw new InvalidOperationException(
            "This stack's local PostgreSQL server was not found; the database fault tests need Infrastructure__Mode=local.");
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
    /// Stops the resource by the orchestrator, keeps it stopped for <paramref name="downFor"/>, then starts it; answers
    /// once it is healthy again.
    /// </summary>
    public static async Task StopForAsync(StackFixture stack, string resource, TimeSpan downFor)
    {
        var previous = CurrentStart(stack, resource);
        using var timeout = new CancellationTokenSource(StackFixture.StartTimeout + downFor);
        var stopped = await stack.App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, timeout.Token);
        Assert.True(stopped.Success, stopped.Message);
        await Task.Delay(downFor, timeout.Token);
        var started = await stack.App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(started.Success, started.Message);
        await WaitUntilHealthyAgainAsync(stack, resource, previous, timeout.Token);
    }

    /// <summary>
    /// SIGKILL of the resource's process (no shutdown, no flush), then a start by the orchestrator; answers once the
    /// resource is healthy again with a new process.
    /// </summary>
    public static async Task KillAndRestartAsync(StackFixture stack, string resource, string processName)
    {
        var process = await FindAsync(stack, processName);
        await KillAndRestartAsync(stack, resource, process, TimeSpan.Zero);
        Assert.NotEqual(process.Id, (await FindAsync(stack, processName)).Id);
    }

    /// <summary>
    /// SIGKILL of PostgreSQL's server and every backend at once, as a power cut would leave it; after
    /// <paramref name="downFor"/> the orchestrator starts it again, and it recovers from its write-ahead log. Answers
    /// once it accepts connections.
    /// </summary>
    public static async Task KillAndRestartPostgresAsync(StackFixture stack, TimeSpan downFor)
    {
        var postmaster = FindPostgres(stack);
        await KillAndRestartAsync(stack, "postgres", postmaster, downFor);
        // The tests' own pooled connections died with the server.
        Npgsql.NpgsqlConnection.ClearAllPools();
        Assert.NotEqual(postmaster.Id, FindPostgres(stack).Id);
    }

    private static async Task KillAndRestartAsync(StackFixture stack, string resource, Process process, TimeSpan downFor)
    {
        var previous = CurrentStart(stack, resource);
        process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(StackFixture.StartTimeout);
        await stack.App.ResourceNotifications.WaitForResourceAsync(resource,
            resourceEvent => KnownResourceStates.TerminalStates.Contains(resourceEvent.Snapshot.State?.Text), timeout.Token);
        await Task.Delay(downFor, timeout.Token);
        var started = await stack.App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(started.Success, started.Message);
        await WaitUntilHealthyAgainAsync(stack, resource, previous, timeout.Token);
        Assert.True(process.HasExited);
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

/// <summary>One process of the stack and the environment it was started with.</summary>
public sealed record StackProcess(Process Process, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The address its HTTP API listens on directly (not through the orchestrator's proxy).</summary>
    public Uri HttpAddress => new(Environment["ASPNETCORE_URLS"].Split(';').First(url => url.StartsWith("http://", StringComparison.Ordinal)));

    /// <summary>A silo's port for other silos, as the membership table records it.</summary>
    public int SiloPort => int.Parse(Environment["Orleans__Endpoints__SiloPort"], System.Globalization.CultureInfo.InvariantCulture);
}
