using AiRoi.Domain.Events;

namespace AiRoi.Domain.Rollups;

/// <summary>
/// A use case's metric state: daily cells of sufficient statistics per handler, and weekly cells per handler and
/// segment for each tracked attribute dimension, built event by event in log order. Every figure AiRoi reports for the use
/// case (metrics, comparisons, baselines, ROI, health) is read from it.
/// </summary>
/// <remarks>
/// Applying the log in sequence order is deterministic, so a roll-up restored from a snapshot and fed the rest of
/// the log equals one built from the whole log. Memory is bounded by <see cref="RollupLimits"/>: days older than
/// <see cref="RollupLimits.RetainedDays"/> before the latest event are folded into month cells, and segment values
/// and labels past their bounds are counted as <see cref="RollupLimits.OtherValue"/>.
/// </remarks>
public sealed class UseCaseRollup
{
    private readonly Dictionary<SeriesKey, SortedDictionary<DateOnly, MetricCell>> days = [];
    private readonly Dictionary<SeriesKey, SortedDictionary<DateOnly, MetricCell>> months = [];
    private readonly Dictionary<string, List<string>> dimensionValues = [];
    private readonly List<string> escalationReasons = [];
    private readonly List<string> exceptionTypes = [];

    /// <summary>An empty roll-up of this shape.</summary>
    public UseCaseRollup(RollupShape shape)
    {
        Shape = shape ?? throw new ArgumentNullException(nameof(shape));
        foreach (var dimension in shape.SegmentDimensions)
        {
            dimensionValues[dimension] = [];
        }
    }

    /// <summary>The shape the roll-up was built under.</summary>
    public RollupShape Shape { get; }

    /// <summary>The last log sequence number applied.</summary>
    public long Sequence { get; private set; }

    /// <summary>Events applied.</summary>
    public long Events { get; private set; }

    /// <summary>The earliest completion time seen.</summary>
    public DateTimeOffset? FirstCompletedAt { get; private set; }

    /// <summary>The latest completion time seen.</summary>
    public DateTimeOffset? LastCompletedAt { get; private set; }

    /// <summary>
    /// Days before this one are held by month only: the first day of the month of the day 730 days before the
    /// latest event's day; null before the first event.
    /// </summary>
    public DateOnly? FoldedBefore { get; private set; }

    /// <summary>The segment values tracked per dimension, in the order they first appeared.</summary>
    public IReadOnlyDictionary<string, List<string>> DimensionValues => dimensionValues;

    /// <summary>The escalation reasons tracked, in the order they first appeared.</summary>
    public IReadOnlyList<string> EscalationReasons => escalationReasons;

    /// <summary>The exception types tracked, in the order they first appeared.</summary>
    public IReadOnlyList<string> ExceptionTypes => exceptionTypes;

    /// <summary>Number of cells held, day and month: what the memory bound counts.</summary>
    public int CellCount => days.Values.Sum(series => series.Count) + months.Values.Sum(series => series.Count);

    /// <summary>Adds one event that the log numbered <paramref name="sequence"/>.</summary>
    public void Apply(long sequence, OutcomeEvent outcomeEvent)
    {
        ArgumentNullException.ThrowIfNull(outcomeEvent);
        var day = Periods.DayOf(outcomeEvent.CompletedAt);
        if (LastCompletedAt is null || outcomeEvent.CompletedAt > LastCompletedAt)
        {
            var latestBefore = LastCompletedAt is { } last ? Periods.DayOf(last) : (DateOnly?)null;
            LastCompletedAt = outcomeEvent.CompletedAt;
            if (latestBefore is null || day > latestBefore)
            {
                FoldOlderThan(day);
            }
        }
        if (FirstCompletedAt is null || outcomeEvent.CompletedAt < FirstCompletedAt)
        {
            FirstCompletedAt = outcomeEvent.CompletedAt;
        }

        var values = MeasuresOf(outcomeEvent);
        var handlerCell = CellFor(new SeriesKey(outcomeEvent.Handler, "", ""), day);
        AddTo(handlerCell, values);
        (handlerCell.ResolutionSketch ??= new()).Add(values[Measure.ResolutionSeconds]);
        for (var i = 0; i < Shape.CustomMetrics.Count; i++)
        {
            var slot = Measure.BuiltInCount + i;
            if (Shape.CustomMetrics[i].NeedsSketch && !double.IsNaN(values[slot]))
            {
                handlerCell.MeasureSketches ??= [];
                if (!handlerCell.MeasureSketches.TryGetValue(slot, out var sketch))
                {
                    handlerCell.MeasureSketches[slot] = sketch = new();
                }
                sketch.Add(values[slot]);
            }
        }
        if (outcomeEvent.Escalated == true)
        {
            handlerCell.EscalationReasons = MetricCell.Count(handlerCell.EscalationReasons, Label(escalationReasons, outcomeEvent.EscalationReason));
        }
        if (outcomeEvent.IsException())
        {
            handlerCell.ExceptionTypes = MetricCell.Count(handlerCell.ExceptionTypes, Label(exceptionTypes, outcomeEvent.ExceptionType));
        }

        // Segment cells are weekly (keyed by the ISO week's Monday): a dimension multiplies the cells by its values,
        // and by week that costs a seventh of the memory while comparisons and breakdowns read weeks or longer anyway.
        var week = Periods.StartOf(day, Granularity.Week);
        foreach (var dimension in Shape.SegmentDimensions)
        {
            var value = SegmentValue(dimension, outcomeEvent.Attributes);
            AddTo(CellFor(new SeriesKey(outcomeEvent.Handler, dimension, value), week), values);
        }
        Events++;
        Sequence = sequence;
    }

