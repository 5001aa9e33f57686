using System.Globalization;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Rollups;

/// <summary>
/// What of a use case's definition shapes its roll-up: the loaded hourly cost (which prices human minutes into
/// cost to serve), the custom metrics (one slot each) and the segment dimensions. A roll-up built under one shape
/// is rebuilt from the event log when the shape changes; <see cref="Fingerprint"/> tells whether it did.
/// </summary>
public sealed record RollupShape
{
    /// <summary>The shape of a use case's roll-up.</summary>
    public static RollupShape Of(UseCase useCase)
    {
        ArgumentNullException.ThrowIfNull(useCase);
        return new RollupShape
        {
            // Stored definitions are validated, but a grain must not fail to activate over a document that lacks a part.
            LoadedHumanCostPerHour = useCase.UnitEconomics?.LoadedHumanCostPerHour ?? 0,
            CustomMetrics = (useCase.CustomMetrics ?? []).Select(metric => new CustomSlot(metric.Name, metric.Aggregation)).ToList(),
            SegmentDimensions = (useCase.SegmentDimensions ?? []).Take(UseCaseLimits.MaxSegmentDimensions).ToList(),
        };
    }

    /// <summary>Prices <c>humanMinutes</c> on events without an explicit human cost.</summary>
    public decimal LoadedHumanCostPerHour { get; init; }

    /// <summary>The custom metrics, in slot order after the built-in measures.</summary>
    public IReadOnlyList<CustomSlot> CustomMetrics { get; init; } = [];

    /// <summary>The attribute names whose values are tracked as segments.</summary>
    public IReadOnlyList<string> SegmentDimensions { get; init; } = [];

    /// <summary>Number of measure slots in every cell.</summary>
    public int SlotCount => Measure.BuiltInCount + CustomMetrics.Count;

    /// <summary>A string equal for equal shapes, stored with snapshots.</summary>
    public string Fingerprint =>
        string.Join('|',
            LoadedHumanCostPerHour.ToString(CultureInfo.InvariantCulture),
            string.Join(',', CustomMetrics.Select(metric => $"{metric.Name}:{(int)metric.Aggregation}")),
            string.Join(',', SegmentDimensions));

    /// <summary>The slot of a custom metric, or −1.</summary>
    public int SlotOf(string customMetricName)
    {
        for (var i = 0; i < CustomMetrics.Count; i++)
        {
            if (CustomMetrics[i].Name == customMetricName)
            {
                return Measure.BuiltInCount + i;
            }
        }
        return -1;
    }
}

/// <summary>A custom metric as the roll-up sees it: the measure name and how it aggregates.</summary>
/// <param name="Name">The measure name on events.</param>
/// <param name="Aggregation">Quantile aggregations get a sketch; net-promoter measures are stored as ±1/0.</param>
public sealed record CustomSlot(string Name, Aggregation Aggregation)
{
    /// <summary>Whether the metric is read from a quantile sketch.</summary>
    public bool NeedsSketch => Aggregation is Aggregation.P50 or Aggregation.P90;
}
