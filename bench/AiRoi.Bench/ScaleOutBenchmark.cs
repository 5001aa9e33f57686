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
    private const int BatchSize = 1_000;
    private const int Senders = 8;

    private sealed record Run(int Replicas, double EventsPerSecond, double CeilingPerSecond, long Events, Latencies Portfolio, Latencies FirstPortfolio, long ManagedBytesPerUseCase, long ManagedBytes, int Activations);

    /// <summary>Runs the benchmark and answers its markdown section.</summary>
    public static async Task<string> RunAsync(int useCases, int eventsPerUseCase, string commandLine)
    {
        var total = Stopwatch.StartNew();
        var runs = new List<Run>();
        foreach (var replicas in new[] { 1, 2 })
        {
            runs.Add(await RunOnceAsync(replicas, useCases, eventsPerUseCase));
        }
        total.Stop();
        return Report(runs, useCases, eventsPerUseCase, commandLine, total.Elapsed);
    }

    private static async Task<Run> RunOnceAsync(int replicas, int useCases, int eventsPerUseCase)
    {
        Console.WriteLine($"Starting the stack with {replicas} silo(s) and {replicas} ingestion node(s) ({BenchmarkReport.Machine()})");
        await using var stack = await BenchStack.StartAsync(replicas);
        using var metrics = stack.Client("metrics");
        using var ingestion = stack.PlainClient("ingestion");
        ingestion.DefaultRequestHeaders.Add("X-Api-Key", "airoi-dev-key");
        ingestion.Timeout = TimeSpan.FromMinutes(5);
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
        var events = batches.Sum(batch => (long)batch.Events.Length);
        var bodies = batches.Select(batch => new JsonObject { ["events"] = new JsonArray([.. batch.Events.Select(e => e.DeepClone())]) }.ToJsonString()).ToList();

        Console.WriteLine($"Ingesting {events:N0} events in {batches.Count} batches, {Senders} at a time");
        var ingest = Stopwatch.StartNew();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = Senders }, async (body, ct) =>
            await BenchStack.ExpectSuccessAsync(await ingestion.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, "application/json"), ct), ct));
        ingest.Stop();
        var eventsPerSecond = events / ingest.Elapsed.TotalSeconds;
        Console.WriteLine($"  {eventsPerSecond:N0} events/s");

        Console.WriteLine("Measuring the ceiling: binary COPY of the same rows into tables of the log's shape");
        var ceiling = await CopyCeilingAsync(stack, batches);
        Console.WriteLine($"  {ceiling:N0} events/s");

        Console.WriteLine("Measuring the portfolio");
        var first = new Latencies("portfolio, first call (every summary computed)");
        await first.TimeAsync(() => GetAsync(metrics, "/api/v1/portfolio"));
        // Summaries computed before the last events came catch up on the grains' timer.
        await Task.Delay(TimeSpan.FromSeconds(12));
        var portfolio = new Latencies($"portfolio, {useCases} use cases (cached summaries)");
        for (var i = 0; i < PortfolioCalls; i++)
        {
            await portfolio.TimeAsync(() => GetAsync(metrics, "/api/v1/portfolio"));
        }

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
        var perUseCase = (managed - managedAtStart) / useCases;
        return new Run(replicas, eventsPerSecond, ceiling, events, portfolio, first, perUseCase, managed, activations);
    }

    /// <summary>Events per second of binary COPY of the same rows into copies of <c>event_ids</c> and <c>outcome_events</c>.</summary>
    private static async Task<double> CopyCeilingAsync(BenchStack stack, List<(string UseCase, JsonObject[] Events)> batches)
    {
        await using var connection = new NpgsqlConnection(await stack.App.GetConnectionStringAsync("metricsdb"));
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            """
            create schema if not exists ceiling;
            drop table if exists ceiling.event_ids, ceiling.outcome_events;
            create table ceiling.event_ids (like metrics.event_ids including all);
            create table ceiling.outcome_events (like metrics.outcome_events including all);
            create index on ceiling.outcome_events (use_case_id, completed_at);
            """, connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        var rows = batches.SelectMany(batch => batch.Events.Select((e, i) => (batch.UseCase, EventId: e["eventId"]!.GetValue<string>(),
            CompletedAt: DateTime.Parse(e["completedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            Json: e.ToJsonString()))).ToList();
        var sequences = new Dictionary<string, long>(StringComparer.Ordinal);
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
        timer.Stop();
        return rows.Count / timer.Elapsed.TotalSeconds;
    }

    private static Task<long> ManagedBytesAsync(HttpClient silo) => BenchStack.ManagedBytesAsync(silo);

    private static Task<byte[]> GetAsync(HttpClient client, string path) => BenchStack.GetBytesAsync(client, path);

    private static string Report(List<Run> runs, int useCases, int eventsPerUseCase, string commandLine, TimeSpan elapsed)
    {
        var one = runs[0];
        var two = runs[1];
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Scale-out: one silo and one ingestion node, then two of each");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Run on {DateTime.UtcNow:yyyy-MM-dd}, {BenchmarkReport.Machine()}; the whole stack on the same machine, so two silos and two ingestion nodes share its cores: the second run measures the cost of spreading over processes, not a speed-up.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Command: `dotnet run -c Release --project bench/AiRoi.Bench -- {commandLine}` ({elapsed.TotalMinutes:0.0} min).");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Data: {useCases:N0} use cases, about {eventsPerUseCase} events each over 60 days ({one.Events:N0} events), sent through `POST /api/v1/events` in batches of up to {BatchSize:N0} events of one use case, {Senders} at a time, straight to the ingestion service's listening address (with two nodes, the orchestrator's proxy spreads them).");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Ceiling: binary COPY of the same rows, one transaction per batch, into tables of the log's shape (`event_ids` and `outcome_events` with their keys and index), from the benchmark's own connection, in the same run.");
        text.AppendLine();
        text.AppendLine("| silos and ingestion nodes | events/s through the API | COPY ceiling, events/s | API ÷ ceiling | portfolio p50 ms | portfolio p95 ms | first portfolio ms | managed heap per use case | activations |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {run.Replicas} | {run.EventsPerSecond:N0} | {run.CeilingPerSecond:N0} | {run.EventsPerSecond / run.CeilingPerSecond:0.00} | {run.Portfolio.Percentile(50):0.0} | {run.Portfolio.Percentile(95):0.0} | {run.FirstPortfolio.Percentile(50):0} | {run.ManagedBytesPerUseCase / 1024:N0} KiB | {run.Activations:N0} |");
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Two of each against one: ingestion {two.EventsPerSecond / one.EventsPerSecond:0.00}×, portfolio p95 {two.Portfolio.Percentile(95) / one.Portfolio.Percentile(95):0.00}×. Targets: ingestion ≥ 0.7 of the ceiling with one silo — **{(one.EventsPerSecond / one.CeilingPerSecond >= 0.7 ? "met" : "not met")}** ({one.EventsPerSecond / one.CeilingPerSecond:0.00}); portfolio p95 under 20 ms — **{(one.Portfolio.Percentile(95) < 20 ? "met" : "not met")}** with one silo ({one.Portfolio.Percentile(95):0.0} ms), **{(two.Portfolio.Percentile(95) < 20 ? "met" : "not met")}** with two ({two.Portfolio.Percentile(95):0.0} ms).");
        return text.ToString();
    }
}
