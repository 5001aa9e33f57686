namespace AiRoi.Statistics;

/// <summary>
/// Sufficient statistics of one variant for one metric. Only sums travel, never raw events,
/// so the cost of an analysis does not grow with traffic.
/// </summary>
/// <param name="N">Units (subjects) exposed to the variant.</param>
public abstract record SampleStatistic(long N)
{
    /// <summary>
    /// Most units one arm may have: 2⁵⁰ (about 10¹⁵, far beyond any experiment's traffic). Counts stay exact as
    /// doubles and two arms' sum stays far from overflowing, so no test can overflow on a count it accepted.
    /// </summary>
    public const long MaxUnits = 1L << 50;

    /// <summary>Which kind of metric these sums describe.</summary>
    public abstract MetricKind Kind { get; }

    /// <summary>Validates the sums and reduces them to a per-unit mean and variance.</summary>
    /// <param name="field">Path of this statistic in the request, used to name a failing input.</param>
    internal abstract ArmMoments Moments(string field);
}
