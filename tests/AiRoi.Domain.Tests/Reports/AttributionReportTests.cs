using AiRoi.Domain.Attribution;
using AiRoi.Domain.Baselines;
using AiRoi.Domain.Events;
using AiRoi.Domain.Health;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Tests.Roi;
using AiRoi.Domain.UseCases;
using AiRoi.Statistics.Attribution;

namespace AiRoi.Domain.Tests.Reports;

/// <summary>
/// Attribution on a use case's roll-up: the weekly series it analyses, the difference-in-differences against a
/// segment, the ROI that states which part of the savings is the AI's, and the health check that uses the placebo.
/// </summary>
public class AttributionReportTests
{
    /// <summary>A Monday: go-live week is week 0.</summary>
    private static readonly DateOnly GoLive = new(2026, 6, 1);

    private static readonly DateOnly Today = GoLive.AddDays(7 * 12 + 3);

    private static UseCase UseCase() => UseCases.Minimal() with
    {
        AiGoLiveDate = GoLive,
        PrimaryMetric = MetricKeys.CostPerTask,
        SegmentDimensions = ["region"],
        UnitEconomics = RoiExampleTests.SupportChatbot,
    };

    /// <summary>
    /// Twenty tasks a day for 30 weeks before go-live and 12 after. Cost per task falls by 0.02 a week on its own
    /// (4.00 thirty weeks before go-live); from go-live the AI takes another 0.50 off, outside <paramref name="untreated"/>.
    /// </summary>
    private static List<OutcomeEvent> Events(Func<int, double>? extra = null, string? untreated = null)
    {
        var random = new Random(7);
        var events = new List<OutcomeEvent>();
        for (var day = GoLive.AddDays(-7 * 30); day < Today; day = day.AddDays(1))
        {
            var week = (int)Math.Floor((day.DayNumber - GoLive.DayNumber) / 7.0);
            for (var i = 0; i < 20; i++)
            {
                var region = i % 4 == 0 ? "apac" : "emea";
                var ai = day >= GoLive && region != untreated ? -0.5 : 0;
                var cost = 3.4 - 0.02 * week + ai + (extra?.Invoke(week) ?? 0) + 0.3 * (random.NextDouble() - 0.5);
                events.Add(EventLog.On(day) with
                {
                    AiCost = (decimal)Math.Round(cost, 4),
                    Attributes = new Dictionary<string, string> { ["region"] = region },
                });
            }
        }
        return events;
    }

    private static UseCaseReports Reports(UseCase useCase, IEnumerable<OutcomeEvent> events, IReadOnlyDictionary<string, BaselineVersion>? baselines = null) =>
        new(useCase, EventLog.Build(useCase, events), baselines ?? new Dictionary<string, BaselineVersion>(), []);

    [Fact]
    public void The_interrupted_time_series_separates_the_AI_from_the_trend()
    {
        var metric = MetricCatalog.Find(MetricKeys.CostPerTask)!;

        var attribution = Reports(UseCase(), Events()).Attribution(metric, Today);

        Assert.Null(attribution.Refusal);
        Assert.Equal(AttributionMethod.InterruptedTimeSeries, attribution.Method);
        Assert.Equal(-0.5, attribution.Effect!.Value, tolerance: 0.03);
        // Before/after adds the trend: 0.02 a week over the 20.5 weeks between the two halves' centres.
        Assert.Equal(-0.5 - 0.02 * 20.5, attribution.BeforeAfterChange!.Value, tolerance: 0.03);
        Assert.Equal(42, attribution.Counterfactual.Count);
        Assert.Equal(GoLive.AddDays(-7 * 30), attribution.Counterfactual[0].WeekStart);
        Assert.Equal(GoLive.AddDays(7 * 11), attribution.Counterfactual[^1].WeekStart);
        Assert.StartsWith("Net of the trend it already had, the AI lowered Cost per task by 0.5", attribution.Summary);
        Assert.True(attribution.Placebo is { Fired: false });
    }

    [Fact]
    public void A_segment_the_AI_was_not_rolled_out_to_is_a_control()
    {
        var metric = MetricCatalog.Find(MetricKeys.CostPerTask)!;

        var attribution = Reports(UseCase(), Events(untreated: "apac")).Attribution(metric, Today, AttributionControl.Segment("region", "apac"));

        Assert.Equal(AttributionMethod.DifferenceInDifferences, attribution.Method);
        Assert.Equal("segment:region:apac", attribution.Control);
        Assert.Equal(-0.5, attribution.Effect!.Value, tolerance: 0.03);
        Assert.Contains(attribution.Checks, check => check is { Name: "parallel-trends", Passed: true });
    }

