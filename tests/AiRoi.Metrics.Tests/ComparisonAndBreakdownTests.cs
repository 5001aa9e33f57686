using AiRoi.Domain.Events;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Rollups;
using static AiRoi.Metrics.Tests.Scenario;

namespace AiRoi.Metrics.Tests;

/// <summary>The AI-vs-human comparison and the exception breakdown with its trend, computed by the grain.</summary>
[Collection(MetricsClusterCollection.Name)]
public sealed class ComparisonAndBreakdownTests(MetricsCluster cluster)
{
    private static readonly DateOnly Monday = new(2026, 7, 6);

    private static Dictionary<string, string> Complexity(string value) => new() { ["complexity"] = value };

    [Fact]
    public async Task Ai_getting_the_easy_cases_looks_better_raw_but_not_within_strata()
    {
        var useCase = UseCase("compare");
        await cluster.RegisterAsync(useCase);
        var events = new List<OutcomeEvent>();
        // Easy cases: AI 8 (CSAT 5,5,5,5,4,4,4,4), human 2 (5,4): both average 4.5.
        events.AddRange(new[] { 5, 5, 5, 5, 4, 4, 4, 4 }.Select(csat => Event(useCase, Monday, Handler.Ai) with { Csat = csat, Attributes = Complexity("low") }));
        events.AddRange(new[] { 5, 4 }.Select(csat => Event(useCase, Monday, Handler.Human) with { Csat = csat, Attributes = Complexity("low") }));
        // Hard cases: AI 2 (2,3), human 8 (2,3,2,3,2,3,2,3): both average 2.5.
        events.AddRange(new[] { 2, 3 }.Select(csat => Event(useCase, Monday, Handler.Ai) with { Csat = csat, Attributes = Complexity("high") }));
        events.AddRange(new[] { 2, 3, 2, 3, 2, 3, 2, 3 }.Select(csat => Event(useCase, Monday, Handler.Human) with { Csat = csat, Attributes = Complexity("high") }));
        await cluster.AppendAsync(useCase.Id, events);

        var comparison = (await cluster.Grain(useCase.Id).CompareAsync(MetricKeys.CsatMean, "complexity", Monday, Monday.AddDays(7))).Value.Comparison;

        // Raw: AI (36 + 5) / 10 = 4.1, human (9 + 20) / 10 = 2.9, so AI looks 1.2 points better.
        Assert.Equal(1.2, comparison.Raw!.Difference, 10);
        Assert.True(comparison.Raw.PValue < 0.05);
        // Within each stratum the difference is 0; weighted by stratum size (10 and 10) it stays 0.
        Assert.Equal(0, comparison.Stratified!.Difference, 10);
        Assert.Equal(["low", "high"], comparison.Strata.Select(stratum => stratum.Stratum));
        Assert.All(comparison.Strata, stratum => Assert.Equal(0.5, stratum.Weight, 10));
    }

    [Fact]
    public async Task A_falling_exception_rate_has_a_significant_negative_slope_and_its_types_are_counted()
    {
        var useCase = UseCase("exceptions");
        await cluster.RegisterAsync(useCase);
        var events = new List<OutcomeEvent>();
        // Six weeks of ten events; exceptions 6, 5, 4, 3, 2, 1: rate falls by 0.1 a week.
        for (var week = 0; week < 6; week++)
        {
            var day = Monday.AddDays(7 * week);
            for (var i = 0; i < 10; i++)
            {
                var type = i < 6 - week ? (i % 2 == 0 ? "timeout" : "hallucination") : null;
                events.Add(Event(useCase, day, Handler.Ai) with { ExceptionType = type });
            }
        }
        await cluster.AppendAsync(useCase.Id, events);

        var breakdown = (await cluster.Grain(useCase.Id).GetBreakdownAsync(true, Granularity.Week, Monday, Monday.AddDays(42), Monday.AddDays(42))).Value;

        Assert.Equal([0.6, 0.5, 0.4, 0.3, 0.2, 0.1], breakdown.Rate.Select(point => Math.Round(point.Value!.Value, 10)));
        Assert.Equal(-0.1, breakdown.Trend!.Slope, 10);
        Assert.True(breakdown.Trend.Significant);
        // 21 exceptions: timeout at i = 0, 2, 4 → 3 + 3 + 2 + 2 + 1 + 1 = 12; hallucination 3 + 2 + 2 + 1 + 1 + 0 = 9.
        Assert.Equal([("timeout", 12L), ("hallucination", 9L)], breakdown.Labels.Select(label => (label.Label, label.Count)));
        Assert.Equal(12 / 21.0, breakdown.Labels[0].Share, 10);
    }
}
