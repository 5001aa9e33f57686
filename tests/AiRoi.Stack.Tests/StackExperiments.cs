using System.Net;
using System.Text.Json.Nodes;

namespace AiRoi.Stack.Tests;

/// <summary>
/// An experiment's traffic as a deployment makes it: subjects assigned by the assignment API, their outcome events
/// sent through ingestion with their variant, then waited for in the experiment service's tables.
/// </summary>
public static class StackExperiments
{
    /// <summary>How long the consumer may take to keep a sent batch.</summary>
    public static readonly TimeSpan ConsumeWait = TimeSpan.FromSeconds(60);

    /// <summary>Creates and starts an experiment; answers its id.</summary>
    public static async Task<string> StartAsync(StackFixture stack, JsonObject definition)
    {
        var created = await StackHttp.SendAsync(stack, "experiments", HttpMethod.Post, "/api/v1/experiments", definition);
        Assert.True(created.Status == HttpStatusCode.Created, created.Node?.ToJsonString());
        var id = created.Body["id"]!.GetValue<string>();
        var started = await StackHttp.SendAsync(stack, "experiments", HttpMethod.Post, $"/api/v1/experiments/{id}/start");
        Assert.True(started.Status == HttpStatusCode.OK, started.Node?.ToJsonString());
        return id;
    }

    /// <summary>
    /// Assigns <paramref name="subjects"/> subjects through the API and sends one event each, converted with the
    /// chance <paramref name="conversionRate"/> gives its variant; answers per variant the subjects and conversions.
    /// </summary>
    public static async Task<Dictionary<string, (int Subjects, int Conversions)>> SendAssignedAsync(
        StackFixture stack, string useCase, string experimentId, int subjects, Func<string, double> conversionRate, int seed, string date = "2026-11-20")
    {
        var random = new Random(seed);
        var events = new JsonArray();
        var truth = new Dictionary<string, (int Subjects, int Conversions)>();
        for (var i = 0; i < subjects; i++)
        {
            var subject = $"lead-{i}";
            var answer = await StackHttp.SendAsync(stack, "experiments", HttpMethod.Get, $"/api/v1/experiments/{experimentId}/assignment?subjectId={subject}");
            var variant = answer.Body["variant"]!.GetValue<string>();
            var converted = random.NextDouble() < conversionRate(variant);
            var (n, conversions) = truth.GetValueOrDefault(variant);
            truth[variant] = (n + 1, conversions + (converted ? 1 : 0));
            events.Add(new JsonObject
            {
                ["eventId"] = $"{experimentId}-e-{i}",
                ["useCaseId"] = useCase,
                ["subjectId"] = subject,
                ["startedAt"] = $"{date}T10:00:00Z",
                ["completedAt"] = $"{date}T10:04:{i % 60:D2}Z",
                ["handler"] = "ai",
                ["converted"] = converted,
                ["experimentId"] = experimentId,
                ["variant"] = variant,
            });
        }
        var sent = await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/events", new JsonObject { ["events"] = events });
        Assert.True(sent.Status == HttpStatusCode.OK, sent.Node?.ToJsonString());
        await WaitForOutcomesAsync(stack, experimentId, subjects);
        return truth;
    }

    /// <summary>Waits until the experiment service has kept <paramref name="count"/> outcomes of the experiment.</summary>
    public static async Task WaitForOutcomesAsync(StackFixture stack, string experimentId, long count)
    {
        var deadline = DateTime.UtcNow + ConsumeWait;
        long kept;
        while ((kept = await OutcomesAsync(stack, experimentId)) < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
        Assert.Equal(count, kept);
    }

    private static Task<long> OutcomesAsync(StackFixture stack, string experimentId) =>
        StackDatabase.ScalarAsync(stack, "experimentsdb", "select count(*) from experiments.outcomes where experiment_id = $1", experimentId);
}
