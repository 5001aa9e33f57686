using AiRoi.Domain.Events;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Rollups;
using static AiRoi.Metrics.Tests.Scenario;

namespace AiRoi.Metrics.Tests;

/// <summary>Metrics by day and week, overall and by handler, read from the grain against hand-worked figures.</summary>
[Collection(MetricsClusterCollection.Name)]
public sealed class SeriesTests(MetricsCluster cluster)
{
    private static readonly DateOnly Monday = new(2026, 7, 6);

    /// <summary>
    /// Four events: ai 600 s resolved CSAT 5 cost 0.50; human 1800 s resolved in 2 contacts CSAT 4, 20 human
    /// minutes at 60/h = 20.00; ai 1200 s not resolved, escalated (billing), CSAT 2, cost 0.30 + 5 min = 5.30;
    /// next day hybrid 600 s resolved CSAT 5, 1.00 + explicit human cost 4.00 = 5.00.
    /// </summary>
    private async Task<string> FourEventsAsync()
    {
        var useCase = UseCase("series");
        await cluster.RegisterAsync(useCase);
        await cluster.AppendAsync(useCase.Id,
        [
            Event(useCase, Monday, Handler.Ai, 600) with { Resolved = true, Csat = 5, AiCost = 0.50m },
            Event(useCase, Monday, Handler.Human, 1800) with { Resolved = true, Contacts = 2, Csat = 4, HumanMinutes = 20 },
            Event(useCase, Monday, Handler.Ai, 1200) with { Resolved = false, Escalated = true, EscalationReason = "billing", Csat = 2, AiCost = 0.30m, HumanMinutes = 5 },
            Event(useCase, Monday.AddDays(1), Handler.Hybrid, 600) with { Resolved = true, Csat = 5, AiCost = 1.00m, HumanCost = 4.00m },
        ]);
        return useCase.Id;
    }

    [Fact]
    public async Task A_week_of_events_gives_the_hand_worked_means_rates_and_counts()
    {
        var id = await FourEventsAsync();

        async Task<double?> Week(string metric) =>
            (await cluster.Grain(id).GetSeriesAsync(metric, Granularity.Week, Monday, Monday.AddDays(7), null, null, null)).Value.Points.Single().Value;

        Assert.Equal(1050, await Week(MetricKeys.ResolutionTimeMean));      // (600 + 1800 + 1200 + 600) / 4
        Assert.Equal(7.70, (await Week(MetricKeys.CostPerTask))!.Value, 10); // (0.50 + 20 + 5.30 + 5.00) / 4
        Assert.Equal(0.5, await Week(MetricKeys.FcrRate));                  // e1 and e4; e2 took two contacts, e3 escalated
        Assert.Equal(0.75, await Week(MetricKeys.ResolutionRate));
        Assert.Equal(4, await Week(MetricKeys.CsatMean));                   // (5 + 4 + 2 + 5) / 4
        Assert.Equal(0.75, await Week(MetricKeys.CsatSatisfiedRate));       // three answers of 4 or 5
        Assert.Equal(0.25, await Week(MetricKeys.EscalationRate));
        Assert.Equal(3, await Week(MetricKeys.TasksCompleted));             // resolved events
    }

    [Fact]
    public async Task The_csat_interval_is_the_mean_plus_or_minus_1_96_standard_errors()
    {
        var id = await FourEventsAsync();
        var point = (await cluster.Grain(id).GetSeriesAsync(MetricKeys.CsatMean, Granularity.Week, Monday, Monday.AddDays(7), null, null, null)).Value.Points.Single();

        // Sample variance of 5, 4, 2, 5 around 4 is (1 + 0 + 4 + 1) / 3 = 2; SE = √(2 / 4) = 0.70711.
        Assert.Equal(4 - 1.959964 * 0.707107, point.Low!.Value, 4);
        Assert.Equal(4 + 1.959964 * 0.707107, point.High!.Value, 4);
        Assert.Equal(4, point.N);
    }

