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

        // SIGKILL: no deactivation, no snapshot; the grain must come back from the log alone.
        await StackProcesses.KillAndRestartAsync(stack, "metrics", "AiRoi.Metrics");

        // Once the ingestion service's client finds the new silo, writes go on where they stopped.
        var deadline = DateTime.UtcNow + StackFixture.StartTimeout;
        while (await PostAsync(Batch(useCase, "b", 5)) != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "No write succeeded after the silo came back.");
            await Task.Delay(500);
        }

        await Recomputation.AssertEachEventOnceAsync(stack, useCase, 25);
        // The metric roll-up, rebuilt from the log alone, equals the same figures computed by SQL from the log.
        await Recomputation.AssertFiguresEqualLogAsync(stack, useCase, new DateOnly(2026, 11, 1));
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
