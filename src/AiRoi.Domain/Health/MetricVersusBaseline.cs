using AiRoi.Domain.Baselines;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Rollups;
using MathNet.Numerics.Distributions;

namespace AiRoi.Domain.Health;

/// <summary>A metric's recent figure next to its baseline, and whether it is better or significantly worse.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Current">Its figure over the recent window.</param>
/// <param name="Baseline">Its current baseline version; null when it has none.</param>
public sealed record MetricVersusBaseline(MetricDefinition Metric, MetricReading Current, BaselineVersion? Baseline)
{
    /// <summary>Significance level of "significantly worse": one-sided, 5 %.</summary>
    public const double Alpha = 0.05;

    /// <summary>Current minus baseline; null when either is missing.</summary>
    public double? Change => Current.Value is { } value && Baseline is not null ? value - Baseline.Value : null;

    /// <summary>Whether the current figure is on the good side of the baseline.</summary>
    public bool IsBetter => Change is { } change && (Metric.GoodDirection == GoodDirection.Higher ? change > 0 : change < 0);

    /// <summary>
    /// One-sided p-value that the metric got worse than the baseline (normal test on the difference, the
    /// baseline's own standard error included when it was measured); null without the figures or an error.
    /// </summary>
    public double? WorsePValue
    {
        get
        {
            if (Change is not { } change || Current.StandardError is not { } error)
            {
                return null;
            }
            var combined = Math.Sqrt(error * error + Math.Pow(Baseline?.StandardError ?? 0, 2));
            if (combined == 0)
            {
                return IsBetter || change == 0 ? 1 : 0;
            }
            var worse = Metric.GoodDirection == GoodDirection.Higher ? -change : change;
            return 1 - Normal.CDF(0, 1, worse / combined);
        }
    }

    /// <summary>Whether it got significantly worse at <see cref="Alpha"/>.</summary>
    public bool IsSignificantlyWorse => WorsePValue is < Alpha;
}
