using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AiRoi.Contracts;
using AiRoi.Contracts.Messages;
using Aspire.Hosting.Testing;
using System.Text.Json;
using MassTransit.Serialization;
using RabbitMQ.Client;
using Npgsql;
using AiRoi.Simulation;

namespace AiRoi.Bench;

/// <summary>
/// The experiment benchmarks, in one run against the whole stack:
/// (1) experiment events per second from publication on RabbitMQ to the consumer's commit, in messages of many
/// events as the use-case grains publish them, next to one message per event; and the whole path from ingestion;
/// (2) the results call at ten million exposures next to the same figures recomputed by SQL from the stored outcomes.
/// </summary>
public static class ExperimentsBenchmark
{
    /// <summary>Events per message in the batched case: what one ingestion batch of that size publishes.</summary>
    private const int EventsPerMessage = 1_000;

    /// <summary>Messages in flight at once while publishing (each publish waits for the broker's confirm).</summary>
    private const int Publishers = 16;

    /// <summary>Events through the consumer before anything is timed.</summary>
    private const int WarmUpEvents = 30_000;

    /// <summary>Results calls measured.</summary>
    private const int ResultsCalls = 50;

    /// <summary>SQL recomputations measured.</summary>
    private const int SqlRuns = 3;

    /// <summary>Runs the benchmark and answers its markdown section.</summary>
    public static async Task<string> RunAsync(int batchedEvents, int singleEvents, long exposures, string commandLine)
    {
        var total = Stopwatch.StartNew();
        Console.WriteLine($"Starting the stack ({BenchmarkReport.Machine()})");
        await using var stack = await BenchStack.StartAsync();
        using var metrics = stack.Client("metrics");
        using var experiments = stack.Client("experiments");
        using var ingestion = stack.Client("ingestion");
        var useCase = $"exp-bench-{Guid.NewGuid():N}"[..20];
        await BenchStack.ExpectSuccessAsync(await metrics.PostAsJsonAsync("/api/v1/use-cases", PortfolioSimulator.UseCase(useCase, 1, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30))));
        var experimentsDb = (await stack.App.GetConnectionStringAsync("experimentsdb"))!;
        await using var database = NpgsqlDataSource.Create(experimentsDb);

