using AiRoi.Domain.Baselines;
using AiRoi.Domain.Events;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Roi;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Tests.Roi;

/// <summary>Vanity metrics never count toward ROI (docs/metrics.md, "ROI" → "What enters ROI").</summary>
public class RoiValueMetricTests
{
    [Fact]
    public void Every_metric_roi_is_computed_from_is_a_built_in_value_metric()
    {
        Assert.Equal([MetricKeys.CostPerTask, MetricKeys.ResolutionTimeMean, MetricKeys.ConversionRate], RoiCalculator.Metrics);
        Assert.All(RoiCalculator.Metrics, key =>
        {
            var metric = MetricCatalog.Find(key);
            Assert.NotNull(metric);
            Assert.Equal(ValueKind.Value, metric.Kind);
        });
    }

    [Fact]
    public void A_custom_vanity_metric_with_huge_values_leaves_roi_unchanged()
    {
        var plain = UseCases.Full() with
        {
            UnitEconomics = RoiExampleTests.SupportChatbot,
            CustomMetrics = [],
            GuardrailMetrics = [],
            Targets = [],
        };
        var withVanity = plain with
        {
            CustomMetrics = [MetricTemplates.PromptsSubmitted, MetricTemplates.ActiveUsers, MetricTemplates.ModelAccuracy],
        };
        var may = new DateOnly(2026, 5, 4);
        OutcomeEvent Task(int i) => EventLog.On(may.AddDays(i % 20), i % 3 == 0 ? Handler.Human : Handler.Ai) with
        {
            AiCost = 0.5m + i % 7 * 0.25m,
            HumanMinutes = i % 5,
            Converted = i % 9 == 0,
            Resolved = true,
        };
        var events = EventLog.Times(600, Task).ToList();
        var vanityEvents = events.Select(e => e with
        {
            Measures = new Dictionary<string, double> { ["promptsSubmitted"] = 1e12, ["activeUsers"] = 5e11, ["modelAccuracy"] = 0.99 },
        });
        var baselines = new Dictionary<string, BaselineVersion>
        {
            [MetricKeys.CostPerTask] = RoiExampleTests.Baseline(MetricKeys.CostPerTask, 1, BaselineMethod.BeforeGoLive, 6.0, 0.05),
            [MetricKeys.ResolutionTimeMean] = RoiExampleTests.Baseline(MetricKeys.ResolutionTimeMean, 1, BaselineMethod.BeforeGoLive, 900, 10),
            [MetricKeys.ConversionRate] = RoiExampleTests.Baseline(MetricKeys.ConversionRate, 1, BaselineMethod.BeforeGoLive, 0.08, 0.004),
        };

        var expected = new UseCaseReports(plain, EventLog.Build(plain, events), baselines, []).RoiOver(new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1));
        var actual = new UseCaseReports(withVanity, EventLog.Build(withVanity, vanityEvents), baselines, []).RoiOver(new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1));

        Assert.NotNull(expected.Roi);
        Assert.Equal(600, actual.Tasks);
        Assert.Equal(expected.Savings, actual.Savings);
        Assert.Equal(expected.RevenueLift, actual.RevenueLift);
        Assert.Equal(expected.TimeSavedHours, actual.TimeSavedHours);
        Assert.Equal(expected.FixedCosts, actual.FixedCosts);
        Assert.Equal(expected.NetBenefit, actual.NetBenefit);
        Assert.Equal(expected.Roi, actual.Roi);
        Assert.Equal(expected.PaybackMonths, actual.PaybackMonths);
        Assert.Equal(expected.BaselineVersions, actual.BaselineVersions);
    }
}
