using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;

namespace AiRoi.Stack.Tests;

/// <summary>
/// An experiment end to end: subjects assigned by the assignment API, outcome events sent through ingestion with
/// their variant, consumed from RabbitMQ into per-variant statistics, and results that match the generated truth.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ExperimentResultsTests(StackFixture stack)
{
    private static readonly TimeSpan ConsumeWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Results_count_every_assigned_subject_once_and_measure_the_generated_lift()
    {
        var useCase = $"lift-{Guid.NewGuid():N}"[..24];
        await StackDatabase.RegisterUseCaseAsync(stack, useCase);
        using var experiments = Client("experiments");
        var created = await experiments.PostAsJsonAsync("/api/v1/experiments", new JsonObject
        {
            ["useCaseId"] = useCase,
            ["name"] = "AI reply drafts",
            ["variants"] = new JsonArray(new JsonObject { ["name"] = "control", ["weight"] = 0.5 }, new JsonObject { ["name"] = "ai-drafts", ["weight"] = 0.5 }),
            ["primaryMetric"] = "conversionRate",
            ["guardrailMetrics"] = new JsonArray("resolutionTimeMean"),
            ["method"] = "frequentist",
            ["minimumDetectableEffect"] = 0.05,
        });
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        (await experiments.PostAsync($"/api/v1/experiments/{id}/start", null)).EnsureSuccessStatusCode();

        // The truth: 1,200 subjects, each assigned by the API; control converts 10 % of the time, the AI drafts 15 %.
        var random = new Random(11);
        var events = new JsonArray();
        var truth = new Dictionary<string, (int Subjects, int Conversions)> { ["control"] = (0, 0), ["ai-drafts"] = (0, 0) };
        for (var i = 0; i < 1200; i++)
        {
            var subject = $"lead-{i}";
            var answer = (await experiments.GetFromJsonAsync<JsonObject>($"/api/v1/experiments/{id}/assignment?subjectId={subject}"))!;
            var variant = answer["variant"]!.GetValue<string>();
            var converted = random.NextDouble() < (variant == "control" ? 0.10 : 0.15);
            var (subjects, conversions) = truth[variant];
            truth[variant] = (subjects + 1, conversions + (converted ? 1 : 0));
            events.Add(new JsonObject
            {
                ["eventId"] = $"e-{i}",
                ["useCaseId"] = useCase,
                ["subjectId"] = subject,
                ["startedAt"] = "2026-11-20T10:00:00Z",
                ["completedAt"] = $"2026-11-20T10:04:{i % 60:D2}Z",
                ["handler"] = "ai",
                ["converted"] = converted,
                ["experimentId"] = id,
                ["variant"] = variant,
            });
        }
        using var ingestion = Client("ingestion");
        using var content = new StringContent(new JsonObject { ["events"] = events }.ToJsonString(), Encoding.UTF8, "application/json");
        (await ingestion.PostAsync("/api/v1/events", content)).EnsureSuccessStatusCode();

        var deadline = DateTime.UtcNow + ConsumeWait;
        while (await StackDatabase.ScalarAsync(stack, "experimentsdb", "select count(*) from experiments.outcomes where experiment_id = $1", id) < 1200
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        var results = (await experiments.GetFromJsonAsync<JsonObject>($"/api/v1/experiments/{id}/results"))!;
        Assert.Equal([truth["control"].Subjects, truth["ai-drafts"].Subjects],
            results["exposures"]!.AsArray().Select(e => e!["subjects"]!.GetValue<int>()));
        Assert.False(results["sampleRatio"]!["isMismatch"]!.GetValue<bool>());
        var primary = results["metrics"]![0]!;
        Assert.Equal("conversionRate", primary["metricKey"]!.GetValue<string>());
        var rateControl = truth["control"].Conversions / (double)truth["control"].Subjects;
        var rateTreatment = truth["ai-drafts"].Conversions / (double)truth["ai-drafts"].Subjects;
        Assert.Equal(rateControl, primary["variants"]![0]!["mean"]!.GetValue<double>(), 12);
        Assert.Equal(rateTreatment, primary["variants"]![1]!["mean"]!.GetValue<double>(), 12);
        var lift = primary["treatments"]![0]!["lift"]!;
        Assert.Equal(rateTreatment / rateControl - 1, lift["estimate"]!.GetValue<double>(), 9);
        Assert.True(lift["ciLower"]!.GetValue<double>() < lift["estimate"]!.GetValue<double>());
        Assert.NotNull(primary["treatments"]![0]!["adjustedPValue"]);
        // Resolution time is the same in both variants by construction: the guardrail does no harm.
        var guardrail = results["metrics"]![1]!;
        Assert.Equal("guardrail", guardrail["role"]!.GetValue<string>());
        Assert.Equal("non-inferior", guardrail["treatments"]![0]!["guardrail"]!.GetValue<string>());
        Assert.True(results["daysLeft"]!.GetValue<double>() >= 0);
    }

    private HttpClient Client(string service)
    {
        var client = stack.App.CreateHttpClient(service, "http");
        client.DefaultRequestHeaders.Add("X-Api-Key", "airoi-dev-key");
        return client;
    }
}
