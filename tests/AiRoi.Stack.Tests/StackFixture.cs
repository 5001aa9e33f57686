using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using AiRoi.Testing;

namespace AiRoi.Stack.Tests;

/// <summary>
/// One whole AiRoi stack (app host, PostgreSQL, RabbitMQ, every service) shared by the whole-stack tests, on a
/// throwaway data folder that is deleted afterwards, together with any process still holding it.
/// </summary>
public class StackFixture : IAsyncLifetime
{
    /// <summary>Measured about 20 s to healthy on 2 cores with a warm build; a cold CI machine gets ample room.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    /// <summary>Each test's own bound on one call into the stack.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How often the test stack's experiment service analyses running experiments.</summary>
    public static readonly TimeSpan AnalysisPeriod = TimeSpan.FromSeconds(2);

    /// <summary>The services, by resource name.</summary>
    public static readonly string[] Services = ["metrics", "ingestion", "experiments", "web"];

    public string DataRoot { get; } = Path.Combine(Path.GetTempPath(), $"airoi-stack-{Guid.NewGuid():N}");

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>Receives every service's traces, so tests can follow one request across services.</summary>
    public TraceCollector Traces { get; } = new();

    /// <summary>The metrics service reaches its database through this proxy, so a test can lose a commit's acknowledgement.</summary>
    public CommitLossProxy MetricsDatabaseProxy { get; } = new();

    /// <summary>Calls without a key the open analysis takes from one address every 5 s in the test stack.</summary>
    public const int AnalysisCallsWithoutKey = 40;

    /// <summary>The mail server the stack's weekly digests are sent to.</summary>
    public SmtpReceiver Mail { get; } = new();

    /// <summary>How often the metrics service looks for alert conditions in this stack.</summary>
    public static readonly TimeSpan AlertPeriod = TimeSpan.FromSeconds(2);

    /// <summary>Processes of each scalable service (metrics silos, ingestion nodes, experiment services) in this stack.</summary>
    public virtual int Replicas => 1;

    /// <summary>Settings of the app host beyond the data folder and the replicas.</summary>
    protected virtual IEnumerable<string> Settings => [];

