using AiRoi.Domain.Events;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.Tests.Trends;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Tests.Rollups;

/// <summary>
/// Every aggregation read out of a roll-up against figures worked by hand (docs/metrics.md, "How intervals are
/// computed"). Interval ends were computed with z = 1.959963984540054.
/// </summary>
public class MetricReaderTests
{
    private const double Z = EventLog.Z;

    private static readonly DateOnly Day = new(2026, 4, 14);

    private static readonly CustomMetricDefinition CallsBooked = new(
        "callsBooked", "Calls booked", MetricUnit.Count, Aggregation.Count, GoodDirection.Higher, ValueKind.Value, MetricRole.Output);

    private static readonly CustomMetricDefinition HandleScoreMedian = new(
        "handleScoreMedian", "Handle score (median)", MetricUnit.Score, Aggregation.P50, GoodDirection.Higher, ValueKind.Value, MetricRole.Process);

    private static readonly UseCase Chatbot = UseCases.Full() with { CustomMetrics = [CallsBooked, HandleScoreMedian, MetricTemplates.LeadQuality] };

    private static MetricReading Read(string key, IEnumerable<OutcomeEvent> events, CellFilter? filter = null)
    {
        var rollup = EventLog.Build(Chatbot, events);
        return MetricReader.Read(Chatbot.ResolveMetric(key)!, rollup.Aggregate(Day, Day.AddDays(1), filter ?? CellFilter.All), rollup.Shape);
    }

    private static OutcomeEvent Ticket() => EventLog.On(Day);

    [Fact]
    public void A_mean_carries_the_normal_interval_of_its_standard_error()
    {
        // Costs 1, 2, 3, 4, 5 and one task without any cost figure: mean 3 over 5 tasks, sample variance 2.5,
        // SE √(2.5 / 5) = 0.7071, interval 3 ± 1.96 × 0.7071 = [1.614, 4.386].
        var reading = Read(MetricKeys.CostPerTask, [.. Enumerable.Range(1, 5).Select(cost => Ticket() with { AiCost = cost }), Ticket()]);

        Assert.Equal(5, reading.N);
        Approx.Equal(3, reading.Value!.Value, "mean");
        Approx.Equal(Math.Sqrt(0.5), reading.StandardError!.Value, "SE");
        Approx.Equal(1.6140961756503225, reading.Low!.Value, "low");
        Approx.Equal(4.385903824349677, reading.High!.Value, "high");
    }

    [Fact]
    public void Human_minutes_are_priced_at_the_loaded_hourly_cost_unless_the_event_gives_a_human_cost()
    {
        // 48.50 an hour: 0.10 + 30 minutes = 24.35; an explicit human cost of 5 wins over its 60 minutes: 5.
        var reading = Read(MetricKeys.CostPerTask,
        [
            Ticket() with { AiCost = 0.10m, HumanMinutes = 30 },
            Ticket() with { HumanMinutes = 60, HumanCost = 5m },
        ]);

        Approx.Equal((24.35 + 5) / 2, reading.Value!.Value, "mean cost");
    }

    [Fact]
    public void A_rate_carries_the_wilson_interval()
    {
        // 8 of 10 resolved: p = 0.8; Wilson centre (0.8 + z²/20) / (1 + z²/10), half-width
        // z·√(0.8 × 0.2 / 10 + z²/400) / (1 + z²/10): [0.4902, 0.9433]. An unknown outcome stays out.
        var reading = Read(MetricKeys.ResolutionRate,
            [.. EventLog.Times(10, i => Ticket() with { Resolved = i < 8 }), Ticket()]);

        Assert.Equal(10, reading.N);
        Approx.Equal(0.8, reading.Value!.Value, "rate");
        Approx.Equal(0.49016247153664183, reading.Low!.Value, "Wilson low");
        Approx.Equal(0.9433178485456247, reading.High!.Value, "Wilson high");
        Approx.Equal(Math.Sqrt(0.8 * 0.2 / 10), reading.StandardError!.Value, "SE");
    }

    [Fact]
    public void A_rate_of_all_yes_keeps_an_interval_below_one()
    {
        // 5 of 5: Wilson gives [0.5655, 1], where mean ± 1.96·SE would collapse to the point 1.
        var reading = Read(MetricKeys.FcrRate, EventLog.Times(5, _ => Ticket() with { Resolved = true }));

        Assert.Equal(1, reading.Value);
        Approx.Equal(5 / (5 + Z * Z), reading.Low!.Value, "Wilson low");
        Approx.Equal(1, reading.High!.Value, "Wilson high");
    }

