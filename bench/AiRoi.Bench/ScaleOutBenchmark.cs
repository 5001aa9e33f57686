using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using AiRoi.Simulation;
using Npgsql;
using NpgsqlTypes;

namespace AiRoi.Bench;

/// <summary>
/// The stack with one silo and one ingestion node, then with two of each: events per second through
/// <c>POST /api/v1/events</c> next to the raw ceiling of the same run (binary COPY of the same rows into tables of
/// the log's shape), the portfolio of every use case (p95) gathered from one or two silos, and the silos' memory
/// per use case with every grain active.
/// </summary>
public static class ScaleOutBenchmark
{
    private const int PortfolioCalls = 100;

    /// <summary>Turns the API and the ceiling take on the timed events, a slice each.</summary>
    private const int Rounds = 4;
    private const int BatchSize = 1_000;

    private sealed record Run(int Replicas, double EventsPerSecond, double CeilingPerSecond, long Events, long WarmUpEvents, Latencies Portfolio, Latencies FirstPortfolio, long ManagedBytesPerUseCase, long ManagedBytes, int Activations, string ApiCpu, string CeilingCpu);

    /// <summary>Runs the benchmark and answers its markdown section.</summary>
    /// <param name="useCases">Use cases registered and written.</param>
    /// <param name="eventsPerUseCase">Events per use case, about.</param>
    /// <param name="senders">Batches in flight at once.</param>
    /// <param name="oneSiloOnly">Only the run with one silo and one ingestion node (a quicker measurement while profiling).</param>
    /// <param name="commandLine">The command line, for the report.</param>
    public static async Task<string> RunAsync(int useCases, int eventsPerUseCase, int senders, bool oneSiloOnly, string commandLine)
    {
        var total = Stopwatch.StartNew();
        var runs = new List<Run>();
        foreach (var replicas in oneSiloOnly ? new[] { 1 } : [1, 2])
        {
            runs.Add(await RunOnceAsync(replicas, useCases, eventsPerUseCase, senders));
        }
        total.Stop();
        return Report(runs, useCases, eventsPerUseCase, senders, commandLine, total.Elapsed);
    }

