using AiRoi.Domain.Baselines;
using AiRoi.Domain.Events;
using AiRoi.Domain.Metrics;
using Microsoft.Extensions.DependencyInjection;
using static AiRoi.Metrics.Tests.Scenario;

namespace AiRoi.Metrics.Tests;

/// <summary>The portfolio summary a grain caches: fresh after configuration changes, refreshed by the timer after new events.</summary>
[Collection(MetricsClusterCollection.Name)]
public sealed class SummaryTests(MetricsCluster cluster)
{
    private static readonly DateOnly Day = new(2026, 7, 6);
    private static readonly DateOnly Today = new(2026, 7, 31);

    [Fact]
    public async Task New_events_reach_the_summary_on_the_next_timer_tick_and_a_baseline_at_once()
    {
        var useCase = UseCase("summary");
        await cluster.RegisterAsync(useCase);
        await cluster.AppendAsync(useCase.Id, [Event(useCase, Day, Handler.Ai) with { Resolved = true }]);
        var grain = cluster.Grain(useCase.Id);
        Assert.Equal(1, (await grain.GetSummaryAsync(Today, from: null)).Value!.Events);

        await cluster.AppendAsync(useCase.Id, [Event(useCase, Day, Handler.Ai) with { Resolved = false }]);
        // Within one timer period (10 s) the stale summary is recomputed in the background.
        var deadline = DateTime.UtcNow + UseCaseGrainTimer.Period + TimeSpan.FromSeconds(5);
        while ((await grain.GetSummaryAsync(Today, from: null)).Value!.Events != 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
        Assert.Equal(2, (await grain.GetSummaryAsync(Today, from: null)).Value!.Events);

        await grain.SetBaselineAsync(new BaselineRequest { MetricKey = MetricKeys.FcrRate, Method = BaselineMethod.Manual, Value = 0.8, Source = "2025 survey" }, "k", Today);
        var fcr = (await grain.GetSummaryAsync(Today, from: null)).Value!.KeyMetrics.Single(tile => tile.Metric.Key == MetricKeys.FcrRate);
        Assert.Equal(0.8, fcr.Baseline!.Value);
        Assert.Equal(0.5 - 0.8, fcr.Change!.Value, 10); // one of two resolved at first contact, against 0.8
    }

    [Fact]
    public async Task A_summary_is_sent_only_to_a_caller_that_does_not_hold_its_revision()
    {
        var useCase = UseCase("revision");
        await cluster.RegisterAsync(useCase);
        await cluster.AppendAsync(useCase.Id, [Event(useCase, Day, Handler.Ai) with { Resolved = true }]);
        var grain = cluster.Grain(useCase.Id);

        var first = await grain.GetSummaryIfChangedAsync(Today, Guid.Empty);
        Assert.True(first.Registered);
        Assert.Equal(1, first.Summary!.Events);
        var unchanged = await grain.GetSummaryIfChangedAsync(Today, first.Revision);
        Assert.Equal(first.Revision, unchanged.Revision);
        Assert.Null(unchanged.Summary);

        // A configuration change computes the summary anew: a new revision, and the summary with it.
        await grain.SetBaselineAsync(new BaselineRequest { MetricKey = MetricKeys.FcrRate, Method = BaselineMethod.Manual, Value = 0.8, Source = "2025 survey" }, "k", Today);
        var changed = await grain.GetSummaryIfChangedAsync(Today, first.Revision);
        Assert.NotEqual(first.Revision, changed.Revision);
        Assert.Equal(0.8, changed.Summary!.KeyMetrics.Single(tile => tile.Metric.Key == MetricKeys.FcrRate).Baseline!.Value);
        // Another day is another summary.
        Assert.NotEqual(changed.Revision, (await grain.GetSummaryIfChangedAsync(Today.AddDays(1), changed.Revision)).Revision);

        Assert.False((await cluster.Grain($"unknown-{Guid.NewGuid():N}").GetSummaryIfChangedAsync(Today, Guid.Empty)).Registered);
    }

    [Fact]
    public async Task The_silos_portfolio_reads_what_its_grains_computed_and_nothing_they_dropped()
    {
        var useCase = UseCase("portfolio-local");
        await cluster.RegisterAsync(useCase);
        await cluster.AppendAsync(useCase.Id, [Event(useCase, Day, Handler.Ai) with { Resolved = true }]);
        var portfolio = ((Orleans.TestingHost.InProcessSiloHandle)cluster.Cluster.Primary!).SiloHost.Services
            .GetRequiredService<AiRoi.Metrics.Portfolio.PortfolioSummaries>();

        var first = Assert.Single(await portfolio.GetAsync([useCase.Id], Today));
        Assert.Equal(1, first.Events);
        Assert.Same(first, Assert.Single(await portfolio.GetAsync([useCase.Id], Today)));

        // New events: the grain's timer computes a new summary, and the silo's portfolio has it.
        await cluster.AppendAsync(useCase.Id, [Event(useCase, Day, Handler.Ai) with { Resolved = false }]);
        var deadline = DateTime.UtcNow + UseCaseGrainTimer.Period + TimeSpan.FromSeconds(5);
        while ((await portfolio.GetAsync([useCase.Id], Today)).Single().Events != 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
        Assert.Equal(2, Assert.Single(await portfolio.GetAsync([useCase.Id], Today)).Events);

        // A baseline drops the grain's summary: the very next portfolio read has it, not the summary dropped.
        await cluster.Grain(useCase.Id).SetBaselineAsync(new BaselineRequest { MetricKey = MetricKeys.FcrRate, Method = BaselineMethod.Manual, Value = 0.8, Source = "2025 survey" }, "k", Today);
        var changed = Assert.Single(await portfolio.GetAsync([useCase.Id], Today));
        Assert.Equal(0.8, changed.KeyMetrics.Single(tile => tile.Metric.Key == MetricKeys.FcrRate).Baseline!.Value);

        // Grains that leave the silo withdraw theirs; the portfolio asks them again, activating them, and answers alike.
        await cluster.DeactivateGrainsAsync();
        var again = Assert.Single(await portfolio.GetAsync([useCase.Id], Today));
        Assert.NotSame(changed, again);
        Assert.Equal((2, 0.8), (again.Events, again.KeyMetrics.Single(tile => tile.Metric.Key == MetricKeys.FcrRate).Baseline!.Value));
    }
}

/// <summary>The grain timer's period, as the tests wait for it.</summary>
internal static class UseCaseGrainTimer
{
    public static TimeSpan Period => Grains.UseCaseGrain.PublishRetryPeriod;
}
