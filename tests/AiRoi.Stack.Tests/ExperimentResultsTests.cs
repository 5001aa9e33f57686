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
    [Fact]
    public async Task Results_count_every_assigned_subject_once_and_measure_the_generated_lift()
    {
        var useCase = $"lift-{Guid.NewGuid():N}"[..24];
        await StackDatabase.RegisterUseCaseAsync(stack, useCase);
        var id = await StackExperiments.StartAsync(stack, new JsonObject
        {
            ["useCaseId"] = useCase,
            ["name"] = "AI reply drafts",
            ["variants"] = new JsonArray(new JsonObject { ["name"] = "control", ["weight"] = 0.5 }, new JsonObject { ["name"] = "ai-drafts", ["weight"] = 0.5 }),
            ["primaryMetric"] = "conversionRate",
            ["guardrailMetrics"] = new JsonArray("resolutionTimeMean"),
            ["method"] = "frequentist",
            ["minimumDetectableEffect"] = 0.05,
        });

        // The truth: 1,200 subjects, each assigned by the API; control converts 10 % of the time, the AI drafts 15 %.
        var truth = await StackExperiments.SendAssignedAsync(stack, useCase, id, 1200, variant => variant == "control" ? 0.10 : 0.15, seed: 11);

        using var experiments = Client("experiments");
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