    [Fact]
    public async Task Days_and_handlers_split_the_same_events()
    {
        var id = await FourEventsAsync();
        var grain = cluster.Grain(id);

        var days = (await grain.GetSeriesAsync(MetricKeys.CostPerTask, Granularity.Day, Monday, Monday.AddDays(7), null, null, null)).Value.Points;
        Assert.Equal([Monday, Monday.AddDays(1)], days.Select(point => point.PeriodStart));
        Assert.Equal(8.6, days[0].Value!.Value, 10); // 25.80 / 3
        Assert.Equal(5.0, days[1].Value!.Value, 10);

        var ai = (await grain.GetSeriesAsync(MetricKeys.CostPerTask, Granularity.Week, Monday, Monday.AddDays(7), Handler.Ai, null, null)).Value;
        Assert.Equal(2.90, ai.Overall.Value!.Value, 10); // (0.50 + 5.30) / 2
        Assert.Equal("ai", ai.Group);
        var human = (await grain.GetSeriesAsync(MetricKeys.ResolutionTimeMean, Granularity.Week, Monday, Monday.AddDays(7), Handler.Human, null, null)).Value;
        Assert.Equal(1800, human.Overall.Value);
    }

    [Fact]
    public async Task The_median_and_90th_percentile_come_from_the_sketch_within_two_percent()
    {
        var useCase = UseCase("quantiles");
        await cluster.RegisterAsync(useCase);
        // 100 events taking 1..100 minutes: median (rank 49 of 0..99) is 50 minutes, p90 (rank 89) is 90 minutes.
        await cluster.AppendAsync(useCase.Id, Enumerable.Range(1, 100).Select(minutes => Event(useCase, Monday, Handler.Ai, minutes * 60)));

        var p50 = (await cluster.Grain(useCase.Id).GetSeriesAsync(MetricKeys.ResolutionTimeP50, Granularity.Week, Monday, Monday.AddDays(7), null, null, null)).Value.Overall;
        var p90 = (await cluster.Grain(useCase.Id).GetSeriesAsync(MetricKeys.ResolutionTimeP90, Granularity.Week, Monday, Monday.AddDays(7), null, null, null)).Value.Overall;
        Assert.InRange(p50.Value!.Value, 3000 * 0.98, 3000 * 1.02);
        Assert.InRange(p90.Value!.Value, 5400 * 0.98, 5400 * 1.02);
        Assert.True(p90.Low < p90.Value && p90.Value < p90.High);
    }

    [Fact]
    public async Task Segments_keep_the_events_of_each_attribute_value()
    {
        var useCase = UseCase("segments");
        await cluster.RegisterAsync(useCase);
        await cluster.AppendAsync(useCase.Id,
        [
            Event(useCase, Monday, Handler.Ai) with { Csat = 5, Attributes = new Dictionary<string, string> { ["complexity"] = "low" } },
            Event(useCase, Monday, Handler.Ai) with { Csat = 3, Attributes = new Dictionary<string, string> { ["complexity"] = "high" } },
            Event(useCase, Monday, Handler.Human) with { Csat = 1, Attributes = new Dictionary<string, string> { ["complexity"] = "high" } },
            Event(useCase, Monday, Handler.Human) with { Csat = 4 },
        ]);
        var grain = cluster.Grain(useCase.Id);

        async Task<double?> Csat(Handler? handler, string value) =>
            (await grain.GetSeriesAsync(MetricKeys.CsatMean, Granularity.Week, Monday, Monday.AddDays(7), handler, "complexity", value)).Value.Overall.Value;

        Assert.Equal(2, await Csat(null, "high"));          // (3 + 1) / 2
        Assert.Equal(3, await Csat(Handler.Ai, "high"));
        Assert.Equal(5, await Csat(null, "low"));
        Assert.Equal(4, await Csat(null, RollupLimits.NoValue));
        Assert.Equal(["low", "high", RollupLimits.OtherValue, RollupLimits.NoValue], await grain.GetSegmentValuesAsync("complexity"));
    }
}