    [Fact]
    public void Nps_is_promoters_minus_detractors_times_100_with_the_interval_of_the_mean_contribution()
    {
        // 10, 9, 9, 10, 10 promote (+1), 8 and 7 are passive (0), 6, 3 and 0 detract (−1): NPS (5 − 3)/10 × 100 = 20.
        // Contributions sum 2, squares 8: variance (8 − 2²/10)/9 = 0.8444, SE √(0.8444/10) × 100 = 29.06.
        int[] answers = [10, 9, 9, 8, 7, 6, 3, 0, 10, 10];
        var reading = Read(MetricKeys.Nps, answers.Select(nps => Ticket() with { Nps = nps }));

        Approx.Equal(20, reading.Value!.Value, "NPS");
        Approx.Equal(100 * Math.Sqrt(7.6 / 9 / 10), reading.StandardError!.Value, "SE");
        Approx.Equal(-36.95523294392939, reading.Low!.Value, "low");
        Approx.Equal(76.95523294392939, reading.High!.Value, "high");
    }

    [Fact]
    public void A_sum_is_exact_and_counts_tasks_without_a_value_as_zero()
    {
        var events = new[]
        {
            Ticket() with { Converted = true, ConversionValue = 100m },
            Ticket() with { Converted = true, ConversionValue = 250.5m },
            Ticket() with { Converted = false },
            Ticket() with { Converted = true, ConversionValue = 49.5m },
        };

        var total = Read(MetricKeys.ConversionValueTotal, events);
        var perTask = Read(MetricKeys.ConversionValuePerTask, events);

        Assert.Equal(new MetricReading(400, 4, null, null, null), total);
        Approx.Equal(100, perTask.Value!.Value, "value per task");
        Approx.Equal(0.75, Read(MetricKeys.ConversionRate, events).Value!.Value, "conversion rate");
    }

    [Fact]
    public void Tasks_completed_counts_the_resolved_tasks_and_a_custom_count_the_tasks_carrying_its_measure()
    {
        var events = new List<OutcomeEvent>
        {
            Ticket() with { Resolved = true, Measures = new Dictionary<string, double> { ["callsBooked"] = 3 } },
            Ticket() with { Resolved = true, Measures = new Dictionary<string, double> { ["callsBooked"] = 0 } },
            Ticket() with { Resolved = true },
            Ticket() with { Resolved = false, Measures = new Dictionary<string, double> { ["callsBooked"] = 1 } },
            Ticket(),
        };

        Assert.Equal(new MetricReading(3, 4, null, null, null), Read(MetricKeys.TasksCompleted, events));
        Assert.Equal(new MetricReading(3, 3, null, null, null), Read(CallsBooked.Name, events));
    }

    [Fact]
    public void P50_and_p90_come_from_the_sketch_with_the_order_statistic_interval()
    {
        // Resolution times 10, 20, …, 100 s. p50 is rank ⌊0.5 × 9⌋ = 4 (50 s), its interval the ranks
        // ⌊5 − 1.96·√2.5⌋ − 1 = 0 and ⌈5 + 1.96·√2.5⌉ − 1 = 8 (10 s and 90 s). p90 is rank ⌊0.9 × 9⌋ = 8 (90 s),
        // its interval ranks ⌊9 − 1.96·√0.9⌋ − 1 = 6 and ⌈9 + 1.96·√0.9⌉ − 1 = 10, i.e. the last (70 s and 100 s).
        var events = Enumerable.Range(1, 10).Reverse().Select(k => Ticket() with { StartedAt = new DateTimeOffset(Day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero).AddSeconds(-10 * k) });
        var rollup = EventLog.Build(Chatbot, events);
        var cell = rollup.Aggregate(Day, Day.AddDays(1), CellFilter.All);

        var p50 = MetricReader.Read(MetricCatalog.Find(MetricKeys.ResolutionTimeP50)!, cell, rollup.Shape);
        var p90 = MetricReader.Read(MetricCatalog.Find(MetricKeys.ResolutionTimeP90)!, cell, rollup.Shape);

        Within2Percent(50, p50.Value, "p50");
        Within2Percent(10, p50.Low, "p50 low");
        Within2Percent(90, p50.High, "p50 high");
        Within2Percent(90, p90.Value, "p90");
        Within2Percent(70, p90.Low, "p90 low");
        Within2Percent(100, p90.High, "p90 high");
        Assert.Null(p90.StandardError);
        Assert.Equal(10, p90.N);
        Approx.Equal(55, MetricReader.Read(MetricCatalog.Find(MetricKeys.ResolutionTimeMean)!, cell, rollup.Shape).Value!.Value, "mean");

        // Segment cells keep no sketches: quantiles are read per handler or overall, not per segment.
        var segment = rollup.Aggregate(Day, Day.AddDays(1), new CellFilter(null, "complexity", "(none)"));
        Assert.Equal(MetricReading.Empty, MetricReader.Read(MetricCatalog.Find(MetricKeys.ResolutionTimeP50)!, segment, rollup.Shape));
    }

