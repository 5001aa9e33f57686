using System.Text.Json.Serialization;

namespace AiRoi.Domain.Rollups;

/// <summary>
/// The sufficient statistics of the events in one cell of a use case's roll-up (one day or month, one handler,
/// optionally one segment): a <see cref="Moments"/> slot per <see cref="Measure"/>, quantile sketches where a
/// metric needs quantiles, and counts of escalation reasons and exception types. Cells merge exactly, so any
/// period is the merge of its days.
/// </summary>
public sealed class MetricCell
{
    /// <summary>An empty cell with <paramref name="slots"/> measure slots.</summary>
    public MetricCell(int slots) => Slots = new Moments[slots];

    // For JSON (the grain's snapshot): the slots come from the document. Without it the serializer would bind the
    // int "slots" parameter above to the Moments[] "slots" property and refuse to read any snapshot.
    [JsonConstructor]
    private MetricCell()
        : this(0)
    {
    }

    /// <summary>Events in the cell.</summary>
    public long Events { get; set; }

    /// <summary>One entry per measure: the built-in ones, then the use case's custom metrics.</summary>
    public Moments[] Slots { get; set; }

    /// <summary>Resolution time in seconds; only in handler cells, not in segment cells (see <see cref="RollupLimits"/>).</summary>
    public QuantileSketch? ResolutionSketch { get; set; }

    /// <summary>Sketches of the custom metrics aggregated by a quantile, by slot; only in handler cells.</summary>
    public Dictionary<int, QuantileSketch>? MeasureSketches { get; set; }

    /// <summary>Escalated events per reason; only in handler cells.</summary>
    public Dictionary<string, long>? EscalationReasons { get; set; }

    /// <summary>Events per exception type; only in handler cells.</summary>
    public Dictionary<string, long>? ExceptionTypes { get; set; }

    /// <summary>
    /// Adds everything in <paramref name="other"/> to this cell; with <paramref name="momentsOnly"/>, only the
    /// event count and the moments (a test on means needs nothing else, and skipping sketches and labels is most
    /// of the cost of a merge).
    /// </summary>
    public void Merge(MetricCell other, bool momentsOnly = false)
    {
        ArgumentNullException.ThrowIfNull(other);
        Events += other.Events;
        for (var i = 0; i < Slots.Length && i < other.Slots.Length; i++)
        {
            Slots[i] = Slots[i].Merge(other.Slots[i]);
        }
        if (momentsOnly)
        {
            return;
        }
        if (other.ResolutionSketch is not null)
        {
            (ResolutionSketch ??= new()).Merge(other.ResolutionSketch);
        }
        if (other.MeasureSketches is not null)
        {
            MeasureSketches ??= [];
            foreach (var (slot, sketch) in other.MeasureSketches)
            {
                if (!MeasureSketches.TryGetValue(slot, out var mine))
                {
                    MeasureSketches[slot] = mine = new();
                }
                mine.Merge(sketch);
            }
        }
        EscalationReasons = MergeCounts(EscalationReasons, other.EscalationReasons);
        ExceptionTypes = MergeCounts(ExceptionTypes, other.ExceptionTypes);
    }

    /// <summary>Counts one more event under <paramref name="label"/>.</summary>
    public static Dictionary<string, long> Count(Dictionary<string, long>? counts, string label)
    {
        counts ??= [];
        counts[label] = counts.GetValueOrDefault(label) + 1;
        return counts;
    }

    private static Dictionary<string, long>? MergeCounts(Dictionary<string, long>? mine, Dictionary<string, long>? theirs)
    {
        if (theirs is null)
        {
            return mine;
        }
        mine ??= [];
        foreach (var (label, count) in theirs)
        {
            mine[label] = mine.GetValueOrDefault(label) + count;
        }
        return mine;
    }
}
