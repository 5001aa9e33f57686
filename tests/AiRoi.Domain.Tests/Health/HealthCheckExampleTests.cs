using System.Globalization;
using AiRoi.Domain.Annotations;
using AiRoi.Domain.Baselines;
using AiRoi.Domain.Events;
using AiRoi.Domain.Health;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.Tests.Roi;
using AiRoi.Domain.Tests.Trends;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Tests.Health;

/// <summary>
/// The health-check examples of docs/metrics.md, section "Health checks", run through the use case's reports
/// on Thursday 30 April 2026.
/// </summary>
public class HealthCheckExampleTests
{
    private static readonly DateOnly Today = new(2026, 4, 30);

    private static readonly IReadOnlyDictionary<string, BaselineVersion> NoBaselines = new Dictionary<string, BaselineVersion>();

    /// <summary>docs/metrics.md, "Health checks" → "Example 5", 5a (measuring once).</summary>
    [Fact]
    public void Example_5a_measuring_once_fires_after_46_silent_days_with_a_30_day_cadence()
    {
        var useCase = UseCases.Full() with { ReviewCadenceDays = 30 };
        var rollup = EventLog.Build(useCase, [EventLog.On(new DateOnly(2026, 3, 15))]);

        var finding = Single(Health(useCase, rollup), HealthCheck.MeasuringOnce);

        Assert.Equal("No events for 46 days, longer than the review cadence of 30 days: measurement has stopped.", finding.Reason);
        Assert.Equal("2026-03-15T12:00:00.0000000Z", finding.Evidence["lastEventAt"]);
        Assert.Equal("46", finding.Evidence["daysWithoutEvents"]);
    }

    /// <summary>docs/metrics.md, "Health checks" → "Example 5", 5a: exactly one cadence of silence is not yet a finding.</summary>
    [Fact]
    public void Example_5a_measuring_once_does_not_fire_after_exactly_30_silent_days()
    {
        var useCase = UseCases.Full() with { ReviewCadenceDays = 30 };
        var rollup = EventLog.Build(useCase, [EventLog.On(new DateOnly(2026, 3, 31))]);

        Assert.Contains(HealthCheck.MeasuringOnce, Health(useCase, rollup).Passed);
    }

    /// <summary>docs/metrics.md, "Health checks" → "Example 5", 5b (no baseline).</summary>
    [Fact]
    public void Example_5b_no_baseline_names_the_key_metrics_without_one()
    {
        // Key metrics: fcrRate (primary), csatMean, escalationRate, handleScore (guardrails), costPerTask (target).
        var useCase = UseCases.Full();
        Assert.Equal([MetricKeys.FcrRate, MetricKeys.CsatMean, MetricKeys.EscalationRate, "handleScore", MetricKeys.CostPerTask], HealthChecks.KeyMetrics(useCase));
        var baselines = new Dictionary<string, BaselineVersion>
        {
            [MetricKeys.FcrRate] = RoiExampleTests.Baseline(MetricKeys.FcrRate, 1, BaselineMethod.BeforeGoLive, 0.55, 0.01),
            [MetricKeys.CsatMean] = RoiExampleTests.Baseline(MetricKeys.CsatMean, 1, BaselineMethod.Manual, 4.1, null),
            ["handleScore"] = RoiExampleTests.Baseline("handleScore", 1, BaselineMethod.ConcurrentHuman, 72, 1.5),
        };
        var rollup = EventLog.Build(useCase, [EventLog.On(Today)]);

        var finding = Single(new UseCaseReports(useCase, rollup, baselines, []).Health(Today), HealthCheck.NoBaseline);

        Assert.Equal("escalationRate, costPerTask have no baseline, so improvement cannot be shown.", finding.Reason);
        Assert.Equal("escalationRate,costPerTask", finding.Evidence["metrics"]);
    }

