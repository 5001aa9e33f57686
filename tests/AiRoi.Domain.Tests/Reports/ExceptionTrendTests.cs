using AiRoi.Domain.Baselines;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.Tests.Trends;

namespace AiRoi.Domain.Tests.Reports;

/// <summary>The exception-trend example of docs/metrics.md, section "Escalation and exception trends".</summary>
public class ExceptionTrendTests
{
    /// <summary>docs/metrics.md, "Escalation and exception trends", the example of a falling exception rate.</summary>
    [Fact]
    public void A_falling_weekly_exception_rate_has_a_significant_negative_slope_and_its_types_are_counted()
    {
        var useCase = UseCases.Full();
        // Four weeks of 100 documents from Monday 30 March 2026: timeouts 8, 6, 6, 4 and unreadable scans 4, 4, 3, 3.
        int[] timeouts = [8, 6, 6, 4];
        int[] unreadable = [4, 4, 3, 3];
        var events = Enumerable.Range(0, 4).SelectMany(week => EventLog.Times(100, i => EventLog.On(new DateOnly(2026, 3, 30).AddDays(7 * week)) with
        {
            ExceptionType = i < timeouts[week] ? "timeout" : i < timeouts[week] + unreadable[week] ? "unreadable-scan" : null,
        }));
        var reports = new UseCaseReports(useCase, EventLog.Build(useCase, events), new Dictionary<string, BaselineVersion>(), []);

        var breakdown = reports.Breakdown(exceptions: true, Granularity.Week, new DateOnly(2026, 3, 30), new DateOnly(2026, 4, 27));

        Assert.Equal([0.12, 0.10, 0.09, 0.07], breakdown.Rate.Select(point => point.Value!.Value));
        // x = 0, 1, 2, 3 with equal weights: slope Σ(x − 1.5)(y − 0.095) / Σ(x − 1.5)² = −0.08 / 5 = −0.016 a week.
        // Residuals 0.001, −0.003, 0.003, −0.001: SE √(0.00002 / 2 / 5) = 0.001414; t = −11.31 with 2 degrees of
        // freedom, two-sided p = 1 − 11.31 / √(11.31² + 2) = 0.0077.
        var trend = breakdown.Trend!;
        Approx.Equal(-0.016, trend.Slope, "slope");
        Approx.Equal(0.12 - 0.001, trend.Intercept, "intercept");
        Approx.Equal(Math.Sqrt(0.000002), trend.StandardError, "slope SE");
        Approx.Equal(1 - Math.Sqrt(128) / Math.Sqrt(130), trend.PValue, "p-value");
        Approx.Equal(-0.016 - 4.302652729696142 * Math.Sqrt(0.000002), trend.Low, "slope low");
        Assert.True(trend.Significant);

        Assert.Equal(["timeout", "unreadable-scan"], breakdown.Labels.Select(label => label.Label));
        Assert.Equal(24, breakdown.Labels[0].Count);
        Approx.Equal(24.0 / 38, breakdown.Labels[0].Share, "timeout share");
        Assert.Equal(14, breakdown.Labels[1].Count);
        Assert.Equal(3, breakdown.Labels[1].ByPeriod[new DateOnly(2026, 4, 13)]);
    }
}