        var broker = new Uri((await stack.App.GetConnectionStringAsync("messaging"))!);
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        string throughput;
        {
            // Warm as a running deployment is: the consumer's hot code compiled to its optimized tier before timing.
            Console.WriteLine($"Warming up the consumer with {WarmUpEvents:N0} events");
            await ThroughBrokerAsync(connection, database, useCase, "warm-up", WarmUpEvents, EventsPerMessage);
            await BenchStack.WaitForCompilerIdleAsync("AiRoi.Experiments");
            Console.WriteLine($"{batchedEvents:N0} events in messages of {EventsPerMessage:N0}");
            var (batched, batchedShares) = await ThroughBrokerAsync(connection, database, useCase, "batched", batchedEvents, EventsPerMessage);
            var batchedCpu = CpuShares.PerThousand(batchedShares, batchedEvents);
            Console.WriteLine($"CPU per 1,000 events: {batchedCpu}");
            Console.WriteLine($"{singleEvents:N0} events, one message each");
            var (single, _) = await ThroughBrokerAsync(connection, database, useCase, "single", singleEvents, 1);
            Console.WriteLine($"{batchedEvents:N0} events through ingestion in batches of {EventsPerMessage:N0}");
            var cpuBefore = CpuShares.Take();
            var ingested = await ThroughIngestionAsync(ingestion, database, useCase, batchedEvents);
            var ingestedCpu = CpuShares.PerThousand(CpuShares.Take().Since(cpuBefore), batchedEvents);
            Console.WriteLine($"CPU per 1,000 events: {ingestedCpu}");
            // The same events without an experiment, warm: what ingestion alone takes, for the consumer to keep up with.
            await BenchStack.WaitForCompilerIdleAsync("AiRoi.Ingestion", "AiRoi.Metrics");
            Console.WriteLine($"{batchedEvents:N0} events without an experiment through ingestion alone");
            var alone = await IngestionAloneAsync(ingestion, useCase, batchedEvents);
            Console.WriteLine($"  {alone:N0} events/s");
            throughput = string.Join('\n',
                "| path | events | messages | events/s |",
                "|---|---:|---:|---:|",
                Row($"RabbitMQ, {EventsPerMessage:N0} events a message (as the grains publish)", batchedEvents, batchedEvents / EventsPerMessage, batched),
                Row("RabbitMQ, one message per event", singleEvents, singleEvents, single),
                Row($"whole path: `POST /api/v1/events` ({EventsPerMessage:N0} a batch) → grain → RabbitMQ → consumer", batchedEvents, batchedEvents / EventsPerMessage, ingested),
                Row($"for comparison, ingestion alone: the same events without an experiment, `POST /api/v1/events` ({EventsPerMessage:N0} a batch) until acknowledged", batchedEvents, batchedEvents / EventsPerMessage, alone));
            Console.WriteLine(throughput);
            Console.WriteLine($"Batched / one per event: {batched / single:0.0}×");
            throughput += $"\n\nCPU time per 1,000 events, by process, in the batched run: {batchedCpu}; in the whole path: {ingestedCpu}.";
            throughput += $"\n\nThe consumer takes **{batched / alone:0.00}×** the events per second that ingestion alone takes in the same run (target ≥ 1: **{(batched >= alone ? "met" : "not met")}**).";
            throughput += $"\n\nBatching carries **{batched / single:0.0}×** the events per second of one message per event through the same broker and consumer.";
        }

        Console.WriteLine($"Creating an experiment with {exposures:N0} exposures");
        var id = await StartExperimentAsync(experiments, useCase);
        var seed = Stopwatch.StartNew();
        await SeedAsync(database, useCase, id, exposures);
        seed.Stop();
        Console.WriteLine($"Seeded in {seed.Elapsed.TotalSeconds:0} s; measuring");

        using var plain = stack.PlainClient("experiments");
        plain.DefaultRequestHeaders.Add("X-Api-Key", "airoi-dev-key");
        var results = new Latencies($"`GET /api/v1/experiments/{{id}}/results`, {exposures:N0} exposures");
        JsonObject? answer = null;
        for (var i = 0; i < ResultsCalls + 5; i++)
        {
            var watch = Stopwatch.StartNew();
            answer = (await plain.GetFromJsonAsync<JsonObject>($"/api/v1/experiments/{id}/results"))!;
            if (i >= 5)
            {
                results.Add(watch.Elapsed);
            }
        }
        var counted = answer!["exposures"]!.AsArray().Sum(e => e!["subjects"]!.GetValue<long>());
        if (counted != exposures)
        {
            throw new InvalidOperationException($"The results count {counted} exposures, not {exposures}.");
        }
        var sql = new Latencies($"SQL recomputation from `experiments.outcomes` and `exposures`, {exposures:N0} rows each");
        for (var i = 0; i < SqlRuns; i++)
        {
            var watch = Stopwatch.StartNew();
            await RecomputeAsync(database, id);
            sql.Add(watch.Elapsed);
        }
        total.Stop();