    /// <summary>
    /// Example 5c's invoice extraction: exceptions in 10 of 100 documents a week for five weeks from Monday
    /// 16 February 2026, then 30 of 100 a week for five weeks from Monday 23 March.
    /// </summary>
    private static (UseCase UseCase, UseCaseRollup Rollup) InvoiceExtraction(DateOnly goLive)
    {
        var useCase = new UseCase("invoice-extraction", "Invoice extraction", UseCaseCategory.Operations,
            new UnitEconomics(40m, 0m, []), MetricKeys.ExceptionRate)
        {
            AiGoLiveDate = goLive,
        };
        var firstMonday = new DateOnly(2026, 2, 16);
        var events = Enumerable.Range(0, 10).SelectMany(week =>
        {
            var exceptions = week < 5 ? 10 : 30;
            return EventLog.Times(100, i => EventLog.On(firstMonday.AddDays(7 * week)) with
            {
                ExceptionType = i < exceptions ? "unreadable-scan" : null,
            });
        });
        return (useCase, EventLog.Build(useCase, events));
    }

    /// <summary>docs/metrics.md, "Health checks" → "Example 5", 5c (ignoring context).</summary>
    [Fact]
    public void Example_5c_ignoring_context_fires_for_an_unexplained_step_in_the_exception_rate()
    {
        var (useCase, rollup) = InvoiceExtraction(goLive: new DateOnly(2026, 1, 15));

        var finding = Single(new UseCaseReports(useCase, rollup, NoBaselines, []).Health(Today), HealthCheck.IgnoringContext);

        // Before: 50 of 500 = 0.1; after: 150 of 500 = 0.3; Welch t = 0.2 / √(45/499/500 + 105/499/500) = 8.16,
        // two-sided p ≈ 1.2e-15, times 3 candidate splits (10 weeks − 2 × 4 + 1).
        Assert.Equal(MetricKeys.ExceptionRate, finding.Evidence["metric"]);
        Assert.Equal("2026-03-23", finding.Evidence["changeDate"]);
        Assert.Equal("0.1", finding.Evidence["meanBefore"]);
        Assert.Equal("0.3", finding.Evidence["meanAfter"]);
        var p = double.Parse(finding.Evidence["pValue"], CultureInfo.InvariantCulture);
        Assert.InRange(p, 1e-15, 1e-14);
        Assert.StartsWith("Exception rate shifted from 10.0 % to 30.0 % around 2026-03-23", finding.Reason, StringComparison.Ordinal);
    }

    /// <summary>docs/metrics.md, "Health checks" → "Example 5", 5c: the same step explained by an annotation 3 days before it.</summary>
    [Theory]
    [InlineData("2026-03-20", true)]
    [InlineData("2026-03-09", true)]
    [InlineData("2026-04-06", true)]
    [InlineData("2026-03-08", false)]
    [InlineData("2026-04-07", false)]
    public void Example_5c_an_annotation_within_14_days_of_the_change_explains_it(string annotationDate, bool explained)
    {
        var (useCase, rollup) = InvoiceExtraction(goLive: new DateOnly(2026, 1, 15));
        var promptChange = new Annotation(1, DateOnly.Parse(annotationDate, CultureInfo.InvariantCulture), AnnotationKind.PromptChange,
            "Prompt v4: stricter field validation", null, "ana.lopez@example.com", new DateTimeOffset(2026, 3, 20, 8, 0, 0, TimeSpan.Zero));

        var health = new UseCaseReports(useCase, rollup, NoBaselines, [promptChange]).Health(Today);

        Assert.Equal(explained, health.Passed.Contains(HealthCheck.IgnoringContext));
    }

    /// <summary>docs/metrics.md, "Health checks" → "Example 5", 5c: a go-live within 14 days explains a shift too.</summary>
    [Fact]
    public void Example_5c_a_go_live_within_14_days_of_the_change_explains_it()
    {
        var (useCase, rollup) = InvoiceExtraction(goLive: new DateOnly(2026, 3, 23));

        Assert.Contains(HealthCheck.IgnoringContext, new UseCaseReports(useCase, rollup, NoBaselines, []).Health(Today).Passed);
    }

