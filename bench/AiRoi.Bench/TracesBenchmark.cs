using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using AiRoi.Contracts;
using AiRoi.Ingestion.Traces.Otlp;
using AiRoi.Simulation;
using Aspire.Hosting.Testing;
using Google.Protobuf;
using Npgsql;

namespace AiRoi.Bench;

/// <summary>
/// The trace receiver next to the events API, in one run against the whole stack: outcome events per second through
/// <c>POST /api/v1/events</c> (batches of 1,000, as clients send them) and, for the same tasks, GenAI spans per second
/// through <c>POST /v1/traces</c> (protobuf exports of 512 spans, the OpenTelemetry SDK's batch size), each span naming
/// its task so that it is priced and joined into the cost ledger before the export is answered.
/// </summary>
public static class TracesBenchmark
{
    private const int EventsPerBatch = 1_000;
    private const int SpansPerExport = 512;
    private const int Senders = 4;

    /// <summary>Runs the benchmark and answers its markdown section.</summary>
    public static async Task<string> RunAsync(int tasks, string commandLine)
    {
        var total = Stopwatch.StartNew();
        Console.WriteLine($"Starting the stack ({BenchmarkReport.Machine()})");
        await using var stack = await BenchStack.StartAsync();
        using var metrics = stack.Client("metrics");
        using var ingestion = stack.Client("ingestion");
        await using var database = NpgsqlDataSource.Create((await stack.App.GetConnectionStringAsync("metricsdb"))!);

        var warmUp = $"trace-warm-{Guid.NewGuid():N}"[..20];
        var useCase = $"trace-bench-{Guid.NewGuid():N}"[..20];
        foreach (var (id, index) in new[] { (warmUp, 1), (useCase, 2) })
        {
            await BenchStack.ExpectSuccessAsync(await metrics.PostAsJsonAsync("/api/v1/use-cases", PortfolioSimulator.UseCase(id, index, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30))));
        }
        Console.WriteLine("Warming up both paths");
        await SendEventsAsync(ingestion, warmUp, 2_000);
        await SendSpansAsync(ingestion, warmUp, 2_000);

        Console.WriteLine($"{tasks:N0} outcome events in batches of {EventsPerBatch:N0}");
        var events = await SendEventsAsync(ingestion, useCase, tasks);
        Console.WriteLine($"{tasks:N0} spans in exports of {SpansPerExport}");
        var spans = await SendSpansAsync(ingestion, useCase, tasks);
        await using (var command = database.CreateCommand("select count(*) from metrics.ai_cost_ledger where use_case_id = $1"))
        {
            command.Parameters.AddWithValue(useCase);
            var joined = (long)(await command.ExecuteScalarAsync())!;
            if (joined != tasks)
            {
                throw new InvalidOperationException($"{joined:N0} of {tasks:N0} spans were joined to their events.");
            }
        }

        var table = string.Join('\n',
            "| path | items | items/s, answered |",
            "|---|---:|---:|",
            $"| `POST /api/v1/events`, {EventsPerBatch:N0} events a batch, {Senders} senders | {tasks:N0} | {events:N0} |",
            $"| `POST /v1/traces`, protobuf, {SpansPerExport} spans an export, {Senders} senders: recorded, priced and joined to their events before the answer | {tasks:N0} | {spans:N0} |");
        Console.WriteLine(table);
        Console.WriteLine($"Spans/s ÷ events/s: {spans / events:0.00}");
        return $"""
            Command: `dotnet run -c Release --project bench/AiRoi.Bench -- {commandLine}` · machine: {BenchmarkReport.Machine()} · {DateTime.UtcNow:yyyy-MM-dd}

            {table}

            One GenAI span per task, naming its task, sent after the tasks' outcome events: every span is priced and in the
            cost ledger when its export is answered (checked: {tasks:N0} ledger entries). The receiver takes **{spans / events:0.00}×**
            the items per second of the events API in the same run. Whole run: {total.Elapsed.TotalMinutes:0.0} min.
            """;
    }

    private static async Task<double> SendEventsAsync(HttpClient ingestion, string useCase, int count)
    {
        var bodies = Enumerable.Range(0, count).Chunk(EventsPerBatch)
            .Select(chunk => $"{{\"events\":[{string.Join(',', chunk.Select(n => OutcomeEventJson.Serialize(Event(useCase, n))))}]}}")
            .ToList();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = Senders }, async (body, ct) =>
            await BenchStack.ExpectSuccessAsync(await ingestion.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, "application/json"), ct), ct));
        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> SendSpansAsync(HttpClient ingestion, string useCase, int count)
    {
        var exports = Enumerable.Range(0, count).Chunk(SpansPerExport).Select(chunk => Export(useCase, chunk).ToByteArray()).ToList();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(exports, new ParallelOptions { MaxDegreeOfParallelism = Senders }, async (body, ct) =>
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
            using var response = await ingestion.PostAsync("/v1/traces", content, ct);
            var answer = await response.Content.ReadAsByteArrayAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{(int)response.StatusCode} from the trace receiver: {Encoding.UTF8.GetString(answer)}");
            }
            if (ExportTraceServiceResponse.Parser.ParseFrom(answer).PartialSuccess is { RejectedSpans: > 0 } partial)
            {
                throw new InvalidOperationException($"Spans refused: {partial.ErrorMessage}");
            }
        });
        return count / watch.Elapsed.TotalSeconds;
    }

    private static Domain.Events.OutcomeEvent Event(string useCase, int n)
    {
        var completed = DateTimeOffset.UtcNow.Date.AddDays(-1).AddSeconds(n % 80_000);
        return new Domain.Events.OutcomeEvent($"task-{n}", useCase, completed.AddMinutes(-4), completed, Domain.Events.Handler.Ai) { Resolved = true, Csat = 1 + n % 5 };
    }

    private static ExportTraceServiceRequest Export(string useCase, int[] tasks)
    {
        var scope = new ScopeSpans();
        foreach (var n in tasks)
        {
            var started = (ulong)new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-1).AddSeconds(n % 80_000).AddMinutes(-3).ToUnixTimeMilliseconds() * 1_000_000;
            var span = new Span
            {
                TraceId = ByteString.CopyFrom(Guid.NewGuid().ToByteArray()),
                SpanId = ByteString.CopyFrom(BitConverter.GetBytes((long)n + 1)),
                Name = "chat gpt-4o-mini",
                StartTimeUnixNano = started,
                EndTimeUnixNano = started + 900_000_000,
            };
            span.Attributes.Add(Text("gen_ai.operation.name", "chat"));
            span.Attributes.Add(Text("gen_ai.provider.name", "openai"));
            span.Attributes.Add(Text("gen_ai.request.model", "gpt-4o-mini"));
            span.Attributes.Add(Number("gen_ai.usage.input_tokens", 1_500 + n % 500));
            span.Attributes.Add(Number("gen_ai.usage.output_tokens", 200 + n % 100));
            span.Attributes.Add(Number("gen_ai.usage.cache_read.input_tokens", 1_000));
            span.Attributes.Add(Text("airoi.use_case_id", useCase));
            span.Attributes.Add(Text("airoi.event_id", $"task-{n}"));
            scope.Spans.Add(span);
        }
        return new ExportTraceServiceRequest { ResourceSpans = { new ResourceSpans { ScopeSpans = { scope } } } };
    }

    private static KeyValue Text(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    private static KeyValue Number(string key, long value) => new() { Key = key, Value = new AnyValue { IntValue = value } };
}