    [Fact]
    public void ROI_states_which_part_of_the_savings_is_the_AIs()
    {
        var baselines = new Dictionary<string, BaselineVersion>
        {
            [MetricKeys.CostPerTask] = RoiExampleTests.Baseline(MetricKeys.CostPerTask, 1, BaselineMethod.BeforeGoLive, 3.4 - 0.02 * -15.5, 0.01),
        };

        var roi = Reports(UseCase(), Events(), baselines).RoiOver(GoLive, Today.AddDays(1), Today);

        var cost = Assert.Single(roi.Attribution, change => change.MetricKey == MetricKeys.CostPerTask);
        Assert.Equal(AttributionMethod.InterruptedTimeSeries, cost.Method);
        Assert.Equal(-0.5, cost.PerTask!.Value, tolerance: 0.03);
        // 1,740 tasks (87 days × 20): the AI saves about 0.50 of them each, the trend the rest of the before/after saving.
        Assert.Equal(0.5 * 1_740, roi.AttributableSavings!.Value, tolerance: 50);
        Assert.True(roi.Savings!.Value > roi.AttributableSavings.Value + 500, $"{roi.Savings.Value} against {roi.AttributableSavings.Value}");
        Assert.Equal(roi.AttributableSavings.Value - roi.FixedCosts, roi.AttributableNetBenefit!.Value, 6);
    }

    [Fact]
    public void ROI_against_a_segment_control_is_a_difference_in_differences()
    {
        var roi = Reports(UseCase(), Events(untreated: "apac")).Roi(AiRoi.Domain.Rollups.Granularity.Month, GoLive, Today.AddDays(1), AttributionControl.Segment("region", "apac"));

        var cost = Assert.Single(roi.Total!.Attribution, change => change.MetricKey == MetricKeys.CostPerTask);
        Assert.Equal(AttributionMethod.DifferenceInDifferences, cost.Method);
        Assert.Equal(-0.5, cost.PerTask!.Value, tolerance: 0.03);
        Assert.All(roi.Periods, period => Assert.Equal(AttributionMethod.DifferenceInDifferences, period.Attribution.Single(change => change.MetricKey == MetricKeys.CostPerTask).Method));
    }

    [Fact]
    public void Too_short_a_history_is_refused_and_ROI_says_it_is_before_after()
    {
        var useCase = UseCase();
        var metric = MetricCatalog.Find(MetricKeys.CostPerTask)!;
        var events = Events().Where(e => e.CompletedAt >= new DateTimeOffset(GoLive.AddDays(-7 * 5).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).ToList();
        var baselines = new Dictionary<string, BaselineVersion>
        {
            [MetricKeys.CostPerTask] = RoiExampleTests.Baseline(MetricKeys.CostPerTask, 1, BaselineMethod.BeforeGoLive, 3.4, 0.01),
        };
        var reports = Reports(useCase, events, baselines);

        var attribution = reports.Attribution(metric, Today);
        var roi = reports.RoiOver(GoLive, Today.AddDays(1), Today);

        Assert.Equal("An interrupted time series needs at least 8 weeks with data before go-live and 8 after; there are 5 before and 12 after.", attribution.Refusal);
        var cost = Assert.Single(roi.Attribution, change => change.MetricKey == MetricKeys.CostPerTask);
        Assert.Equal(AttributionMethod.BeforeAfter, cost.Method);
        Assert.Contains("there are 5 before", cost.Explanation);
        Assert.Equal(roi.Savings, roi.AttributableSavings);
    }

    [Fact]
    public void A_metric_that_moved_before_go_live_is_ignoring_context()
    {
        // Something else cut the cost by 0.8 fifteen weeks before go-live.
        var events = Events(extra: week => week >= -15 ? -0.8 : 0);
        var useCase = UseCase();

        var health = Reports(useCase, events).Health(Today);

        Assert.Contains(health.Findings, finding => finding.Check == HealthCheck.IgnoringContext
            && finding.Reason.StartsWith("Cost per task moved before the AI went live", StringComparison.Ordinal));
        Assert.DoesNotContain(Reports(useCase, Events()).Health(Today).Findings, finding => finding.Check == HealthCheck.IgnoringContext);
    }

    [Fact]
    public void A_percentile_is_not_attributed()
    {
        var metric = MetricCatalog.Find(MetricKeys.ResolutionTimeP90)!;

        var attribution = Reports(UseCase(), Events()).Attribution(metric, Today);

        Assert.StartsWith("Resolution time (90th percentile) is not a weekly mean", attribution.Refusal);
    }
}
