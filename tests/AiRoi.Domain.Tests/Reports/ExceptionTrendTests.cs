using AiRoi.Domain.Baselines;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.Events;
using AiRoi.Domain.Tests.Trends;
using AiRoi.Domain.Trends;

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

    /// <summary>
    /// A series whose truth is known: no escalations before go-live (people handled everything), then an escalation
    /// rate falling by 2 points a month, and a partial current month that happens to be high. The trend is the fall.
    /// </summary>
    [Fact]
    public void The_escalation_trend_is_fitted_over_complete_months_since_go_live_only()
    {
        var useCase = UseCases.Full() with { AiGoLiveDate = new DateOnly(2026, 3, 1) };
        var human = new[] { new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 10) }
            .SelectMany(day => EventLog.Times(100, _ => EventLog.On(day, Handler.Human) with { Escalated = false }));
        int[] escalated = [20, 18, 16, 14, 12];
        var ai = Enumerable.Range(0, 5).SelectMany(month => EventLog.Times(100, i => EventLog.On(new DateOnly(2026, 3 + month, 10)) with
        {
            Escalated = i < escalated[month],
            EscalationReason = i < escalated[month] ? "billing" : null,
        }));
        var partial = EventLog.Times(10, i => EventLog.On(new DateOnly(2026, 8, 3)) with { Escalated = i < 3, EscalationReason = i < 3 ? "billing" : null });
        var reports = new UseCaseReports(useCase, EventLog.Build(useCase, human.Concat(ai).Concat(partial)), new Dictionary<string, BaselineVersion>(), []);

        var breakdown = reports.Breakdown(exceptions: false, Granularity.Month, new DateOnly(2026, 1, 1), new DateOnly(2026, 8, 6), today: new DateOnly(2026, 8, 5));

        Assert.Equal([0, 0, 0.20, 0.18, 0.16, 0.14, 0.12, 0.30], breakdown.Rate.Select(point => point.Value!.Value));
        var trend = breakdown.Trend!;
        Approx.Equal(-0.02, trend.Slope, "slope");
        Assert.Equal(5, trend.Points);
        Assert.True(trend.Significant);
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 8, 1)), (breakdown.TrendFrom, breakdown.TrendUntil));
        // Fitted over every month shown, the same series would read as a rise: the mistake this avoids.
        var everyMonth = TrendSlope.Fit(breakdown.Rate.Select((point, i) => new TrendPoint(i, point.Value!.Value, point.N)).ToList())!;
        Assert.True(everyMonth.Slope > 0);
    }
}