    /// <summary>
    /// Changes the AI cost of an event applied before from <paramref name="before"/> to <paramref name="after"/>
    /// (null: none known), as a traced cost joining it does: its cost value is taken out of every cell it went into and
    /// the new one put in. Nothing else about the event changes, so its counts, sketches and labels stay.
    /// </summary>
    /// <param name="outcomeEvent">The event as applied (its own <see cref="OutcomeEvent.AiCost"/> is ignored).</param>
    /// <param name="before">The AI cost it was applied with.</param>
    /// <param name="after">Its AI cost now.</param>
    public void ReviseAiCost(OutcomeEvent outcomeEvent, decimal? before, decimal? after)
    {
        ArgumentNullException.ThrowIfNull(outcomeEvent);
        var old = (outcomeEvent with { AiCost = before }).CostToServe(Shape.LoadedHumanCostPerHour);
        var now = (outcomeEvent with { AiCost = after }).CostToServe(Shape.LoadedHumanCostPerHour);
        if (old == now)
        {
            return;
        }
        var day = Periods.DayOf(outcomeEvent.CompletedAt);
        Revise(CellFor(new SeriesKey(outcomeEvent.Handler, "", ""), day), old, now);
        var week = Periods.StartOf(day, Granularity.Week);
        foreach (var dimension in Shape.SegmentDimensions)
        {
            Revise(CellFor(new SeriesKey(outcomeEvent.Handler, dimension, SegmentValue(dimension, outcomeEvent.Attributes)), week), old, now);
        }

        static void Revise(MetricCell cell, decimal? old, decimal? now)
        {
            var moments = cell.Slots[Measure.Cost];
            if (old is { } taken)
            {
                moments = new Moments(moments.N - 1, moments.Sum - (double)taken, moments.SumOfSquares - (double)taken * (double)taken);
            }
            cell.Slots[Measure.Cost] = now is { } added ? moments.Add((double)added) : moments;
        }
    }

    /// <summary>
    /// Everything in <c>[from, until)</c> that passes <paramref name="filter"/>, merged into one cell. A segment
    /// filter reads weekly cells, which count whole when their Monday lies in the range; folded months count whole
    /// when their first day does.
    /// </summary>
    /// <param name="from">First day.</param>
    /// <param name="until">First day after.</param>
    /// <param name="filter">Which cells.</param>
    /// <param name="momentsOnly">Merge only counts and moments, not sketches and labels (see <see cref="MetricCell.Merge"/>).</param>
    public MetricCell Aggregate(DateOnly from, DateOnly until, CellFilter filter, bool momentsOnly = false)
    {
        var total = new MetricCell(Shape.SlotCount);
        foreach (var (_, cell) in Cells(from, until, filter))
        {
            total.Merge(cell, momentsOnly);
        }
        return total;
    }

    /// <summary>
    /// The cells in <c>[from, until)</c> that pass <paramref name="filter"/>, merged per period of
    /// <paramref name="granularity"/>, by period start; periods without events are left out.
    /// </summary>
    /// <param name="from">First day.</param>
    /// <param name="until">First day after.</param>
    /// <param name="granularity">The period length.</param>
    /// <param name="filter">Which cells.</param>
    /// <param name="momentsOnly">Merge only counts and moments, not sketches and labels.</param>
    public SortedDictionary<DateOnly, MetricCell> Series(DateOnly from, DateOnly until, Granularity granularity, CellFilter filter, bool momentsOnly = false)
    {
        var series = new SortedDictionary<DateOnly, MetricCell>();
        // Folded months cannot be cut into days or weeks: such series leave them out rather than show a month as a day.
        foreach (var (day, cell) in Cells(from, until, filter, months: granularity >= Granularity.Month))
        {
            var start = Periods.StartOf(day, granularity);
            if (!series.TryGetValue(start, out var period))
            {
                series[start] = period = new MetricCell(Shape.SlotCount);
            }
            period.Merge(cell, momentsOnly);
        }
        return series;
    }