    /// <summary>docs/metrics.md, "Health checks" → "Level shift (ignoring context)": an NPS shift is stated on the NPS scale.</summary>
    [Fact]
    public void The_shift_of_an_nps_is_reported_on_its_minus_100_to_100_scale()
    {
        var useCase = UseCases.Minimal() with { PrimaryMetric = MetricKeys.Nps, AiGoLiveDate = new DateOnly(2025, 6, 2) };
        // Five weeks of 20 promoters, 20 passives and 10 detractors a week (NPS +20), then five of 10, 20 and 20 (NPS −20).
        var events = Enumerable.Range(0, 10).SelectMany(week => EventLog.Times(50, i => EventLog.On(new DateOnly(2026, 2, 16).AddDays(7 * week)) with
        {
            Nps = (week < 5 ? i < 20 : i < 10) ? 10 : (week < 5 ? i < 40 : i < 30) ? 8 : 3,
        }));

        var finding = Single(Health(useCase, EventLog.Build(useCase, events)), HealthCheck.IgnoringContext);

        Assert.Equal("20", finding.Evidence["meanBefore"]);
        Assert.Equal("-20", finding.Evidence["meanAfter"]);
        Assert.Equal("2026-03-23", finding.Evidence["changeDate"]);
    }

    /// <summary>
    /// Example 5d's support chatbot: 400 tasks in the last 28 days at 2.00 each, <paramref name="escalated"/> of
    /// them escalated; baselines cost 4.50 and escalation rate 0.10 (SE 0.015, measured on 400 tasks).
    /// </summary>
    private static HealthReport OverOptimizingHealth(int escalated)
    {
        var useCase = UseCases.Minimal() with
        {
            PrimaryMetric = MetricKeys.CostPerTask,
            GuardrailMetrics = [MetricKeys.EscalationRate],
        };
        var mondays = new[] { new DateOnly(2026, 4, 6), new DateOnly(2026, 4, 13), new DateOnly(2026, 4, 20), new DateOnly(2026, 4, 27) };
        var events = EventLog.Times(400, i => EventLog.On(mondays[i % 4]) with { AiCost = 2.00m, Escalated = i < escalated });
        var baselines = new Dictionary<string, BaselineVersion>
        {
            [MetricKeys.CostPerTask] = RoiExampleTests.Baseline(MetricKeys.CostPerTask, 1, BaselineMethod.BeforeGoLive, 4.50, 0.05),
            [MetricKeys.EscalationRate] = RoiExampleTests.Baseline(MetricKeys.EscalationRate, 1, BaselineMethod.BeforeGoLive, 0.10, 0.015),
        };
        return new UseCaseReports(useCase, EventLog.Build(useCase, events), baselines, []).Health(Today);
    }

    /// <summary>docs/metrics.md, "Health checks" → "Example 5", 5d (over-optimizing).</summary>
    [Fact]
    public void Example_5d_over_optimizing_fires_when_cost_falls_while_escalations_double()
    {
        var finding = Single(OverOptimizingHealth(escalated: 80), HealthCheck.OverOptimizing);

        // Escalation rate 80/400 = 0.20, SE √(0.2 × 0.8 / 400) = 0.02; with the baseline's 0.015 the combined SE is
        // 0.025, z = (0.20 − 0.10) / 0.025 = 4, one-sided p = 1 − Φ(4) = 3.167e-5.
        Assert.Equal(
            "Cost per task improved (4.50 → 2.00) while the guardrail Escalation rate got significantly worse (10.0 % → 20.0 %, p < 0.001).",
            finding.Reason);
        Approx.Equal(3.167e-5, double.Parse(finding.Evidence["pValue"], CultureInfo.InvariantCulture), "p-value as shown");
    }

    /// <summary>docs/metrics.md, "Health checks" → "Example 5", 5d: 13 % escalations is worse, but not significantly.</summary>
    [Fact]
    public void Example_5d_over_optimizing_does_not_fire_for_a_rise_within_the_noise()
    {
        // 52/400 = 0.13, SE √(0.13 × 0.87 / 400) = 0.01682, combined 0.02253, z = 1.33, p = 0.092 ≥ 0.05.
        Assert.Contains(HealthCheck.OverOptimizing, OverOptimizingHealth(escalated: 52).Passed);
    }

