using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace AiRoi.Bench;

/// <summary>The whole stack as the tests start it: the app host with a throwaway data folder, until every service is healthy.</summary>
public sealed class BenchStack : IAsyncDisposable
{
    private static readonly string[] Services = ["metrics", "ingestion", "experiments", "web"];

    private BenchStack(DistributedApplication app, string dataRoot, IReadOnlyDictionary<string, IReadOnlyList<string>> replicas)
    {
        App = app;
        DataRoot = dataRoot;
        this.replicas = replicas;
    }

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> replicas;

    /// <summary>The running application.</summary>
    public DistributedApplication App { get; }

    /// <summary>The throwaway data folder.</summary>
    public string DataRoot { get; }

    /// <summary>
    /// Starts the stack and waits (at most 5 minutes) until every service is healthy; with <paramref name="replicas"/>
    /// above 1, that many metrics silos and ingestion nodes, each healthy.
    /// </summary>
    public static async Task<BenchStack> StartAsync(int replicas = 1)
    {
        var dataRoot = Path.Combine(Path.GetTempPath(), $"airoi-bench-{Guid.NewGuid():N}");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AiRoi_AppHost>(
            [$"--Infrastructure:DataRoot={dataRoot}", "--Infrastructure:Ephemeral=true", $"--Scale:MetricsSilos={replicas}", $"--Scale:IngestionNodes={replicas}"]);
        // No dashboard runs under the testing builder, so the OTLP endpoint the app host hands out has no listener:
        // without one the services export nothing, rather than retrying exports to a closed port every second.
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToArray())
        {
            builder.CreateResourceBuilder(project).WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", "");
        }
        // Start-up health probes fail until each resource is up; the benchmark's own output is what matters.
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("AiRoi.AppHost.Resources", LogLevel.None));
        var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await app.StartAsync(timeout.Token);
        var replicaIds = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var service in Services)
        {
            var healthy = new HashSet<string>(StringComparer.Ordinal);
            var wanted = service is "metrics" or "ingestion" ? replicas : 1;
            await foreach (var resourceEvent in app.ResourceNotifications.WatchAsync(timeout.Token))
            {
                if (resourceEvent.Resource.Name == service && resourceEvent.Snapshot.HealthStatus == HealthStatus.Healthy)
                {
                    healthy.Add(resourceEvent.ResourceId);
                }
                if (healthy.Count >= wanted)
                {
                    break;
                }
            }
            replicaIds[service] = [.. healthy];
        }
        return new BenchStack(app, dataRoot, replicaIds);
    }

    /// <summary>An HTTP client of a service, with the development key and a generous timeout.</summary>
    public HttpClient Client(string service)
    {
        var client = App.CreateHttpClient(service, "http");
        client.DefaultRequestHeaders.Add("X-Api-Key", "airoi-dev-key");
        client.Timeout = TimeSpan.FromMinutes(5);
        return client;
    }

    /// <summary>
    /// The process id of a service: the process the orchestrator started for it, or, when that is a launcher, the
    /// process below it whose command line names the service's assembly.
    /// </summary>
    public int ProcessId(string service, string assembly)
    {
        if (!App.ResourceNotifications.TryGetCurrentState(service, out var resourceEvent))
        {
            throw new InvalidOperationException($"No state for {service}.");
        }
        var root = Convert.ToInt32(resourceEvent.Snapshot.Properties.First(property => property.Name == "executable.pid").Value,
            System.Globalization.CultureInfo.InvariantCulture);
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(ChildrenOf(tree[i]));
        }
        // The launcher names the project too; the service itself is the deepest match.
        return tree.LastOrDefault(pid => CommandLine(pid).Contains(assembly, StringComparison.Ordinal), root);
    }

    /// <summary>The command line of a process, arguments separated by spaces.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid))
            {
                string stat;
                try
                {
                    stat = File.ReadAllText(Path.Combine(folder, "stat"));
                }
                catch (IOException)
                {
                    continue;
                }
                // pid (comm) state ppid …; comm may hold spaces, so read after the last ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == parent)
                {
                    yield return pid;
                }
            }
        }
    }

    /// <summary>
    /// A plain HTTP client of a service's endpoint, without the resilience and discovery handlers of
    /// <see cref="Client"/>: latency measurements then time the service, not the client's pipeline.
    /// </summary>
    public HttpClient PlainClient(string service) => Plain(App.GetEndpoint(service, "http"));

    /// <summary>
    /// A plain HTTP client of the service's own listening address (its <c>ASPNETCORE_URLS</c>), past the
    /// orchestrator's development proxy that <see cref="PlainClient"/> goes through; a deployment has no such proxy.
    /// </summary>
    public HttpClient DirectClient(string service)
    {
        if (!App.ResourceNotifications.TryGetCurrentState(service, out var resourceEvent))
        {
            throw new InvalidOperationException($"No state for {service}.");
        }
        var urls = resourceEvent.Snapshot.EnvironmentVariables.FirstOrDefault(variable => variable.Name == "ASPNETCORE_URLS")?.Value
            ?? throw new InvalidOperationException($"{service} has no ASPNETCORE_URLS.");
        return Plain(new Uri(urls.Split(';').First(url => url.StartsWith("http://", StringComparison.Ordinal))));
    }

    /// <summary>A plain client of each process of the service (one per replica), at its own listening address.</summary>
    public IReadOnlyList<HttpClient> DirectClients(string service) =>
        [.. replicas[service].Select(id =>
        {
            if (!App.ResourceNotifications.TryGetCurrentState(id, out var resourceEvent))
            {
                throw new InvalidOperationException($"No state for {id}.");
            }
            var urls = resourceEvent.Snapshot.EnvironmentVariables.First(variable => variable.Name == "ASPNETCORE_URLS").Value!;
            return Plain(new Uri(urls.Split(';').First(url => url.StartsWith("http://", StringComparison.Ordinal))));
        })];

    private static HttpClient Plain(Uri address) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = address,
        };

    /// <summary>Disposes the response, failing the benchmark with the answer when it is not a success.</summary>
    public static async Task ExpectSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(
                    $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }
    }

    /// <summary>The body of a GET, failing the benchmark with the answer when it is not a success.</summary>
    public static async Task<byte[]> GetBytesAsync(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        }
        return body;
    }

    /// <summary>
    /// Reads the answer of a GET to its last byte into a buffer kept for every call, and answers its length: a
    /// timed read then measures the service and the network, not the load generator allocating a fresh megabyte
    /// (which the kernel zeroes page by page) for every answer.
    /// </summary>
    public static async Task<long> ReadAnswerAsync(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        await using var stream = await response.Content.ReadAsStreamAsync();
        long length = 0;
        int read;
        while ((read = await stream.ReadAsync(DiscardedAnswers)) > 0)
        {
            length += read;
        }
        return length;
    }

    /// <summary>Where answers are read and dropped; calls at once may share it, since no byte of it is kept.</summary>
    private static readonly byte[] DiscardedAnswers = new byte[64 * 1024];

    /// <summary>The live managed heap of the silo <paramref name="metrics"/> reaches, after a full collection.</summary>
    public static async Task<long> ManagedBytesAsync(HttpClient metrics) =>
        System.Text.Json.Nodes.JsonNode.Parse(await GetBytesAsync(metrics, "/api/v1/status/memory"))!["managedBytes"]!.GetValue<long>();

    /// <summary>
    /// CPU time the runtime's tiered-compilation threads (<c>.NET Tiered Com</c>) of the processes whose command line
    /// names one of <paramref name="services"/> have used so far: how busy the JIT still is re-compiling hot code.
    /// </summary>
    public static TimeSpan CompilerTime(params string[] services)
    {
        const double TicksPerSecond = 100; // USER_HZ, the unit of /proc's CPU times on Linux
        long ticks = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid) || !services.Any(CommandLine(pid).Contains))
            {
                continue;
            }
            try
            {
                foreach (var thread in Directory.EnumerateDirectories(Path.Combine(folder, "task")))
                {
                    var stat = File.ReadAllText(Path.Combine(thread, "stat"));
                    if (stat.Contains("(.NET Tiered Com)", StringComparison.Ordinal))
                    {
                        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                        ticks += long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The process or thread ended while we looked.
            }
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>
    /// Waits (at most a minute) until the JIT threads of <paramref name="services"/> use under 5% of a second: the hot
    /// code met so far is compiled to its optimized tier, as in a service that has run for a while. Answers the wait.
    /// </summary>
    public static async Task<TimeSpan> WaitForCompilerIdleAsync(params string[] services)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            var compiled = CompilerTime(services);
            await Task.Delay(TimeSpan.FromSeconds(1));
            if (CompilerTime(services) - compiled < TimeSpan.FromSeconds(0.05))
            {
                break;
            }
        }
        return waited.Elapsed;
    }

    /// <summary>Resident memory of a process, in bytes (VmRSS).</summary>
    public static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        // Anything still running from the data folder (an epmd, a server that ignored the stop) ends here.
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid))
            {
                try
                {
                    if (File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(DataRoot, StringComparison.Ordinal))
                    {
                        System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true);
                    }
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
                {
                    // The process ended while we looked.
                }
            }
        }
        if (Directory.Exists(DataRoot))
        {
            Directory.Delete(DataRoot, recursive: true);
        }
    }
}
