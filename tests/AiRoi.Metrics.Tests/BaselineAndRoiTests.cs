using AiRoi.Domain;
using AiRoi.Domain.Baselines;
using AiRoi.Domain.Events;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Rollups;
using static AiRoi.Metrics.Tests.Scenario;

namespace AiRoi.Metrics.Tests;

/// <summary>Baselines measured by the grain and versioned in PostgreSQL, and the ROI computed against them.</summary>
[Collection(MetricsClusterCollection.Name)]
public sealed class BaselineAndRoiTests(MetricsCluster cluster)
{
    private static readonly DateOnly May = new(2026, 5, 4);
    private static readonly DateOnly July = new(2026, 7, 6);
    private static readonly DateOnly Today = new(2026, 8, 15);

    /// <summary>
    /// Before go-live (June 1): four human tasks costing 10, 12, 14, 16 and taking 1,200 s each. After: four AI
    /// tasks in July costing 3, 3, 5, 5 and taking 600 s each.
    /// </summary>
    private async Task<Domain.UseCases.UseCase> BeforeAndAfterAsync()
    {
        var useCase = UseCase("roi");
        await cluster.RegisterAsync(useCase);
        await cluster.AppendAsync(useCase.Id,
            new[] { 10m, 12m, 14m, 16m }.Select(cost => Event(useCase, May, Handler.Human, 1200) with { HumanCost = cost })
            .Concat(new[] { 3m, 3m, 5m, 5m }.Select(cost => Event(useCase, July, Handler.Ai, 600) with { AiCost = cost })));
        return useCase;
    }

    [Fact]
    public async Task A_before_go_live_baseline_is_the_mean_of_the_events_before_go_live_with_its_interval()
    {
        var useCase = await BeforeAndAfterAsync();
        var outcome = await cluster.Grain(useCase.Id).SetBaselineAsync(
            new BaselineRequest { MetricKey = MetricKeys.CostPerTask, Method = BaselineMethod.BeforeGoLive }, "finance-key", Today);

        var version = Assert.IsType<BaselineVersion>(outcome.Result);
        Assert.Equal(1, version.Version);
        Assert.Equal(13, version.Value);
        // Variance of 10, 12, 14, 16 is 20 / 3; SE = √(20 / 3 / 4) = 1.29099.
        Assert.Equal(1.290994, version.StandardError!.Value, 5);
        Assert.Equal(4, version.SampleSize);
        Assert.Equal(new DateOnly(2025, 12, 1), version.PeriodStart); // 182 days before go-live
        Assert.Equal(useCase.AiGoLiveDate, version.PeriodEnd);
        Assert.Equal("finance-key", version.CreatedBy);
    }

    [Fact]
    public async Task The_monthly_roi_rests_on_the_baselines_and_names_their_versions()
    {
        var useCase = await BeforeAndAfterAsync();
        var grain = cluster.Grain(useCase.Id);
        await grain.SetBaselineAsync(new BaselineRequest { MetricKey = MetricKeys.CostPerTask, Method = BaselineMethod.BeforeGoLive }, "k", Today);
        await grain.SetBaselineAsync(new BaselineRequest { MetricKey = MetricKeys.ResolutionTimeMean, Method = BaselineMethod.BeforeGoLive }, "k", Today);

        var report = (await grain.GetRoiAsync(Granularity.Month, new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 1))).Value;
        var july = Assert.Single(report.Periods);

