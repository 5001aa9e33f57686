namespace AiRoi.Domain.Rollups;

/// <summary>
/// The bounds that keep one use case's roll-up to a known size in memory; docs/metrics.md states the resulting
/// bound per use case and docs/benchmarks.md the measured size.
/// </summary>
public static class RollupLimits
{
    /// <summary>
    /// Days kept at day granularity, counted back from the latest event's day: two years, so that this year can be
    /// compared with last year day by day. Older days are folded into their month and are read by month only.
    /// </summary>
    public const int RetainedDays = 731;

    /// <summary>
    /// Distinct values tracked per dimension, in the order they first appear in the log. Later new values are
    /// counted under <see cref="OtherValue"/>: segments are for a handful of strata, not for free text.
    /// </summary>
    public const int MaxValuesPerDimension = 10;

    /// <summary>Distinct escalation reasons and, separately, exception types tracked; later new ones count as <see cref="OtherValue"/>.</summary>
    public const int MaxLabels = 20;

    /// <summary>Where values past a bound are counted.</summary>
    public const string OtherValue = "(other)";

    /// <summary>The segment of events that do not carry the dimension's attribute.</summary>
    public const string NoValue = "(none)";
}
