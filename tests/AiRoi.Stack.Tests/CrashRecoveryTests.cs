using System.Net;
using System.Net.Http.Json;
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

        // SIGKILL: no deactivation, no snapshot; the grain must come back from the log alone.
        await StackProcesses.KillAndRestartAsync(stack, "metrics", "AiRoi.Metrics", "metricsdb");

        // Once the ingestion service's client finds the new silo, writes go on where they stopped.
        var deadline = DateTime.UtcNow + StackFixture.StartTimeout;
        while (await PostAsync(Batch(useCase, "b", 5)) != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "No write succeeded after the silo came back.");
            await Task.Delay(500);
        }

        Assert.Equal(25, await StackDatabase.ScalarAsync(stack, "metricsdb", "select count(*) from metrics.outcome_events where use_case_id = $1", useCase));
        Assert.Equal(25, await StackDatabase.ScalarAsync(stack, "metricsdb", "select max(sequence) from metrics.event_ids where use_case_id = $1", useCase));
        using var client = StackHttp.Client(stack, "metrics");
        using var call = new CancellationTokenSource(StackFixture.CallTimeout);
        var totals = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/use-cases/{useCase}/event-log", call.Token))!;
        Assert.Equal(25, totals["sequence"]!.GetValue<long>());
        Assert.Equal(25, totals["eventsByHandler"]!["ai"]!.GetValue<long>());

        // The metric roll-up, rebuilt from the log alone, equals the same figures computed by SQL from the log.
        foreach (var (metric, field) in new[] { ("costPerTask", "aiCost"), ("csatMean", "csat") })
        {
            var series = (await client.GetFromJsonAsync<JsonArray>(
                $"/api/v1/use-cases/{useCase}/metrics/{metric}?granularity=day&from=2026-11-21&to=2026-11-21", call.Token))!;
            await using var connection = await StackDatabase.OpenAsync(stack, "metricsdb");
            await using var command = new Npgsql.NpgsqlCommand(
                $"select avg((event->>'{field}')::float8), count(event->>'{field}') from metrics.outcome_events where use_case_id = $1", connection);
            command.Parameters.AddWithValue(useCase);
            await using var reader = await command.ExecuteReaderAsync(call.Token);
            await reader.ReadAsync(call.Token);
            var overall = series[0]!["overall"]!;
            Assert.Equal(reader.GetDouble(0), overall["value"]!.GetValue<double>(), 9);
            Assert.Equal(reader.GetInt64(1), overall["n"]!.GetValue<long>());
        }
    }

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