        // Savings (13 − 4) × 4 = 36. SE: current √((4/3) / 4) = 0.57735, baseline 1.29099, together √2, × 4 tasks.
        Assert.Equal(36, july.Savings!.Value, 10);
        Assert.Equal(4 * Math.Sqrt(2), july.Savings.StandardError, 8);
        Assert.Equal(36 - 1.959964 * 4 * Math.Sqrt(2), july.Savings.Low, 4);
        // Time saved (1200 − 600) s × 4 = 2400 s = 0.6667 h; fixed costs one month = 20; net 16; ROI 0.8.
        Assert.Equal(2400 / 3600.0, july.TimeSavedHours!.Value, 10);
        Assert.Equal(20, july.FixedCosts, 10);
        Assert.Equal(16, july.NetBenefit!.Value, 10);
        Assert.Equal(0.8, july.Roi!.Value, 10);
        // Payback: implementation cost 64 / net 16 a month = 4 months.
        Assert.Equal(4, july.PaybackMonths!.Value, 10);
        Assert.Null(july.RevenueLift);
        Assert.Equal(1, july.BaselineVersions[MetricKeys.CostPerTask]);
    }

    [Fact]
    public async Task A_manual_baseline_is_a_new_version_and_the_roi_uses_it()
    {
        var useCase = await BeforeAndAfterAsync();
        var grain = cluster.Grain(useCase.Id);
        await grain.SetBaselineAsync(new BaselineRequest { MetricKey = MetricKeys.CostPerTask, Method = BaselineMethod.BeforeGoLive }, "k", Today);
        var manual = await grain.SetBaselineAsync(
            new BaselineRequest { MetricKey = MetricKeys.CostPerTask, Method = BaselineMethod.Manual, Value = 15, Source = "2025 finance report" }, "k", Today);

        Assert.Equal(2, manual.Result!.Version);
        var july = (await grain.GetRoiAsync(Granularity.Month, new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 1))).Value.Periods.Single();
        Assert.Equal(44, july.Savings!.Value, 10);                                    // (15 − 4) × 4
        Assert.Equal(4 * Math.Sqrt(1.0 / 3), july.Savings.StandardError, 8);          // a manual value is taken as exact
        Assert.Equal(2, july.BaselineVersions[MetricKeys.CostPerTask]);
    }

    [Fact]
    public async Task A_baseline_without_events_in_its_period_or_without_a_source_is_refused_and_nothing_is_stored()
    {
        var useCase = await BeforeAndAfterAsync();
        var grain = cluster.Grain(useCase.Id);

        var empty = await grain.SetBaselineAsync(new BaselineRequest
        {
            MetricKey = MetricKeys.CsatMean, Method = BaselineMethod.BeforeGoLive,
        }, "k", Today);
        Assert.Null(empty.Result);
        Assert.Equal(("periodStart", ValidationCodes.NoData), (empty.Errors.Single().Field, empty.Errors.Single().Code));

        var noSource = await grain.SetBaselineAsync(new BaselineRequest { MetricKey = MetricKeys.CsatMean, Method = BaselineMethod.Manual, Value = 4.2 }, "k", Today);
        Assert.Equal(("source", ValidationCodes.Required), (noSource.Errors.Single().Field, noSource.Errors.Single().Code));

        var outOfRange = await grain.SetBaselineAsync(new BaselineRequest { MetricKey = MetricKeys.CsatMean, Method = BaselineMethod.Manual, Value = 9, Source = "survey" }, "k", Today);
        Assert.Equal(("value", ValidationCodes.OutOfRange), (outOfRange.Errors.Single().Field, outOfRange.Errors.Single().Code));

        var history = await new Baselines.BaselineStore(cluster.Database).ReadHistoryAsync(useCase.Id, null, CancellationToken.None);
        Assert.Empty(history);
    }

    [Fact]
    public async Task A_concurrent_baseline_reads_only_the_human_handled_events()
    {
        var useCase = UseCase("concurrent");
        await cluster.RegisterAsync(useCase);
        await cluster.AppendAsync(useCase.Id,
        [
            Event(useCase, July, Handler.Human) with { Resolved = true },
            Event(useCase, July, Handler.Human) with { Resolved = false },
            Event(useCase, July, Handler.Ai) with { Resolved = true },
            Event(useCase, July, Handler.Ai) with { Resolved = true },
        ]);
        var version = (await cluster.Grain(useCase.Id).SetBaselineAsync(
            new BaselineRequest { MetricKey = MetricKeys.ResolutionRate, Method = BaselineMethod.ConcurrentHuman }, "k", Today)).Result!;

        Assert.Equal(0.5, version.Value);
        Assert.Equal(2, version.SampleSize);
        // The last 90 days (today included) reach back to May 18, before go-live, so the period starts at go-live.
        Assert.Equal(useCase.AiGoLiveDate, version.PeriodStart);
    }
}
