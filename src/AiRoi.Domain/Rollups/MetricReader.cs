using AiRoi.Domain.Metrics;
using MathNet.Numerics.Distributions;

namespace AiRoi.Domain.Rollups;

/// <summary>Reads any metric, built in or custom, out of a <see cref="MetricCell"/>.</summary>
public static class MetricReader
{
    /// <summary>Confidence of every interval AiRoi reports on metrics, ROI and baselines.</summary>
    public const double Confidence = 0.95;

    /// <summary>The two-sided normal quantile for <see cref="Confidence"/> (1.96).</summary>
    public static readonly double Z = Normal.InvCDF(0, 1, 1 - (1 - Confidence) / 2);

    private static readonly Dictionary<string, int> BuiltInSlots = new(StringComparer.Ordinal)
    {
        [MetricKeys.ResolutionTimeMean] = Measure.ResolutionSeconds,
        [MetricKeys.ResolutionTimeP50] = Measure.ResolutionSeconds,
        [MetricKeys.ResolutionTimeP90] = Measure.ResolutionSeconds,
        [MetricKeys.CostPerTask] = Measure.Cost,
        [MetricKeys.HumanMinutesPerTask] = Measure.HumanMinutes,
        [MetricKeys.ConversionRate] = Measure.Converted,
        [MetricKeys.ConversionValuePerTask] = Measure.ConversionValue,
        [MetricKeys.ConversionValueTotal] = Measure.ConversionValue,
        [MetricKeys.ResolutionRate] = Measure.Resolved,
        [MetricKeys.FcrRate] = Measure.FirstContactResolved,
        [MetricKeys.EscalationRate] = Measure.Escalated,
        [MetricKeys.CsatMean] = Measure.Csat,
        [MetricKeys.CsatSatisfiedRate] = Measure.CsatSatisfied,
        [MetricKeys.Nps] = Measure.NpsScore,
        [MetricKeys.ExceptionRate] = Measure.Exception,
        [MetricKeys.TasksCompleted] = Measure.Resolved,
    };

    /// <summary>The measure slot a metric is read from under <paramref name="shape"/>; −1 when it has none.</summary>
    public static int SlotOf(MetricDefinition metric, RollupShape shape)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(shape);
        return MetricCatalog.Find(metric.Key) is not null
            ? BuiltInSlots.GetValueOrDefault(metric.Key, -1)
            : shape.SlotOf(metric.Key);
    }

    /// <summary>The per-event sufficient statistics behind a metric (for tests of differences between periods or groups).</summary>
    public static Moments MomentsOf(MetricDefinition metric, MetricCell cell, RollupShape shape)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var slot = SlotOf(metric, shape);
        return slot < 0 || slot >= cell.Slots.Length ? default : cell.Slots[slot];
    }

    /// <summary>The metric's figure over the events of <paramref name="cell"/>.</summary>
    public static MetricReading Read(MetricDefinition metric, MetricCell cell, RollupShape shape)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(cell);
        var slot = SlotOf(metric, shape);
        if (slot < 0 || slot >= cell.Slots.Length)
        {
            return MetricReading.Empty;
        }
        var moments = cell.Slots[slot];
        if (moments.N == 0)
        {
            return MetricReading.Empty;
        }
        var builtIn = MetricCatalog.Find(metric.Key) is not null;
        return metric.Aggregation switch
        {
            Aggregation.Mean => Mean(moments, 1),
            Aggregation.NetPromoter => Mean(moments, 100),
            Aggregation.Rate => Wilson(moments),
            Aggregation.Sum => new(moments.Sum, moments.N, null, null, null),
            // Tasks completed counts the resolved events (the 1s); a custom count counts the events carrying the measure.
            Aggregation.Count => new(builtIn ? moments.Sum : moments.N, moments.N, null, null, null),
            Aggregation.P50 => Quantile(SketchOf(cell, slot), 0.5),
            Aggregation.P90 => Quantile(SketchOf(cell, slot), 0.9),
            _ => MetricReading.Empty,
        };
    }

    private static QuantileSketch? SketchOf(MetricCell cell, int slot) =>
        slot == Measure.ResolutionSeconds ? cell.ResolutionSketch : cell.MeasureSketches?.GetValueOrDefault(slot);

    private static MetricReading Mean(Moments moments, double scale)
    {
        var mean = moments.Mean * scale;
        var error = moments.StandardError * scale;
        return moments.N < 2
            ? new(mean, moments.N, null, null, null)
            : new(mean, moments.N, mean - Z * error, mean + Z * error, error);
    }

    /// <summary>
    /// The Wilson score interval: unlike mean ± 1.96·SE it stays inside [0, 1] and does not collapse to a point
    /// when a small sample has all yes or all no.
    /// </summary>
    private static MetricReading Wilson(Moments moments)
    {
        double n = moments.N;
        var p = moments.Sum / n;
        var z2 = Z * Z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = Z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new(p, moments.N, Math.Max(0, centre - half), Math.Min(1, centre + half), Math.Sqrt(p * (1 - p) / n));
    }

    /// <summary>
    /// A quantile with the distribution-free interval of order statistics: the ranks n·q ± z·√(n·q·(1−q)) read
    /// from the same sketch.
    /// </summary>
    private static MetricReading Quantile(QuantileSketch? sketch, double q)
    {
        if (sketch is null || sketch.Count == 0)
        {
            return MetricReading.Empty;
        }
        var n = sketch.Count;
        var spread = Z * Math.Sqrt(n * q * (1 - q));
        var low = (long)Math.Floor(n * q - spread) - 1;
        var high = (long)Math.Ceiling(n * q + spread) - 1;
        return new(sketch.Quantile(q), n, sketch.ValueAtRank(low), sketch.ValueAtRank(high), null);
    }
}