        var report = new StringBuilder();
        report.AppendLine("## Experiments: events through RabbitMQ, and results at ten million exposures");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- Run on {DateTime.UtcNow:yyyy-MM-dd}, {BenchmarkReport.Machine()}; the whole stack and the load generator on the same machine.");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Command: `dotnet run -c Release --project bench/AiRoi.Bench -- {commandLine}` ({total.Elapsed.TotalMinutes:0.0} min).");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Throughput: `ExperimentEventsRecorded` messages built before timing as the grains build them (plain JSON, compact, with MassTransit's message type header), as ingestion's request bodies are built before timing; published on {Publishers} channels at once, each publish confirmed by the broker; timed from the first publish until the experiment service has committed every event (outcome, first exposure, per-variant moments); every event has its own subject, so each is a first exposure. Before timing, {WarmUpEvents:N0} events warm the consumer and the runtime's JIT finishes compiling its hot code. For comparison, in the same run, the same events without an experiment through ingestion alone (4 batches in flight), timed until every batch is acknowledged, that is, in the log.");
        report.AppendLine();
        report.AppendLine(throughput);
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- Results: {exposures:N0} subjects with one outcome each, written by SQL in {seed.Elapsed.TotalSeconds:0} s (outcomes, exposures, and the per-variant counts and moments the consumer keeps); then {ResultsCalls} results calls over HTTP after 5 of warm-up, and the same exposures and conversion moments recomputed by SQL from the rows.");
        report.AppendLine();
        report.AppendLine("| call | calls | p50 ms | p95 ms | p99 ms | max ms |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        report.AppendLine(results.Row());
        report.AppendLine(sql.Row());
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"The results call answers in **{sql.Percentile(50) / results.Percentile(50):N0}×** less time than the recomputation (p50 against p50).");
        return report.ToString();
    }

    private static string Row(string path, long events, long messages, double rate) =>
        string.Create(CultureInfo.InvariantCulture, $"| {path} | {events:N0} | {messages:N0} | {rate:N0} |");

    /// <summary>
    /// Publishes the events in messages of <paramref name="perMessage"/>, built before timing as the grains build
    /// them (plain JSON, compact, with MassTransit's message type header), <see cref="Publishers"/> channels at once,
    /// each publish confirmed; answers events per second until all are committed, and the CPU each process spent
    /// from the first publish to the last commit.
    /// </summary>
    private static async Task<(double Rate, IReadOnlyList<(string Part, TimeSpan Cpu)> Cpu)> ThroughBrokerAsync(IConnection connection, NpgsqlDataSource database, string useCase, string experiment, int events, int perMessage)
    {
        experiment = $"{experiment}-{Guid.NewGuid():N}"[..24];
        var json = new JsonSerializerOptions(SystemTextJsonMessageSerializer.Options) { WriteIndented = false };
        var bodies = Enumerable.Range(0, events).Chunk(perMessage)
            .Select(chunk => JsonSerializer.SerializeToUtf8Bytes(
                new ExperimentEventsRecorded(useCase, chunk.Select(n => new RecordedOutcome(n + 1, Event(useCase, experiment, n))).ToList()), json))
            .ToList();
        var channels = new List<IChannel>();
        for (var i = 0; i < Publishers; i++)
        {
            channels.Add(await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)));
        }
        try
        {
            var cpuBefore = CpuShares.Take();
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(channels.Select(async (channel, lane) =>
            {
                for (var i = lane; i < bodies.Count; i += Publishers)
                {
                    var properties = new BasicProperties
                    {
                        ContentType = "application/json",
                        MessageId = Guid.NewGuid().ToString(),
                        Persistent = true,
                        Headers = new Dictionary<string, object?> { ["MT-MessageType"] = MessageType },
                    };
                    await channel.BasicPublishAsync(MessageExchange, "", mandatory: true, properties, bodies[i]);
                }
            }));
            await WaitForAsync(database, experiment, events);
            return (events / watch.Elapsed.TotalSeconds, CpuShares.Take().Since(cpuBefore));
        }
        finally
        {
            foreach (var channel in channels)
            {
                await channel.DisposeAsync();
            }
        }
    }

    /// <summary>The exchange MassTransit publishes <see cref="ExperimentEventsRecorded"/> to, and its message type.</summary>
    private const string MessageExchange = "AiRoi.Contracts.Messages:ExperimentEventsRecorded";

    private const string MessageType = "urn:message:AiRoi.Contracts.Messages:ExperimentEventsRecorded";

    /// <summary>Sends the events through ingestion; answers events per second until the experiment service committed them all.</summary>
    private static async Task<double> ThroughIngestionAsync(HttpClient ingestion, NpgsqlDataSource database, string useCase, int events)
    {
        var experiment = $"ingested-{Guid.NewGuid():N}"[..24];
        var bodies = Bodies(Enumerable.Range(0, events).Select(n => Event(useCase, experiment, n)));
        var watch = Stopwatch.StartNew();
        await PostAsync(ingestion, bodies);
        await WaitForAsync(database, experiment, events);
        return events / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Sends events without an experiment through ingestion; answers events per second until every batch is acknowledged (in the log).</summary>
    private static async Task<double> IngestionAloneAsync(HttpClient ingestion, string useCase, int events)
    {
        var bodies = Bodies(Enumerable.Range(0, events)
            .Select(n => Event(useCase, "alone", n) with { EventId = $"alone-{Guid.NewGuid():N}", ExperimentId = null, Variant = null }));
        var watch = Stopwatch.StartNew();
        await PostAsync(ingestion, bodies);
        return events / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Request bodies of <see cref="EventsPerMessage"/> events each, built before any timing.</summary>
    private static List<string> Bodies(IEnumerable<Domain.Events.OutcomeEvent> events) =>
        [.. events.Chunk(EventsPerMessage).Select(chunk => $"{{\"events\":[{string.Join(',', chunk.Select(OutcomeEventJson.Serialize))}]}}")];

    /// <summary>Posts the bodies to the events API, 4 at a time, each expected to succeed.</summary>
    private static Task PostAsync(HttpClient ingestion, List<string> bodies) =>
        Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (body, ct) =>
            await BenchStack.ExpectSuccessAsync(await ingestion.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, "application/json"), ct), ct));

    private static Domain.Events.OutcomeEvent Event(string useCase, string experiment, int n)
    {
        var completed = DateTimeOffset.UtcNow.Date.AddDays(-1).AddSeconds(n % 80_000);
        return new Domain.Events.OutcomeEvent($"{experiment}-{n}", useCase, completed.AddMinutes(-4), completed, Domain.Events.Handler.Ai)
        {
            SubjectId = $"subject-{n}",
            ExperimentId = experiment,
            Variant = n % 2 == 0 ? "control" : "treatment",
            Converted = n % 10 < (n % 2 == 0 ? 1 : 2),
            Csat = 1 + n % 5,
        };
    }

    private static async Task WaitForAsync(NpgsqlDataSource database, string experiment, long events)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            // The per-variant counts (every event has a resolution time) are committed with the outcomes they count, and
            // reading them costs next to nothing: counting the outcomes every 50 ms would load the measured database.
            await using var command = database.CreateCommand(
                "select coalesce(sum(n), 0)::bigint from experiments.variant_statistics where experiment_id = $1 and metric_key = 'resolutionTimeMean'");
            command.Parameters.AddWithValue(experiment);
            var kept = (long)(await command.ExecuteScalarAsync())!;
            if (kept >= events)
            {
                return;
            }
            if (deadline.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"Only {kept} of {events} events of {experiment} were kept within 10 minutes.");
            }
            await Task.Delay(50);
        }
    }

    private static async Task<string> StartExperimentAsync(HttpClient experiments, string useCase)
    {
        var created = await experiments.PostAsJsonAsync("/api/v1/experiments", new JsonObject
        {
            ["useCaseId"] = useCase,
            ["name"] = "Ten million exposures",
            ["variants"] = new JsonArray(new JsonObject { ["name"] = "control", ["weight"] = 0.5 }, new JsonObject { ["name"] = "treatment", ["weight"] = 0.5 }),
            ["primaryMetric"] = "conversionRate",
            ["guardrailMetrics"] = new JsonArray("csatMean"),
            ["minimumDetectableEffect"] = 0.05,
        });
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        await BenchStack.ExpectSuccessAsync(await experiments.PostAsync($"/api/v1/experiments/{id}/start", null));
        return id;
    }

    /// <summary>
    /// Writes the rows the consumer would have written for <paramref name="exposures"/> subjects with one event each,
    /// by SQL on the server: the outcomes, the exposures (its counting trigger off, the counts then written at once)
    /// and the per-variant moments.
    /// </summary>
    private static async Task SeedAsync(NpgsqlDataSource database, string useCase, string experiment, long exposures)
    {
        await using var connection = await database.OpenConnectionAsync();
        object[] all = [useCase, experiment, exposures];
        object[] one = [experiment];
        foreach (var (sql, parameters) in new (string, object[])[]
        {
            ("set session_replication_role = replica", []),
            (
            """
            insert into experiments.outcomes (use_case_id, event_id, sequence, experiment_id, variant, subject_id, completed_at, event)
            select $1, 's-' || g, g, $2, v.variant, 'subject-' || g, t.at,
                   jsonb_build_object('eventId', 's-' || g, 'useCaseId', $1, 'subjectId', 'subject-' || g, 'startedAt', t.at - interval '4 minutes',
                                      'completedAt', t.at, 'handler', 'ai', 'experimentId', $2, 'variant', v.variant,
                                      'converted', g % 10 < case when g % 2 = 0 then 1 else 2 end, 'csat', 1 + g % 5)
              from generate_series(1::bigint, $3) g,
                   lateral (select case when g % 2 = 0 then 'control' else 'treatment' end as variant) v,
                   lateral (select timestamptz '2026-11-01' + g * interval '100 milliseconds' as at) t
            """, all),
            (
            """
            insert into experiments.exposures (experiment_id, subject_id, variant, first_exposed_at, event_id)
            select experiment_id, subject_id, variant, completed_at, event_id from experiments.outcomes where experiment_id = $1
            """, one),
            ("set session_replication_role = origin", []),
            (
            """
            insert into experiments.variant_exposures (experiment_id, variant, subjects)
            select experiment_id, variant, count(*) from experiments.exposures where experiment_id = $1 group by 1, 2
            """, one),
            (
            """
            insert into experiments.variant_statistics (experiment_id, variant, metric_key, n, sum, sum_of_squares)
            select experiment_id, variant, m.key, count(*), sum(m.value), sum(m.value * m.value)
              from experiments.outcomes,
                   lateral (values ('conversionRate', ((event->>'converted')::boolean)::int::float8), ('csatMean', (event->>'csat')::float8)) m(key, value)
             where experiment_id = $1
             group by 1, 2, 3
            """, one),
            ("analyze experiments.outcomes", []),
        })
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 1800 };
            foreach (var value in parameters)
            {
                command.Parameters.AddWithValue(value);
            }
            var watch = Stopwatch.StartNew();
            await command.ExecuteNonQueryAsync();
            Console.WriteLine($"  {watch.Elapsed.TotalSeconds,6:0.0} s  {sql.Split('\n')[0].Trim()}");
        }
    }

    /// <summary>The results' inputs by SQL from the rows: exposures per variant, and the conversion moments per variant.</summary>
    private static async Task RecomputeAsync(NpgsqlDataSource database, string experiment)
    {
        await using var command = database.CreateCommand(
            """
            select e.variant, e.subjects, o.n, o.conversions
              from (select variant, count(*) subjects from experiments.exposures where experiment_id = $1 group by variant) e
              join (select variant, count(*) n, sum(((event->>'converted')::boolean)::int) conversions
                      from experiments.outcomes where experiment_id = $1 group by variant) o using (variant)
            """);
        command.CommandTimeout = 1800;
        command.Parameters.AddWithValue(experiment);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }
}
