using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;

namespace AiRoi.Stack.Tests;

[Collection(StackCollection.Name)]
public sealed class CrashRecoveryTests(StackFixture stack)
{
    [Fact]
    public async Task After_the_silo_is_killed_every_acknowledged_event_is_in_the_log_and_the_totals_and_metrics_equal_a_recomputation()
    {
        var useCase = $"crash-{Guid.NewGuid():N}"[..24];
        await StackDatabase.RegisterUseCaseAsync(stack, useCase);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Batch(useCase, "a", 20)));
        // Five tasks whose AI cost comes from their traces: two priced into the ledger before the crash, three after.
        var traces = Enumerable.Range(0, 5).Select(_ => System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString()).ToArray();
        Assert.Equal(HttpStatusCode.OK, await PostAsync(TracedBatch(useCase, traces)));
        await SendCallsAsync(traces[..2], first: 0);

        // SIGKILL: no deactivation, no snapshot; the grain must come back from the log alone.
        await StackProcesses.KillAndRestartAsync(stack, "metrics", "AiRoi.Metrics");

        // Once the ingestion service's client finds the new silo, writes go on where they stopped.
        var deadline = DateTime.UtcNow + StackFixture.StartTimeout;
        while (await PostAsync(Batch(useCase, "b", 5)) != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "No write succeeded after the silo came back.");
            await Task.Delay(500);
        }

        await SendCallsAsync(traces[2..], first: 2);

        await Recomputation.AssertEachEventOnceAsync(stack, useCase, 30);
        Assert.Equal(5, await StackDatabase.ScalarAsync(stack, "metricsdb", "select count(*) from metrics.ai_cost_ledger where use_case_id = $1", useCase));
        // The metric roll-up, rebuilt from the log alone, equals the same figures computed by SQL from the log.
        await Recomputation.AssertFiguresEqualLogAsync(stack, useCase, new DateOnly(2026, 11, 1));
    }

    private async Task SendCallsAsync(string[] traces, int first)
    {
        for (var i = 0; i < traces.Length; i++)
        {
            var answer = await OtlpJson.PostAsync(stack, OtlpJson.Export(OtlpJson.Span(traces[i], root: false, new DateTimeOffset(2026, 11, 21, 8, 1, 0, TimeSpan.Zero),
                ("gen_ai.request.model", "gpt-4o-mini"), ("gen_ai.usage.input_tokens", 100_000L * (first + i + 1)), ("gen_ai.usage.output_tokens", 1_000L))));
            Assert.True(answer.Status == HttpStatusCode.OK && answer.Node?["partialSuccess"] is null, answer.Node?.ToJsonString());
        }
    }

    private static string TracedBatch(string useCase, string[] traces) => new JsonObject
    {
        ["events"] = new JsonArray([.. traces.Select((trace, i) => (JsonNode)new JsonObject
        {
            ["eventId"] = $"t{i}",
            ["useCaseId"] = useCase,
            ["startedAt"] = "2026-11-21T08:00:00Z",
            ["completedAt"] = "2026-11-21T08:03:00Z",
            ["handler"] = "ai",
            ["traceId"] = trace,
            ["csat"] = 5,
        })]),
    }.ToJsonString();

    private static string Batch(string useCase, string prefix, int count) => new JsonObject
    {
        ["events"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject
        {
            ["eventId"] = $"{prefix}{i}",
            ["useCaseId"] = useCase,
            ["startedAt"] = "2026-11-21T08:00:00Z",
            ["completedAt"] = "2026-11-21T08:03:00Z",
            ["handler"] = "ai",
            ["aiCost"] = i % 7 / 100.0,
            ["csat"] = 1 + i % 5,
        })]),
    }.ToJsonString();

    private async Task<HttpStatusCode> PostAsync(string body)
    {
        using var client = stack.App.CreateHttpClient("ingestion", "http");
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", "airoi-dev-key");
        try
        {
            using var response = await client.SendAsync(request, timeout.Token);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return HttpStatusCode.ServiceUnavailable;
        }
    }
}
