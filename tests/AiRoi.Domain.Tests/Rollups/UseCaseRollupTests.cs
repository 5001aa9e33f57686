using System.Text.Json;
using AiRoi.Domain.Events;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Tests.Rollups;

/// <summary>A use case's metric state: restored snapshots, folding of old days, and the bounds on labels.</summary>
public class UseCaseRollupTests
{
    /// <summary>The options the grain stores its snapshot with.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly CustomMetricDefinition DealVelocityP90 = new(
        "dealVelocityP90", "Deal velocity (p90)", MetricUnit.Days, Aggregation.P90, GoodDirection.Lower, ValueKind.Value, MetricRole.Output);

    private static readonly CustomMetricDefinition ReferralNps = new(
        "referralNps", "Referral NPS", MetricUnit.NetPromoterScore, Aggregation.NetPromoter, GoodDirection.Higher, ValueKind.Value, MetricRole.Output);

    private static readonly CustomMetricDefinition CallsBooked = new(
        "callsBooked", "Calls booked", MetricUnit.Count, Aggregation.Count, GoodDirection.Higher, ValueKind.Value, MetricRole.Output);

    private static readonly UseCase Chatbot = UseCases.Full() with
    {
        CustomMetrics = [UseCases.HandleScore, MetricTemplates.ModelAccuracy, DealVelocityP90, ReferralNps, CallsBooked],
        SegmentDimensions = ["complexity", "region", "channel"],
    };

    /// <summary>
    /// Events over three years (so that the oldest are folded into months), with every field varied: three
    /// handlers, costs, surveys, conversions, escalations and exceptions past their label bounds, segment values
    /// past theirs, and custom measures.
    /// </summary>
    private static List<OutcomeEvent> History(int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateTime(2023, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        var events = new List<OutcomeEvent>(count);
        for (var i = 0; i < count; i++)
        {
            // Mostly in log order, with some late arrivals from up to 60 days back.
            var completed = start.AddHours(i * 26_000.0 / count).AddDays(random.Next(10) == 0 ? -random.Next(60) : 0);
            var handler = (Handler)random.Next(1, 4);
            var escalated = random.Next(4) == 0;
            var attributes = new Dictionary<string, string> { ["complexity"] = random.Next(3) switch { 0 => "low", 1 => "medium", _ => "high" } };
            if (random.Next(5) > 0)
            {
                attributes["region"] = $"region-{random.Next(14)}";
            }
            var measures = new Dictionary<string, double>();
            if (random.Next(2) == 0)
            {
                measures["handleScore"] = random.Next(40, 100);
                measures["dealVelocityP90"] = random.Next(1, 90) + random.NextDouble();
                measures["referralNps"] = random.Next(11);
                measures["modelAccuracy"] = random.NextDouble();
            }
            if (random.Next(3) == 0)
            {
                measures["callsBooked"] = random.Next(1, 4);
            }
            events.Add(EventLog.At(completed, handler) with
            {
                StartedAt = new DateTimeOffset(completed, TimeSpan.Zero).AddSeconds(-random.Next(30, 7_200)),
                Resolved = random.Next(10) == 0 ? null : random.Next(4) > 0,
                Escalated = escalated,
                EscalationReason = escalated && random.Next(5) > 0 ? $"reason-{random.Next(25)}" : null,
                Contacts = random.Next(1, 4),
                ExceptionType = random.Next(6) == 0 ? $"type-{random.Next(24)}" : null,
                AiCost = random.Next(3) == 0 ? null : random.Next(1, 500) / 100m,
                HumanMinutes = random.Next(2) == 0 ? null : random.Next(0, 30),
                HumanCost = random.Next(8) == 0 ? random.Next(100, 900) / 100m : null,
                Csat = random.Next(3) == 0 ? random.Next(1, 6) : null,
                Nps = random.Next(4) == 0 ? random.Next(11) : null,
                Converted = random.Next(3) == 0 ? null : random.Next(5) == 0,
                ConversionValue = random.Next(10) == 0 ? random.Next(10, 5_000) : null,
                Attributes = attributes,
                Measures = measures,
            });
        }
        return events;
    }

    [Fact]
    public void A_snapshot_restored_from_json_and_fed_the_rest_of_the_log_equals_the_roll_up_of_the_whole_log()
    {
        var events = History(2_000, seed: 731);
        var shape = RollupShape.Of(Chatbot);
        var whole = EventLog.Build(shape, events);

        var before = EventLog.Build(shape, events.Take(1_234));
        var document = JsonSerializer.Serialize(before.ToSnapshot(), Json);
        var restored = UseCaseRollup.FromSnapshot(JsonSerializer.Deserialize<RollupSnapshot>(document, Json)!, shape);
        Assert.NotNull(restored);
        EventLog.Apply(restored, events.Skip(1_234));

        Assert.NotNull(whole.FoldedBefore);
        Assert.Equal(whole.Events, restored.Events);
        Assert.Equal(whole.Sequence, restored.Sequence);
        Assert.Equal(whole.FoldedBefore, restored.FoldedBefore);
        Assert.Equal(whole.CellCount, restored.CellCount);
        Assert.Equal(whole.EscalationReasons, restored.EscalationReasons);
        Assert.Equal(whole.ExceptionTypes, restored.ExceptionTypes);
        Assert.Equal(whole.DimensionValues.Keys, restored.DimensionValues.Keys);
        foreach (var (dimension, values) in whole.DimensionValues)
        {
            Assert.Equal(values, restored.DimensionValues[dimension]);
        }

        // Every metric, read from every day (or folded month) of every handler and segment series.
        var metrics = MetricCatalog.BuiltIn.Concat(Chatbot.CustomMetrics.Select(custom => custom.ToMetricDefinition())).ToList();
        var compared = 0;
        foreach (var filter in Filters(whole))
        {
            var expectedDays = whole.Series(DateOnly.MinValue, DateOnly.MaxValue, Granularity.Day, filter);
            var actualDays = restored.Series(DateOnly.MinValue, DateOnly.MaxValue, Granularity.Day, filter);
            Assert.Equal(expectedDays.Keys, actualDays.Keys);
            foreach (var (day, expectedCell) in expectedDays)
            {
                var actualCell = actualDays[day];
                Assert.Equal(expectedCell.Events, actualCell.Events);
                foreach (var metric in metrics)
                {
                    var expected = MetricReader.Read(metric, expectedCell, shape);
                    var actual = MetricReader.Read(metric, actualCell, shape);
                    Assert.True(expected == actual, $"{metric.Key} on {day:yyyy-MM-dd} for {filter}: expected {expected} but got {actual}");
                    compared += expected.N > 0 ? 1 : 0;
                }
            }
        }
        Assert.True(compared > 10_000, $"only {compared} non-empty readings compared");

        // The stored documents are the same too, so a second restore cannot drift either.
        Assert.Equal(JsonSerializer.Serialize(whole.ToSnapshot(), Json), JsonSerializer.Serialize(restored.ToSnapshot(), Json));
    }

    private static IEnumerable<CellFilter> Filters(UseCaseRollup rollup)
    {
        var handlers = new Handler?[] { null, Handler.Ai, Handler.Human, Handler.Hybrid };
        foreach (var handler in handlers)
        {
            yield return new CellFilter(handler);
            foreach (var (dimension, values) in rollup.DimensionValues)
            {
                foreach (var value in values.Append(RollupLimits.OtherValue).Append(RollupLimits.NoValue))
                {
                    yield return new CellFilter(handler, dimension, value);
                }
            }
        }
    }

    [Fact]
    public void A_snapshot_taken_under_another_shape_is_not_restored()
    {
        var shape = RollupShape.Of(Chatbot);
        var snapshot = EventLog.Build(shape, History(50, seed: 1)).ToSnapshot();

        Assert.NotNull(UseCaseRollup.FromSnapshot(snapshot, RollupShape.Of(Chatbot with { Name = "Renamed", ReviewCadenceDays = 7 })));
        Assert.Null(UseCaseRollup.FromSnapshot(snapshot, RollupShape.Of(Chatbot with
        {
            UnitEconomics = Chatbot.UnitEconomics with { LoadedHumanCostPerHour = 52m },
        })));
        Assert.Null(UseCaseRollup.FromSnapshot(snapshot, RollupShape.Of(Chatbot with { CustomMetrics = [.. Chatbot.CustomMetrics, MetricTemplates.ActiveUsers] })));
        Assert.Null(UseCaseRollup.FromSnapshot(snapshot, RollupShape.Of(Chatbot with { CustomMetrics = [.. Chatbot.CustomMetrics.Reverse()] })));
        Assert.Null(UseCaseRollup.FromSnapshot(snapshot, RollupShape.Of(Chatbot with { SegmentDimensions = ["complexity", "region"] })));
    }

    [Fact]
    public void Days_more_than_731_days_before_the_latest_event_are_folded_into_their_month_and_still_counted_by_month()
    {
        var rollup = EventLog.Build(Chatbot,
        [
            EventLog.On(new DateOnly(2024, 1, 10)) with { AiCost = 3m },
            EventLog.On(new DateOnly(2024, 1, 20)) with { AiCost = 5m },
            EventLog.On(new DateOnly(2024, 2, 29)) with { AiCost = 7m },
            EventLog.On(new DateOnly(2024, 3, 1)) with { AiCost = 11m },
        ]);
        var cost = MetricCatalog.Find(MetricKeys.CostPerTask)!;
        Assert.Equal(1, rollup.Aggregate(new DateOnly(2024, 1, 10), new DateOnly(2024, 1, 11), CellFilter.All).Events);

        // 1 March 2026 is 730 days after 1 March 2024, so 1 March 2024 is the oldest of the 731 days kept;
        // 29 February 2024 and everything before it is folded into months.
        EventLog.Apply(rollup, [EventLog.On(new DateOnly(2026, 3, 1)) with { AiCost = 1m }]);

        Assert.Equal(new DateOnly(2024, 3, 1), rollup.FoldedBefore);
        Assert.Equal(0, rollup.Aggregate(new DateOnly(2024, 1, 10), new DateOnly(2024, 1, 11), CellFilter.All).Events);
        var january = rollup.Aggregate(new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1), CellFilter.All);
        Assert.Equal(2, january.Events);
        Assert.Equal(4.0, MetricReader.Read(cost, january, rollup.Shape).Value);
        Assert.Equal(1, rollup.Aggregate(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 2), CellFilter.All).Events);

        var months = rollup.Series(new DateOnly(2024, 1, 1), new DateOnly(2026, 4, 1), Granularity.Month, CellFilter.All);
        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1), new DateOnly(2026, 3, 1)], months.Keys);
        Assert.Equal([2L, 1L, 1L, 1L], months.Values.Select(cell => cell.Events));
        // Folded months cannot be cut into days or weeks: such series leave them out instead of showing a month as a day.
        var days = rollup.Series(new DateOnly(2024, 1, 1), new DateOnly(2024, 4, 1), Granularity.Day, CellFilter.All);
        Assert.Equal([new DateOnly(2024, 3, 1)], days.Keys);
        Assert.Equal([new DateOnly(2024, 2, 26)], rollup.Series(new DateOnly(2024, 1, 1), new DateOnly(2024, 4, 1), Granularity.Week, CellFilter.All).Keys);
        Assert.Equal(5, rollup.Aggregate(DateOnly.MinValue, DateOnly.MaxValue, CellFilter.All).Events);
        Assert.Equal(5, rollup.Aggregate(DateOnly.MinValue, DateOnly.MaxValue, new CellFilter(Handler.Ai, "complexity", RollupLimits.NoValue)).Events);

        // A late event for a folded day goes straight into its month.
        EventLog.Apply(rollup, [EventLog.On(new DateOnly(2024, 1, 31)) with { AiCost = 7m }]);
        Assert.Equal(5.0, MetricReader.Read(cost, rollup.Aggregate(new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1), CellFilter.All), rollup.Shape).Value);
        Assert.Equal(0, rollup.Aggregate(new DateOnly(2024, 1, 31), new DateOnly(2024, 2, 1), CellFilter.All).Events);
    }

    [Fact]
    public void Folding_moves_whole_months_so_up_to_30_more_days_stay_daily()
    {
        // The 731st day back from 15 March 2026 is 15 March 2024; its month stays daily from the 1st.
        var rollup = EventLog.Build(Chatbot,
        [
            EventLog.On(new DateOnly(2024, 2, 29)),
            EventLog.On(new DateOnly(2024, 3, 5)),
            EventLog.On(new DateOnly(2026, 3, 15)),
        ]);

        Assert.Equal(new DateOnly(2024, 3, 1), rollup.FoldedBefore);
        Assert.Equal(1, rollup.Aggregate(new DateOnly(2024, 3, 5), new DateOnly(2024, 3, 6), CellFilter.All).Events);
        Assert.Equal(0, rollup.Aggregate(new DateOnly(2024, 2, 29), new DateOnly(2024, 3, 1), CellFilter.All).Events);
    }

    [Fact]
    public void The_eleventh_distinct_value_of_a_dimension_is_counted_as_other_and_a_missing_one_as_none()
    {
        var day = new DateOnly(2026, 4, 14);
        OutcomeEvent InRegion(string? region) => EventLog.On(day) with
        {
            Attributes = region is null ? null : new Dictionary<string, string> { ["region"] = region },
        };
        var regions = Enumerable.Range(1, 12).Select(i => $"region-{i}").ToList();

        var rollup = EventLog.Build(Chatbot, [.. regions.Select(InRegion), InRegion("region-3"), InRegion(null), InRegion("")]);

        Assert.Equal(regions.Take(10), rollup.DimensionValues["region"]);
        Assert.Empty(rollup.DimensionValues["channel"]);
        // Segment cells are weekly, keyed by the Monday (April 13).
        var week = Periods.StartOf(day, Granularity.Week);
        long InSegment(string value) => rollup.Aggregate(week, week.AddDays(7), new CellFilter(null, "region", value)).Events;
        Assert.Equal(2, InSegment("region-3"));
        Assert.Equal(1, InSegment("region-10"));
        Assert.Equal(0, InSegment("region-11"));
        Assert.Equal(2, InSegment(RollupLimits.OtherValue));
        Assert.Equal(2, InSegment(RollupLimits.NoValue));
        Assert.Equal(15, rollup.Aggregate(week, week.AddDays(7), new CellFilter(null, "channel", RollupLimits.NoValue)).Events);
        Assert.Equal(0, rollup.Aggregate(day, day.AddDays(1), new CellFilter(null, "channel", RollupLimits.NoValue)).Events);
    }

    [Fact]
    public void Escalation_reasons_and_exception_types_beyond_twenty_are_counted_as_other()
    {
        var day = new DateOnly(2026, 4, 14);
        var events = Enumerable.Range(1, 22).Select(i => EventLog.On(day) with
        {
            Escalated = true,
            EscalationReason = $"reason-{i}",
            ExceptionType = $"type-{i}",
        }).Append(EventLog.On(day) with { Escalated = true }).Append(EventLog.On(day) with { EscalationReason = "reason-1", Escalated = false });

        var rollup = EventLog.Build(Chatbot, events);
        var cell = rollup.Aggregate(day, day.AddDays(1), CellFilter.All);

        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"reason-{i}"), rollup.EscalationReasons);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"type-{i}"), rollup.ExceptionTypes);
        Assert.Equal(22, cell.EscalationReasons!.Count);
        Assert.Equal(2, cell.EscalationReasons[RollupLimits.OtherValue]);
        Assert.Equal(1, cell.EscalationReasons[RollupLimits.NoValue]);
        Assert.Equal(1, cell.EscalationReasons["reason-1"]);
        Assert.False(cell.EscalationReasons.ContainsKey("reason-21"));
        Assert.Equal(2, cell.ExceptionTypes![RollupLimits.OtherValue]);
        Assert.Equal(21, cell.ExceptionTypes.Count);
    }
}