    /// <summary>The snapshot of this roll-up: everything needed to restore it.</summary>
    public RollupSnapshot ToSnapshot() => new()
    {
        Fingerprint = Shape.Fingerprint,
        Sequence = Sequence,
        Events = Events,
        FirstCompletedAt = FirstCompletedAt,
        LastCompletedAt = LastCompletedAt,
        FoldedBefore = FoldedBefore,
        DimensionValues = dimensionValues.ToDictionary(pair => pair.Key, pair => pair.Value.ToList()),
        EscalationReasons = [.. escalationReasons],
        ExceptionTypes = [.. exceptionTypes],
        Days = Entries(days),
        Months = Entries(months),
    };

    /// <summary>
    /// The roll-up a snapshot holds, when it was taken under <paramref name="shape"/>; null when the shape has
    /// changed since, and the roll-up must be rebuilt from the whole log.
    /// </summary>
    public static UseCaseRollup? FromSnapshot(RollupSnapshot snapshot, RollupShape shape)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Fingerprint != shape.Fingerprint)
        {
            return null;
        }
        var rollup = new UseCaseRollup(shape)
        {
            Sequence = snapshot.Sequence,
            Events = snapshot.Events,
            FirstCompletedAt = snapshot.FirstCompletedAt,
            LastCompletedAt = snapshot.LastCompletedAt,
            FoldedBefore = snapshot.FoldedBefore,
        };
        foreach (var (dimension, values) in snapshot.DimensionValues)
        {
            rollup.dimensionValues[dimension] = [.. values];
        }
        rollup.escalationReasons.AddRange(snapshot.EscalationReasons);
        rollup.exceptionTypes.AddRange(snapshot.ExceptionTypes);
        Restore(rollup.days, snapshot.Days);
        Restore(rollup.months, snapshot.Months);
        return rollup;
    }

    private IEnumerable<(DateOnly Day, MetricCell Cell)> Cells(DateOnly from, DateOnly until, CellFilter filter, bool months = true)
    {
        foreach (var store in months ? [days, this.months] : (Dictionary<SeriesKey, SortedDictionary<DateOnly, MetricCell>>[])[days])
        {
            foreach (var (key, series) in store)
            {
                if (!Matches(key, filter))
                {
                    continue;
                }
                foreach (var (day, cell) in series)
                {
                    if (day >= until)
                    {
                        break;
                    }
                    if (day >= from)
                    {
                        yield return (day, cell);
                    }
                }
            }
        }
    }

    private static bool Matches(SeriesKey key, CellFilter filter) =>
        (filter.Handler is null || filter.Handler == key.Handler)
        && (filter.Dimension is null ? key.Dimension.Length == 0 : key.Dimension == filter.Dimension && key.Value == filter.Value);

    private MetricCell CellFor(SeriesKey key, DateOnly day)
    {
        var (store, period) = FoldedBefore is { } folded && day < folded
            ? (months, Periods.StartOf(day, Granularity.Month))
            : (days, day);
        if (!store.TryGetValue(key, out var series))
        {
            store[key] = series = [];
        }
        if (!series.TryGetValue(period, out var cell))
        {
            series[period] = cell = new MetricCell(Shape.SlotCount);
        }
        return cell;
    }

    /// <summary>Moves the days that fell out of <see cref="RollupLimits.RetainedDays"/> into their months.</summary>
    private void FoldOlderThan(DateOnly latestDay)
    {
        var boundary = Periods.StartOf(latestDay.AddDays(1 - RollupLimits.RetainedDays), Granularity.Month);
        if (FoldedBefore is { } folded && boundary <= folded)
        {
            return;
        }
        FoldedBefore = boundary;
        foreach (var (key, series) in days)
        {
            var old = series.Keys.TakeWhile(day => day < boundary).ToList();
            if (old.Count == 0)
            {
                continue;
            }
            if (!months.TryGetValue(key, out var monthSeries))
            {
                months[key] = monthSeries = [];
            }
            foreach (var day in old)
            {
                var month = Periods.StartOf(day, Granularity.Month);
                if (!monthSeries.TryGetValue(month, out var monthCell))
                {
                    monthSeries[month] = monthCell = new MetricCell(Shape.SlotCount);
                }
                monthCell.Merge(series[day]);
                series.Remove(day);
            }
        }
    }

    /// <summary>The measures of the event being applied; one array, refilled per event, since events are applied one at a time.</summary>
    private double[]? eventMeasures;

    /// <summary>The value of each measure slot for one event; NaN where the event does not carry it.</summary>
    private double[] MeasuresOf(OutcomeEvent e)
    {
        var values = eventMeasures ??= new double[Shape.SlotCount];
        Array.Fill(values, double.NaN);
        values[Measure.ResolutionSeconds] = e.ResolutionTime().TotalSeconds;
        if (e.CostToServe(Shape.LoadedHumanCostPerHour) is { } cost)
        {
            values[Measure.Cost] = (double)cost;
        }
        if (e.HumanMinutes is { } minutes)
        {
            values[Measure.HumanMinutes] = minutes;
        }
        if (e.Converted is { } converted)
        {
            values[Measure.Converted] = converted ? 1 : 0;
        }
        values[Measure.ConversionValue] = (double)(e.ConversionValue ?? 0m);
        if (e.Resolved is { } resolved)
        {
            values[Measure.Resolved] = resolved ? 1 : 0;
        }
        if (e.IsFirstContactResolved() is { } firstContact)
        {
            values[Measure.FirstContactResolved] = firstContact ? 1 : 0;
        }
        values[Measure.Escalated] = e.Escalated == true ? 1 : 0;
        if (e.Csat is { } csat)
        {
            values[Measure.Csat] = csat;
            values[Measure.CsatSatisfied] = e.IsCsatSatisfied() == true ? 1 : 0;
        }
        if (e.Nps is { } nps)
        {
            values[Measure.NpsScore] = Measure.NetPromoterScore(nps);
        }
        values[Measure.Exception] = e.IsException() ? 1 : 0;
        if (e.Measures is { Count: > 0 } measures)
        {
            for (var i = 0; i < Shape.CustomMetrics.Count; i++)
            {
                var custom = Shape.CustomMetrics[i];
                if (!measures.TryGetValue(custom.Name, out var value) || !double.IsFinite(value))
                {
                    continue;
                }
                if (custom.Aggregation == Metrics.Aggregation.Rate && value is not (0 or 1))
                {
                    // A rate is a share of yes (1) and no (0) answers; any other number is not an answer, and would
                    // push the share outside 0–1, where the Wilson interval is undefined (NaN breaks every report).
                    continue;
                }
                values[Measure.BuiltInCount + i] = custom.Aggregation == Metrics.Aggregation.NetPromoter ? Measure.NetPromoterScore(value) : value;
            }
        }
        return values;
    }

    private static void AddTo(MetricCell cell, double[] values)
    {
        cell.Events++;
        for (var slot = 0; slot < values.Length; slot++)
        {
            if (!double.IsNaN(values[slot]))
            {
                cell.Slots[slot] = cell.Slots[slot].Add(values[slot]);
            }
        }
    }

    private string SegmentValue(string dimension, IReadOnlyDictionary<string, string>? attributes) =>
        attributes is not null && attributes.TryGetValue(dimension, out var value) && !string.IsNullOrEmpty(value)
            ? Bounded(dimensionValues[dimension], value, RollupLimits.MaxValuesPerDimension)
            : RollupLimits.NoValue;

    private static string Label(List<string> tracked, string? label) =>
        string.IsNullOrWhiteSpace(label) ? RollupLimits.NoValue : Bounded(tracked, label, RollupLimits.MaxLabels);

    private static string Bounded(List<string> tracked, string value, int bound)
    {
        if (tracked.Contains(value))
        {
            return value;
        }
        if (tracked.Count < bound)
        {
            tracked.Add(value);
            return value;
        }
        return RollupLimits.OtherValue;
    }

    private static List<CellEntry> Entries(Dictionary<SeriesKey, SortedDictionary<DateOnly, MetricCell>> store) =>
        [.. store.SelectMany(pair => pair.Value.Select(cell => new CellEntry(pair.Key.Handler, pair.Key.Dimension, pair.Key.Value, cell.Key, cell.Value)))];

    private static void Restore(Dictionary<SeriesKey, SortedDictionary<DateOnly, MetricCell>> store, IEnumerable<CellEntry> entries)
    {
        foreach (var entry in entries)
        {
            var key = new SeriesKey(entry.Handler, entry.Dimension, entry.Value);
            if (!store.TryGetValue(key, out var series))
            {
                store[key] = series = [];
            }
            series[entry.Period] = entry.Cell;
        }
    }

    /// <summary>One series of cells: a handler's, overall (empty dimension) or in one segment.</summary>
    private readonly record struct SeriesKey(Handler Handler, string Dimension, string Value);
}