    [Fact]
    public void A_custom_median_is_read_from_its_own_sketch()
    {
        // Scores 60, 70, 80, 90 and 10: sorted 10, 60, 70, 80, 90, median rank ⌊0.5 × 4⌋ = 2, i.e. 70.
        double[] scores = [60, 70, 80, 90, 10];
        var reading = Read(HandleScoreMedian.Name, scores.Select(score => Ticket() with
        {
            Measures = new Dictionary<string, double> { ["handleScoreMedian"] = score },
        }));

        Within2Percent(70, reading.Value, "median");
        Assert.Equal(5, reading.N);
    }

    [Fact]
    public void A_custom_rate_counts_only_yes_and_no_answers()
    {
        // 1, 0, 1 are answers: 2 of 3. A 2 or a 0.5 is not an answer; counted, it would push the share past 1
        // and leave the Wilson interval undefined.
        double[] sent = [1, 0, 2, 1, 0.5];
        var reading = Read(MetricTemplates.LeadQuality.Name, sent.Select(value => Ticket() with
        {
            Measures = new Dictionary<string, double> { ["leadQuality"] = value },
        }));

        Assert.Equal(3, reading.N);
        Approx.Equal(2.0 / 3, reading.Value!.Value, "rate");
        Assert.True(reading.Low is >= 0 and < 2.0 / 3 && reading.High is > 2.0 / 3 and <= 1, $"interval [{reading.Low}, {reading.High}]");
    }

    [Fact]
    public void A_metric_no_event_carries_reads_as_empty()
    {
        Assert.Equal(MetricReading.Empty, Read(MetricKeys.CsatMean, [Ticket() with { Resolved = true }]));
    }

    /// <summary>docs/metrics.md, "How intervals are computed" → "Example 8: a CSAT and NPS reading".</summary>
    [Fact]
    public void Example_8_csat_and_nps_of_200_surveys_with_their_intervals()
    {
        // CSAT: 80 × 5, 70 × 4, 30 × 3, 10 × 2, 10 × 1. NPS: 60 × 10, 40 × 9, 30 × 8, 30 × 7, 20 × 6, 10 × 5, 10 × 0.
        var csat = Repeat((5, 80), (4, 70), (3, 30), (2, 10), (1, 10));
        var nps = Repeat((10, 60), (9, 40), (8, 30), (7, 30), (6, 20), (5, 10), (0, 10));
        var events = Enumerable.Range(0, 200).Select(i => Ticket() with { Csat = csat[i], Nps = nps[i] }).ToList();

        // Mean 800/200 = 4.0; variance (3,440 − 800²/200)/199 = 240/199 = 1.206; SE √(1.206/200) = 0.07765;
        // interval 4.0 ± 0.1522 = [3.848, 4.152].
        var mean = Read(MetricKeys.CsatMean, events);
        Approx.Equal(4.0, mean.Value!.Value, "CSAT mean");
        Approx.Equal(Math.Sqrt(240.0 / 199 / 200), mean.StandardError!.Value, "CSAT SE");
        Approx.Equal(3.847800867928951, mean.Low!.Value, "CSAT low");
        Approx.Equal(4.152199132071049, mean.High!.Value, "CSAT high");

        // % satisfied: 150/200 = 0.75, Wilson [0.6857, 0.8049].
        var satisfied = Read(MetricKeys.CsatSatisfiedRate, events);
        Approx.Equal(0.75, satisfied.Value!.Value, "CSAT satisfied");
        Approx.Equal(0.6856590168795417, satisfied.Low!.Value, "satisfied low");
        Approx.Equal(0.8049183199318249, satisfied.High!.Value, "satisfied high");

        // NPS: 100 promoters, 60 passives, 40 detractors: (100 − 40)/200 × 100 = 30. Contributions sum 60,
        // squares 140: variance (140 − 60²/200)/199 = 122/199; SE √(122/199/200) × 100 = 5.537; [19.15, 40.85].
        var score = Read(MetricKeys.Nps, events);
        Approx.Equal(30, score.Value!.Value, "NPS");
        Approx.Equal(100 * Math.Sqrt(122.0 / 199 / 200), score.StandardError!.Value, "NPS SE");
        Approx.Equal(19.148582565727416, score.Low!.Value, "NPS low");
        Approx.Equal(40.85141743427258, score.High!.Value, "NPS high");
        Assert.Equal(200, score.N);
    }

    private static int[] Repeat(params (int Answer, int Times)[] counts) =>
        [.. counts.SelectMany(count => Enumerable.Repeat(count.Answer, count.Times))];

    private static void Within2Percent(double exact, double? actual, string what)
    {
        Assert.NotNull(actual);
        Assert.True(Math.Abs(actual.Value - exact) <= 0.02 * exact * (1 + 1e-9), $"{what}: expected {exact} within 2 % but got {actual}");
    }
}