    private static async Task<Run> RunOnceAsync(int replicas, int useCases, int eventsPerUseCase, int senders)
    {
        Console.WriteLine($"Starting the stack with {replicas} silo(s) and {replicas} ingestion node(s) ({BenchmarkReport.Machine()})");
        await using var stack = await BenchStack.StartAsync(replicas);
        using var metrics = stack.Client("metrics");
        // Each ingestion node at its own listening address, batches spread over them in turn, as a load balancer would.
        var ingestion = stack.DirectClients("ingestion");
        foreach (var node in ingestion)
        {
            node.DefaultRequestHeaders.Add("X-Api-Key", "airoi-dev-key");
            node.Timeout = TimeSpan.FromMinutes(5);
        }
        var silos = stack.DirectClients("metrics");
        foreach (var silo in silos)
        {
            silo.DefaultRequestHeaders.Add("X-Api-Key", "airoi-dev-key");
        }
        long managedAtStart = 0;
        foreach (var silo in silos)
        {
            managedAtStart += await ManagedBytesAsync(silo);
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = today.AddDays(-60);
        var goLive = from.AddDays(30);
        var run = Guid.NewGuid().ToString("N")[..6];
        var ids = Enumerable.Range(0, useCases).Select(i => $"scale-{run}-{i:D4}").ToList();
        Console.WriteLine($"Registering {useCases} use cases");
        await Parallel.ForEachAsync(ids.Select((id, index) => (id, index)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, ct) =>
            await BenchStack.ExpectSuccessAsync(await metrics.PostAsJsonAsync("/api/v1/use-cases", PortfolioSimulator.UseCase(item.id, item.index, goLive), ct), ct));

        // The same events for the API and for the ceiling: batches of one use case's events, built before timing.
        var batches = ids.SelectMany((id, index) => new PortfolioSimulator(seed: index)
                .Events(id, index % 5 is 1 or 2, goLive, from, today, eventsPerUseCase / 60.0)
                .Chunk(BatchSize).Select(chunk => (UseCase: id, Events: chunk)))
            .ToList();
        var bodies = batches.Select(batch => new JsonObject { ["events"] = new JsonArray([.. batch.Events.Select(e => e.DeepClone())]) }.ToJsonString()).ToList();

        // The first third of the use cases' events warms the services untimed; the timing starts once the runtime's
        // JIT has compiled the hot code to its optimized tier (its threads idle), as in a deployment that has run for
        // a while. Under full load on 2 cores the JIT falls behind and would otherwise be measured with the service.
        var warmUp = batches.Count / 3;
        await SendAsync(ingestion, bodies.Take(warmUp), senders);
        var settled = await BenchStack.WaitForCompilerIdleAsync("AiRoi.Ingestion", "AiRoi.Metrics");
        var warmUpEvents = batches.Take(warmUp).Sum(batch => batch.Events.Length);
        Console.WriteLine($"Warmed up with {warmUpEvents:N0} events; the JIT settled {settled.TotalSeconds:0} s later");
        var timed = batches.Skip(warmUp).ToList();
        var timedBodies = bodies.Skip(warmUp).ToList();
        var events = timed.Sum(batch => (long)batch.Events.Length);
        // The API and the ceiling take turns on the same rows, a slice each, so that both see the same machine: on a
        // shared machine the speed available changes from minute to minute, and a ceiling measured after the API
        // would compare two different machines.
        Console.WriteLine($"Ingesting {events:N0} events in {timed.Count} batches, {senders} at a time, in {Rounds} rounds, each followed by the ceiling: binary COPY of the same rows into tables of the log's shape");
        await using var ceiling = await CopyCeiling.CreateAsync(stack, timed);
        var apiTime = TimeSpan.Zero;
        var ceilingTime = TimeSpan.Zero;
        var apiCpu = new Dictionary<string, TimeSpan>();
        var ceilingCpu = new Dictionary<string, TimeSpan>();
        var perRound = (timed.Count + Rounds - 1) / Rounds;
        for (var round = 0; round < Rounds; round++)
        {
            var cpu = CpuShares.Take();
            var ingest = Stopwatch.StartNew();
            await SendAsync(ingestion, timedBodies.Skip(round * perRound).Take(perRound), senders);
            apiTime += ingest.Elapsed;
            var between = CpuShares.Take();
            Add(apiCpu, between.Since(cpu));
            ceilingTime += await ceiling.CopyAsync(timed.Skip(round * perRound).Take(perRound));
            Add(ceilingCpu, CpuShares.Take().Since(between));
        }
        var eventsPerSecond = events / apiTime.TotalSeconds;
        var ceilingPerSecond = events / ceilingTime.TotalSeconds;
        Console.WriteLine($"  {eventsPerSecond:N0} events/s through the API, {ceilingPerSecond:N0} by COPY");
        var apiCpuText = CpuShares.PerThousand(Shares(apiCpu), events);
        var ceilingCpuText = CpuShares.PerThousand(Shares(ceilingCpu), events);
        Console.WriteLine($"  CPU per 1,000 events through the API: {apiCpuText}");
        Console.WriteLine($"  CPU per 1,000 events by COPY: {ceilingCpuText}");

        Console.WriteLine("Measuring the portfolio");
        // Asked of each silo at its own listening address in turn, as a load balancer would spread the calls.
        var first = new Latencies("portfolio, first call (every summary computed)");
        await first.TimeAsync(() => GetAsync(silos[0], "/api/v1/portfolio"));
        // Summaries computed before the last events came catch up on the grains' timer.
        await Task.Delay(TimeSpan.FromSeconds(12));
        var portfolio = new Latencies($"portfolio, {useCases} use cases (cached summaries)");
        var portfolioCpu = CpuShares.Take();
        var portfolioWatch = Stopwatch.StartNew();
        for (var i = 0; i < PortfolioCalls; i++)
        {
            var silo = silos[i % silos.Count];
            await portfolio.TimeAsync(() => GetAsync(silo, "/api/v1/portfolio"));
        }
        // What else ran meanwhile (autovacuum after the load, the grains' timers) shows here.
        Console.WriteLine($"  CPU during the portfolio calls ({portfolioWatch.Elapsed.TotalSeconds:0.0} s): " +
            string.Join(", ", CpuShares.Take().Since(portfolioCpu).Select(share => $"{share.Part} {share.Cpu.TotalMilliseconds:N0} ms")));

        // Each silo's own heap and activations, asked at its own address.
        long managed = 0;
        var activations = 0;
        foreach (var silo in silos)
        {
            var memory = (await silo.GetFromJsonAsync<JsonObject>("/api/v1/status/memory"))!;
            managed += memory["managedBytes"]!.GetValue<long>();
            activations += memory["activations"]!.GetValue<int>();
            silo.Dispose();
        }
        foreach (var node in ingestion)
        {
            node.Dispose();
        }
        var perUseCase = (managed - managedAtStart) / useCases;
        return new Run(replicas, eventsPerSecond, ceilingPerSecond, events, warmUpEvents, portfolio, first, perUseCase, managed, activations, apiCpuText, ceilingCpuText);
    }

    private static void Add(Dictionary<string, TimeSpan> total, IReadOnlyList<(string Part, TimeSpan Cpu)> shares)
    {
        foreach (var (part, cpu) in shares)
        {
            total[part] = total.GetValueOrDefault(part) + cpu;
        }
    }

    private static List<(string Part, TimeSpan Cpu)> Shares(Dictionary<string, TimeSpan> total) =>
        [.. total.Select(pair => (pair.Key, pair.Value)).OrderByDescending(share => share.Item2)];

    private static Task SendAsync(IReadOnlyList<HttpClient> nodes, IEnumerable<string> bodies, int senders) =>
        Parallel.ForEachAsync(bodies.Select((body, index) => (body, node: nodes[index % nodes.Count])), new ParallelOptions { MaxDegreeOfParallelism = senders }, async (batch, ct) =>
            await BenchStack.ExpectSuccessAsync(await batch.node.PostAsync("/api/v1/events", new StringContent(batch.body, Encoding.UTF8, "application/json"), ct), ct));

    /// <summary>
    /// The raw ceiling: binary COPY of the same rows, one transaction per batch, into copies of <c>event_ids</c> and
    /// <c>outcome_events</c> (partitioned by month, as the log is), from the benchmark's own connection.
    /// </summary>
    private sealed class CopyCeiling : IAsyncDisposable
    {
        private readonly NpgsqlConnection connection;
        private readonly Dictionary<string, long> sequences = new(StringComparer.Ordinal);

        private CopyCeiling(NpgsqlConnection connection) => this.connection = connection;

        /// <summary>Creates the tables, with a partition for every month of <paramref name="batches"/>, before any timing.</summary>
        public static async Task<CopyCeiling> CreateAsync(BenchStack stack, IEnumerable<(string UseCase, JsonObject[] Events)> batches)
        {
            var connection = new NpgsqlConnection(await stack.App.GetConnectionStringAsync("metricsdb"));
            await connection.OpenAsync();
            await using (var create = new NpgsqlCommand(
                """
                create schema if not exists ceiling;
                drop table if exists ceiling.event_ids, ceiling.outcome_events;
                create table ceiling.event_ids (like metrics.event_ids including all);
                create table ceiling.outcome_events (like metrics.outcome_events including all) partition by range (completed_at);
                create index on ceiling.outcome_events (use_case_id, completed_at);
                """, connection))
            {
                await create.ExecuteNonQueryAsync();
            }
            // Monthly partitions, as the log has, made before timing as the log's are before its writes.
            foreach (var month in Rows(batches).Select(row => new DateTime(row.CompletedAt.Year, row.CompletedAt.Month, 1, 0, 0, 0, DateTimeKind.Utc)).Distinct())
            {
                await using var partition = new NpgsqlCommand(
                    $"create table ceiling.outcome_events_{month:yyyy_MM} partition of ceiling.outcome_events for values from ('{month:yyyy-MM-dd} 00:00:00+00') to ('{month.AddMonths(1):yyyy-MM-dd} 00:00:00+00')",
                    connection);
                await partition.ExecuteNonQueryAsync();
            }
            return new CopyCeiling(connection);
        }

        /// <summary>Copies the rows of <paramref name="batches"/>; answers the time it took.</summary>
        public async Task<TimeSpan> CopyAsync(IEnumerable<(string UseCase, JsonObject[] Events)> batches)
        {
            var rows = Rows(batches);
            var timer = Stopwatch.StartNew();
            foreach (var chunk in rows.Chunk(BatchSize))
            {
                // One transaction per batch, as the log writes one per batch.
                await using var transaction = await connection.BeginTransactionAsync();
                var numbered = chunk.Select(row => (row, Sequence: sequences[row.UseCase] = sequences.GetValueOrDefault(row.UseCase) + 1)).ToList();
                await using (var ids = await connection.BeginBinaryImportAsync("copy ceiling.event_ids (use_case_id, event_id, sequence) from stdin (format binary)"))
                {
                    foreach (var (row, sequence) in numbered)
                    {
                        await ids.StartRowAsync();
                        await ids.WriteAsync(row.UseCase, NpgsqlDbType.Text);
                        await ids.WriteAsync(row.EventId, NpgsqlDbType.Text);
                        await ids.WriteAsync(sequence, NpgsqlDbType.Bigint);
                    }
                    await ids.CompleteAsync();
                }
                await using (var log = await connection.BeginBinaryImportAsync("copy ceiling.outcome_events (use_case_id, sequence, event_id, completed_at, event) from stdin (format binary)"))
                {
                    foreach (var (row, sequence) in numbered)
                    {
                        await log.StartRowAsync();
                        await log.WriteAsync(row.UseCase, NpgsqlDbType.Text);
                        await log.WriteAsync(sequence, NpgsqlDbType.Bigint);
                        await log.WriteAsync(row.EventId, NpgsqlDbType.Text);
                        await log.WriteAsync(row.CompletedAt, NpgsqlDbType.TimestampTz);
                        await log.WriteAsync(row.Json, NpgsqlDbType.Jsonb);
                    }
                    await log.CompleteAsync();
                }
                await transaction.CommitAsync();
            }
            return timer.Elapsed;
        }

        /// <inheritdoc />
        public ValueTask DisposeAsync() => connection.DisposeAsync();

        private static List<(string UseCase, string EventId, DateTime CompletedAt, string Json)> Rows(IEnumerable<(string UseCase, JsonObject[] Events)> batches) =>
            [.. batches.SelectMany(batch => batch.Events.Select(e => (batch.UseCase, EventId: e["eventId"]!.GetValue<string>(),
                CompletedAt: DateTime.Parse(e["completedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                Json: e.ToJsonString())))];
    }

    private static Task<long> ManagedBytesAsync(HttpClient silo) => BenchStack.ManagedBytesAsync(silo);

    private static Task<long> GetAsync(HttpClient client, string path) => BenchStack.ReadAnswerAsync(client, path);

    private static string Report(List<Run> runs, int useCases, int eventsPerUseCase, int senders, string commandLine, TimeSpan elapsed)
    {
        var one = runs[0];
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Scale-out: one silo and one ingestion node, then two of each");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Run on {DateTime.UtcNow:yyyy-MM-dd}, {BenchmarkReport.Machine()}; the whole stack on the same machine, so two silos and two ingestion nodes share its cores: the second run measures the cost of spreading over processes, not a speed-up.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Command: `dotnet run -c Release --project bench/AiRoi.Bench -- {commandLine}` ({elapsed.TotalMinutes:0.0} min).");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Data: {useCases:N0} use cases, about {eventsPerUseCase} events each over 60 days; the first third of the use cases' events warms the services untimed ({string.Join(" and ", runs.Select(run => $"{run.WarmUpEvents:N0}"))} events), the timing starts once the runtime's JIT threads are idle (under 5 % of a second), and the rest are timed ({string.Join(" and ", runs.Select(run => $"{run.Events:N0}"))} events), sent through `POST /api/v1/events` in batches of up to {BatchSize:N0} events of one use case, {senders} at a time, straight to each ingestion node's listening address (with two nodes, batches alternate between them).");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Ceiling: binary COPY of the same rows, one transaction per batch, into tables of the log's shape (`event_ids`, and `outcome_events` partitioned by month, with their keys and index), from the benchmark's own connection, in the same run: the timed events go in {Rounds} slices, each sent through the API and then copied, so that both are measured on the same machine minute by minute.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Portfolio: `GET /api/v1/portfolio` of every use case, {PortfolioCalls} calls one after another once the last events are in and the grains' summaries have caught up, asked of each silo at its own listening address in turn.");
        text.AppendLine();
        text.AppendLine("| silos and ingestion nodes | events/s through the API | COPY ceiling, events/s | API ÷ ceiling | portfolio p50 ms | portfolio p95 ms | first portfolio ms | managed heap per use case | activations |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {run.Replicas} | {run.EventsPerSecond:N0} | {run.CeilingPerSecond:N0} | {run.EventsPerSecond / run.CeilingPerSecond:0.00} | {run.Portfolio.Percentile(50):0.0} | {run.Portfolio.Percentile(95):0.0} | {run.FirstPortfolio.Percentile(50):0} | {run.ManagedBytesPerUseCase / 1024:N0} KiB | {run.Activations:N0} |");
        }
        text.AppendLine();
        var ratio = one.EventsPerSecond / one.CeilingPerSecond;
        text.Append(CultureInfo.InvariantCulture, $"Targets: ingestion ≥ 0.7 of the ceiling with one silo — **{(ratio >= 0.7 ? "met" : "not met")}** ({ratio:0.00}); portfolio p95 under 20 ms — **{(one.Portfolio.Percentile(95) < 20 ? "met" : "not met")}** with one silo ({one.Portfolio.Percentile(95):0.0} ms)");
        if (runs.Count > 1)
        {
            var two = runs[1];
            text.Append(CultureInfo.InvariantCulture, $", **{(two.Portfolio.Percentile(95) < 20 ? "met" : "not met")}** with two ({two.Portfolio.Percentile(95):0.0} ms). Two of each against one: ingestion {two.EventsPerSecond / one.EventsPerSecond:0.00}×, portfolio p95 {two.Portfolio.Percentile(95) / one.Portfolio.Percentile(95):0.00}×");
        }
        text.AppendLine(".");
        text.AppendLine();
        foreach (var run in runs)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"CPU time per 1,000 events with {run.Replicas} of each, by process: through the API {run.ApiCpu}; by COPY {run.CeilingCpu}.");
            text.AppendLine();
        }
        return text.ToString().TrimEnd() + "\n";
    }
}
