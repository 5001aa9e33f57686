using System.Net;
using System.Text.Json.Nodes;

namespace AiRoi.Stack.Tests;

/// <summary>
/// From traffic to decision: the periodic analysis flags an experiment whose lift is clear and announces it on the
/// broker; shipping it puts its conversion lift, with its interval, into the use case's ROI.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ExperimentDecisionTests(StackFixture stack)
{
    // MassTransit names a message type's exchange namespace:type.
    private const string AnalyzedExchange = "AiRoi.Contracts.Messages:ExperimentAnalyzed";

    private static readonly TimeSpan AnalysisWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_clear_lift_is_flagged_ready_and_announced_and_once_shipped_it_is_the_use_cases_revenue_lift()
    {
        var useCase = $"ship-{Guid.NewGuid():N}"[..24];
        await StackDatabase.RegisterUseCaseAsync(stack, useCase, aiGoLiveDate: "2026-01-01");
        await using var tap = await BrokerTap.OpenAsync(stack, AnalyzedExchange);

        var id = await StackExperiments.StartAsync(stack, new JsonObject
        {
            ["useCaseId"] = useCase,
            ["name"] = "AI follow-up emails",
            ["variants"] = new JsonArray(new JsonObject { ["name"] = "control", ["weight"] = 0.5 }, new JsonObject { ["name"] = "ai-follow-up", ["weight"] = 0.5 }),
            ["primaryMetric"] = "conversionRate",
            ["method"] = "sequential",
            ["multipleTesting"] = "benjamini-hochberg",
        });
        // 10 % against 30 %: the always-valid interval excludes zero long before 1,000 subjects.
        var truth = await StackExperiments.SendAssignedAsync(stack, useCase, id, 1000, variant => variant == "control" ? 0.10 : 0.30, seed: 5);

        var message = (await tap.NextAsync(m => m.Message["experimentId"]!.GetValue<string>() == id && m.Message["readyForDecision"]!.AsArray().Count > 0, AnalysisWait)).Message;
        Assert.Equal(1000, message["exposures"]!.GetValue<long>());
        Assert.Equal("conversionRate", message["primaryMetric"]!.GetValue<string>());
        Assert.Contains("the primary metric's always-valid interval excludes zero", message["readyForDecision"]!.AsArray().Select(r => r!.GetValue<string>()));
        var stored = await StackHttp.SendAsync(stack, "experiments", HttpMethod.Get, $"/api/v1/experiments/{id}");
        Assert.Contains("the primary metric's always-valid interval excludes zero",
            stored.Body["analysis"]!["readyForDecision"]!.AsArray().Select(r => r!.GetValue<string>()));
        var listed = await StackHttp.SendAsync(stack, "experiments", HttpMethod.Get, $"/api/v1/experiments?useCaseId={useCase}");
        Assert.NotNull(Assert.Single(listed.Array)!["analysis"]!["analyzedAt"]);
        var results = await StackHttp.SendAsync(stack, "experiments", HttpMethod.Get, $"/api/v1/experiments/{id}/results");
        Assert.Equal("benjamini-hochberg", results.Body["multipleTesting"]!.GetValue<string>());

        var refused = await StackHttp.SendAsync(stack, "experiments", HttpMethod.Post, $"/api/v1/experiments/{id}/conclude",
            new JsonObject { ["decision"] = "ship", ["variant"] = "control" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("variant", refused.Node!.ToJsonString());
        var concluded = await StackHttp.SendAsync(stack, "experiments", HttpMethod.Post, $"/api/v1/experiments/{id}/conclude",
            new JsonObject { ["decision"] = "ship", ["note"] = "Follow-ups triple conversion" });
        Assert.True(concluded.Status == HttpStatusCode.OK, concluded.Node?.ToJsonString());
        var decision = concluded.Body["decisions"]!.AsArray()[^1]!;
        Assert.Equal("ai-follow-up", decision["variant"]!.GetValue<string>());
        var lift = decision["conversionLift"]!;
        var expected = truth["ai-follow-up"].Conversions / (double)truth["ai-follow-up"].Subjects - truth["control"].Conversions / (double)truth["control"].Subjects;
        Assert.Equal(expected, lift["absoluteLift"]!.GetValue<double>(), 12);

        // The metrics service receives the conclusion; the use case's ROI prices the lift at 100 a conversion.
        var deadline = DateTime.UtcNow + AnalysisWait;
        JsonObject total;
        do
        {
            await Task.Delay(250);
            var roi = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, $"/api/v1/use-cases/{useCase}/roi?granularity=month&from=2026-11-01&to=2026-11-30");
            Assert.True(roi.Status == HttpStatusCode.OK, roi.Node?.ToJsonString());
            total = roi.Body["total"]!.AsObject();
        }
        while (total["revenueLiftSource"]?.GetValue<string>() != $"experiment:{id}" && DateTime.UtcNow < deadline);
        Assert.Equal($"experiment:{id}", total["revenueLiftSource"]?.GetValue<string>());
        var revenue = total["revenueLift"]!;
        Assert.Equal(expected * 1000 * 100, revenue["value"]!.GetValue<double>(), 6);
        Assert.Equal(lift["low"]!.GetValue<double>() * 1000 * 100, revenue["low"]!.GetValue<double>(), 6);
        Assert.Equal(lift["high"]!.GetValue<double>() * 1000 * 100, revenue["high"]!.GetValue<double>(), 6);
        Assert.Equal(1, await StackDatabase.ScalarAsync(stack, "experimentsdb",
            "select count(*) from experiments.experiments where id = $1 and conclusion_published_at is not null", id));
    }
}
