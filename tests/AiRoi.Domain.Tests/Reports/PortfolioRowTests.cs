using AiRoi.Domain.Baselines;
using AiRoi.Domain.Events;
using AiRoi.Domain.Portfolio;
using AiRoi.Domain.Reports;

namespace AiRoi.Domain.Tests.Reports;

/// <summary>A use case's row on the portfolio: ROI over both windows, or why there is none and what would give one.</summary>
public class PortfolioRowTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static IEnumerable<OutcomeEvent> Year() =>
        Enumerable.Range(0, 330).SelectMany(day => EventLog.Times(3, i => EventLog.On(new DateOnly(2025, 12, 1).AddDays(day),
            new DateOnly(2025, 12, 1).AddDays(day) < UseCases.GoLive ? Handler.Human : Handler.Ai) with { AiCost = 0.5m, HumanMinutes = i }));

    [Fact]
    public void Without_a_baseline_the_row_says_why_and_offers_one_when_there_is_data_from_before_go_live()
    {
        var useCase = UseCases.Full();
        var reports = new UseCaseReports(useCase, EventLog.Build(useCase, Year()), new Dictionary<string, BaselineVersion>(), []);

        var row = PortfolioUseCase.From(reports.Summary(Today));

        Assert.Null(row.Roi!.Roi);
        Assert.Contains("has no baseline", row.NoRoiReason, StringComparison.Ordinal);
        Assert.True(row.CanSetBaseline);
    }

    [Fact]
    public void A_use_case_not_live_has_no_roi_and_says_so()
    {
        var useCase = UseCases.Full() with { AiGoLiveDate = null };
        var reports = new UseCaseReports(useCase, EventLog.Build(useCase, Year()), new Dictionary<string, BaselineVersion>(), []);

        var row = PortfolioUseCase.From(reports.Summary(Today));

        Assert.Null(row.Roi);
        Assert.Null(row.RoiSinceGoLive);
        Assert.StartsWith("Not live yet", row.NoRoiReason, StringComparison.Ordinal);
        Assert.False(row.CanSetBaseline);
    }

    [Fact]
    public void With_a_baseline_the_row_has_roi_over_the_last_90_days_and_since_go_live()
    {
        var useCase = UseCases.Full();
        var baseline = new Dictionary<string, BaselineVersion>
        {
            ["costPerTask"] = new("costPerTask", 1, BaselineMethod.Manual, 50.0, "test", DateTimeOffset.UnixEpoch),
        };
        var reports = new UseCaseReports(useCase, EventLog.Build(useCase, Year()), baseline, []);

        var row = PortfolioUseCase.From(reports.Summary(Today));

        Assert.Null(row.NoRoiReason);
        Assert.NotNull(row.Roi!.Roi);
        Assert.NotNull(row.RoiSinceGoLive!.Roi);
        // Since go-live covers about ten months of fixed costs, the last 90 days three.
        Assert.True(row.RoiSinceGoLive.FixedCosts > 3 * row.Roi.FixedCosts);
    }
}