    /// <summary>The guardrail comparison behind example 5d, to the digits the document gives.</summary>
    [Fact]
    public void Example_5d_the_guardrail_p_value_is_the_normal_tail_of_the_combined_error()
    {
        var metric = MetricCatalog.Find(MetricKeys.EscalationRate)!;
        var baseline = RoiExampleTests.Baseline(MetricKeys.EscalationRate, 1, BaselineMethod.BeforeGoLive, 0.10, 0.015);

        var worse = new MetricVersusBaseline(metric, new MetricReading(0.20, 400, null, null, 0.02), baseline);
        var noise = new MetricVersusBaseline(metric, new MetricReading(0.13, 400, null, null, Math.Sqrt(0.13 * 0.87 / 400)), baseline);

        Approx.Equal(3.167124183311998e-05, worse.WorsePValue!.Value, "1 − Φ(4)");
        Assert.True(worse.IsSignificantlyWorse);
        Assert.InRange(noise.WorsePValue!.Value, 0.0915, 0.0916);
        Assert.False(noise.IsSignificantlyWorse);
    }

    /// <summary>docs/metrics.md, "Health checks" → "Example 5", 5e (not involving the business).</summary>
    [Fact]
    public void Example_5e_not_involving_the_business_fires_without_owner_and_targets()
    {
        var useCase = UseCases.Full() with { BusinessOwner = null, Targets = [] };
        var rollup = EventLog.Build(useCase, [EventLog.On(Today)]);

        var finding = Single(Health(useCase, rollup), HealthCheck.NotInvolvingBusiness);

        Assert.Equal("The use case has no business owner and no targets: success should be defined by the business, not only by IT.", finding.Reason);
        Assert.Equal("0", finding.Evidence["targets"]);
        Assert.Contains(HealthCheck.NotInvolvingBusiness, Health(UseCases.Full(), rollup).Passed);
    }

    /// <summary>docs/metrics.md, "Health checks" → "Example 5", 5f (vanity trap), a vanity primary metric.</summary>
    [Fact]
    public void Example_5f_vanity_trap_fires_for_a_vanity_primary_metric()
    {
        var useCase = UseCases.Full() with { PrimaryMetric = MetricTemplates.ModelAccuracy.Name };
        var rollup = EventLog.Build(useCase, [EventLog.On(Today) with { Resolved = true }]);

        var finding = Single(Health(useCase, rollup), HealthCheck.VanityTrap);

        Assert.Equal("The primary metric Model accuracy is a vanity metric: it is not tied to a business outcome and never counts toward ROI.", finding.Reason);
        Assert.Equal("modelAccuracy", finding.Evidence["primaryMetric"]);
    }

    /// <summary>docs/metrics.md, "Health checks" → "Example 5", 5f, value metrics that no event carries.</summary>
    [Fact]
    public void Example_5f_vanity_trap_fires_when_no_event_carries_a_value_key_metric()
    {
        var useCase = UseCases.Minimal() with
        {
            PrimaryMetric = MetricKeys.CsatMean,
            GuardrailMetrics = [MetricTemplates.ModelAccuracy.Name],
            CustomMetrics = [MetricTemplates.ModelAccuracy],
        };
        var surveyless = EventLog.Times(50, _ => EventLog.On(Today) with
        {
            Measures = new Dictionary<string, double> { ["modelAccuracy"] = 0.99 },
        });
        var withSurveys = surveyless.Select(e => e with { Csat = 4 });

        var finding = Single(Health(useCase, EventLog.Build(useCase, surveyless)), HealthCheck.VanityTrap);

        Assert.Equal("csatMean,modelAccuracy", finding.Evidence["keyMetrics"]);
        Assert.Contains(HealthCheck.VanityTrap, Health(useCase, EventLog.Build(useCase, withSurveys)).Passed);
    }

    private static HealthReport Health(UseCase useCase, UseCaseRollup rollup) =>
        new UseCaseReports(useCase, rollup, NoBaselines, []).Health(Today);

    private static HealthFinding Single(HealthReport report, HealthCheck check)
    {
        var findings = report.Findings.Where(finding => finding.Check == check).ToList();
        Assert.True(findings.Count == 1, $"expected one {check} finding but got: {string.Join(" | ", report.Findings.Select(f => $"{f.Check}: {f.Reason}"))}");
        return findings[0];
    }
}
