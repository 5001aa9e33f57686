using AiRoi.Domain.Annotations;
using AiRoi.Domain.Baselines;
using AiRoi.Domain.Events;
using AiRoi.Domain.Health;
using AiRoi.Domain.Metrics;
using static AiRoi.Metrics.Tests.Scenario;

namespace AiRoi.Metrics.Tests;

/// <summary>The health checks as the grain runs them over its own state, baselines and annotations.</summary>
[Collection(MetricsClusterCollection.Name)]
public sealed class HealthTests(MetricsCluster cluster)
{
    private static readonly DateOnly FirstMonday = new(2026, 3, 2);

    /// <summary>
    /// Eight weeks of CSAT 4 and 5, then eight weeks of 2 and 3 starting on April 27, long after go-live
    /// (January): a shift nobody has explained yet.
    /// </summary>
    private async Task<Domain.UseCases.UseCase> ShiftedAsync()
    {
        var useCase = UseCase("health") with { AiGoLiveDate = new DateOnly(2026, 1, 5) };
        await cluster.RegisterAsync(useCase);
        var events = new List<OutcomeEvent>();
        for (var week = 0; week < 16; week++)
        {
            for (var i = 0; i < 6; i++)
            {
                var csat = (week < 8 ? 4 : 2) + i % 2;
                events.Add(Event(useCase, FirstMonday.AddDays(7 * week + i), Handler.Ai) with { Csat = csat, Resolved = true });
            }
        }
        await cluster.AppendAsync(useCase.Id, events);
        return useCase;
    }

    private static readonly DateOnly AfterTheData = new(2026, 6, 22);

    [Fact]
    public async Task A_level_shift_without_an_annotation_is_ignoring_context_and_an_annotation_near_it_explains_it()
    {
        var useCase = await ShiftedAsync();
        var grain = cluster.Grain(useCase.Id);

        var before = (await grain.GetHealthAsync(AfterTheData)).Value;
        var finding = Assert.Single(before.Findings, f => f.Check == HealthCheck.IgnoringContext);
        Assert.Equal(MetricKeys.CsatMean, finding.Evidence["metric"]);
        Assert.Equal("2026-04-27", finding.Evidence["changeDate"]);
        Assert.Equal("4.5", finding.Evidence["meanBefore"]);
        Assert.Equal("2.5", finding.Evidence["meanAfter"]);

        await grain.AddAnnotationAsync(new Annotation(0, new DateOnly(2026, 4, 20), AnnotationKind.ModelChange, "Cheaper model", null, "k", default));
        var after = (await grain.GetHealthAsync(AfterTheData)).Value;
        Assert.DoesNotContain(after.Findings, f => f.Check == HealthCheck.IgnoringContext);
        Assert.Contains(HealthCheck.IgnoringContext, after.Passed);
    }

    [Fact]
    public async Task Silence_longer_than_the_cadence_missing_baselines_and_no_owner_are_flagged_with_evidence()
    {
        var useCase = UseCase("silent") with { BusinessOwner = null, Targets = [] };
        await cluster.RegisterAsync(useCase);
        await cluster.AppendAsync(useCase.Id, [Event(useCase, new DateOnly(2026, 7, 1), Handler.Ai) with { Resolved = true, Csat = 4 }]);

        var report = (await cluster.Grain(useCase.Id).GetHealthAsync(new DateOnly(2026, 8, 15))).Value;

        var silence = Assert.Single(report.Findings, f => f.Check == HealthCheck.MeasuringOnce);
        Assert.Equal("45", silence.Evidence["daysWithoutEvents"]); // July 1 to August 15; cadence 30
        var noBaseline = Assert.Single(report.Findings, f => f.Check == HealthCheck.NoBaseline);
        Assert.Equal("fcrRate,csatMean", noBaseline.Evidence["metrics"]);
        Assert.Contains(report.Findings, f => f.Check == HealthCheck.NotInvolvingBusiness);
        Assert.DoesNotContain(report.Findings, f => f.Check == HealthCheck.VanityTrap);

        var fresh = (await cluster.Grain(useCase.Id).GetHealthAsync(new DateOnly(2026, 7, 20))).Value;
        Assert.DoesNotContain(fresh.Findings, f => f.Check == HealthCheck.MeasuringOnce);
    }

    [Fact]
    public async Task A_better_primary_metric_with_a_significantly_worse_guardrail_is_over_optimizing()
    {
        var useCase = UseCase("overopt");
        await cluster.RegisterAsync(useCase);
        var grain = cluster.Grain(useCase.Id);
        var today = new DateOnly(2026, 7, 31);
        // Baselines by hand: FCR 0.5, CSAT 4.5. Last four weeks: FCR 0.9 (better), CSAT 3 with some spread (worse).
        await grain.SetBaselineAsync(new BaselineRequest { MetricKey = MetricKeys.FcrRate, Method = BaselineMethod.Manual, Value = 0.5, Source = "2025 survey" }, "k", today);
        await grain.SetBaselineAsync(new BaselineRequest { MetricKey = MetricKeys.CsatMean, Method = BaselineMethod.Manual, Value = 4.5, Source = "2025 survey" }, "k", today);
        await cluster.AppendAsync(useCase.Id, Enumerable.Range(0, 20).Select(i =>
            Event(useCase, today.AddDays(-(i % 20)), Handler.Ai) with { Resolved = i % 10 != 0, Csat = 2 + i % 3 }));

        var report = (await grain.GetHealthAsync(today)).Value;

        var finding = Assert.Single(report.Findings, f => f.Check == HealthCheck.OverOptimizing);
        Assert.Equal(MetricKeys.CsatMean, finding.Evidence["guardrailMetric"]);
        Assert.Equal("0.9", finding.Evidence["primaryCurrent"]);
        Assert.DoesNotContain(report.Findings, f => f.Check == HealthCheck.NoBaseline);
    }
}