    public async Task InitializeAsync()
    {
        await Traces.StartAsync();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AiRoi_AppHost>(
        [
            $"--Infrastructure:DataRoot={DataRoot}",
            "--Infrastructure:Ephemeral=true",
            $"--Scale:MetricsSilos={Replicas}",
            $"--Scale:IngestionNodes={Replicas}",
            $"--Scale:ExperimentServices={Replicas}",
            .. Settings,
        ]);
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToArray())
        {
            builder.CreateResourceBuilder(project)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Traces.Endpoint)
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                // Export within half a second rather than the default five, so tests wait less.
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "500");
        }
        // The periodic analysis runs every 2 s rather than every minute, so its tests wait seconds.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(project => project.Name == "experiments"))
            .WithEnvironment("Experiments__AnalysisPeriod", AnalysisPeriod.ToString())
            // The open analysis is limited per address in windows of 5 s rather than a minute, so the test that
            // exhausts the limit leaves it usable again within seconds (every caller here shares one address).
            .WithEnvironment("Analysis__CallsWithoutKey", AnalysisCallsWithoutKey.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("Analysis__CallsWithoutKeyWindowSeconds", "5");
        // Alerts are looked for every 2 s rather than every 5 min, due ones sent every second, a failed one tried again after 1 s.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(project => project.Name == "metrics"))
            .WithEnvironment("Alerts__EvaluateEvery", AlertPeriod.ToString())
            .WithEnvironment("Alerts__DeliverEvery", "00:00:01")
            .WithEnvironment("Alerts__RetryAfter", "00:00:01")
            // Weekly digests go by e-mail to the test's own mail server, checked every 2 s.
            .WithEnvironment("Digest__Smtp__Host", "127.0.0.1")
            .WithEnvironment("Digest__Smtp__Port", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("Digest__Smtp__From", "digests@airoi.test")
            .WithEnvironment("Digest__CheckEvery", "00:00:02");
        var metricsDatabase = builder.Resources.OfType<IResourceWithConnectionString>().Single(resource => resource.Name == "metricsdb");
        MetricsDatabaseProxy.Start(async cancellationToken => (await metricsDatabase.ConnectionStringExpression.GetValueAsync(cancellationToken))!);
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(project => project.Name == "metrics"))
            .WithEnvironment(async context => context.EnvironmentVariables["ConnectionStrings__metricsdb"] =
                MetricsDatabaseProxy.ConnectionString((await metricsDatabase.ConnectionStringExpression.GetValueAsync(context.CancellationToken))!));
        App = await builder.BuildAsync();

        using var timeout = new CancellationTokenSource(StartTimeout);
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var failure = WatchForFailureAsync(stopWatching.Token);
        var healthy = StartUntilHealthyAsync(timeout.Token);
        try
        {
            if (await Task.WhenAny(healthy, failure) == failure && failure.IsCompletedSuccessfully)
            {
                var failed = await failure;
                throw new InvalidOperationException(
                    $"{failed} ended with a non-zero exit code while the stack started.\n{DescribeResources()}\n{await ReadLogAsync(failed)}");
            }
            await healthy;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The stack was not healthy within {StartTimeout.TotalSeconds:0} s.\n{DescribeResources()}");
        }
        finally
        {
            await stopWatching.CancelAsync();
        }
    }

    private async Task StartUntilHealthyAsync(CancellationToken cancellationToken)
    {
        await App.StartAsync(cancellationToken);
        foreach (var service in Services)
        {
            await WaitForHealthyReplicasAsync(service, service == "web" ? 1 : Replicas, cancellationToken);
        }
    }

    /// <summary>
    /// Waits until <paramref name="count"/> processes of <paramref name="service"/> are healthy at once; a process that
    /// ends first fails the wait at once with the service's log.
    /// </summary>
    public async Task WaitForHealthyReplicasAsync(string service, int count, CancellationToken cancellationToken)
    {
        var healthy = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var resourceEvent in App.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (resourceEvent.Resource.Name != service)
            {
                continue;
            }
            var snapshot = resourceEvent.Snapshot;
            if (KnownResourceStates.TerminalStates.Contains(snapshot.State?.Text) && snapshot.ExitCode is not null and not 0)
            {
                throw new InvalidOperationException(
                    $"{resourceEvent.ResourceId} ended before it was healthy.\n{DescribeResources()}\n{await ReadLogAsync(resourceEvent.ResourceId)}");
            }
            if (snapshot.HealthStatus == HealthStatus.Healthy && snapshot.State?.Text == KnownResourceStates.Running)
            {
                healthy.Add(resourceEvent.ResourceId);
            }
            else
            {
                healthy.Remove(resourceEvent.ResourceId);
            }
            if (healthy.Count >= count)
            {
                return;
            }
        }
    }

    /// <summary>The name of the first resource that ends with a non-zero exit code (the stack cannot become healthy).</summary>
    private async Task<string> WatchForFailureAsync(CancellationToken cancellationToken)
    {
        await foreach (var resourceEvent in App.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (resourceEvent.Snapshot.ExitCode is { } exitCode && exitCode != 0)
            {
                return resourceEvent.Resource.Name;
            }
        }
        throw new OperationCanceledException(cancellationToken);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        await Traces.DisposeAsync();
        await MetricsDatabaseProxy.DisposeAsync();
        await Mail.DisposeAsync();
        LeftoverProcesses.StopAll(DataRoot);
        if (Directory.Exists(DataRoot))
        {
            Directory.Delete(DataRoot, recursive: true);
        }
    }

    /// <summary>The log lines a resource has written so far, for a failure message.</summary>
    public async Task<string> ReadLogAsync(string resourceName)
    {
        var lines = new StringBuilder();
        using var enough = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await foreach (var batch in App.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(resourceName).WithCancellation(enough.Token))
            {
                foreach (var line in batch)
                {
                    lines.AppendLine(line.Content);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The backlog has been read; the watch would otherwise wait for new lines.
        }
        return lines.ToString();
    }

    /// <summary>Every resource with its state and health, for a failure message.</summary>
    public string DescribeResources()
    {
        var model = App.Services.GetRequiredService<DistributedApplicationModel>();
        var text = new StringBuilder();
        foreach (var resource in model.Resources)
        {
            if (App.ResourceNotifications.TryGetCurrentState(resource.Name, out var current))
            {
                var snapshot = current.Snapshot;
                text.AppendLine($"{resource.Name}: {snapshot.State?.Text ?? "no state"}, health {snapshot.HealthStatus?.ToString() ?? "none"}, exit {snapshot.ExitCode?.ToString() ?? "-"}");
            }
            else
            {
                text.AppendLine($"{resource.Name}: no state");
            }
        }
        return text.ToString();
    }
}

[CollectionDefinition(Name)]
public sealed class StackCollection : ICollectionFixture<StackFixture>
{
    public const string Name = "Whole stack";
}
