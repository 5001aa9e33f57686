namespace AiRoi.Domain.Baselines;

/// <summary>
/// One version of a metric's baseline: the value without the AI, how it was obtained, and who set it when.
/// Versions are never changed; a new value is a new version, and every report names the version it used.
/// </summary>
/// <param name="MetricKey">The metric the baseline is for.</param>
/// <param name="Version">1 for the first baseline of the metric, one more for each new value.</param>
/// <param name="Method">Measured before go-live, measured from concurrent human work, or entered by hand.</param>
/// <param name="Value">The baseline, in the metric's unit.</param>
/// <param name="CreatedBy">The API key (or user) that set it.</param>
/// <param name="CreatedAt">When it was set.</param>
public sealed record BaselineVersion(
    string MetricKey,
    int Version,
    BaselineMethod Method,
    double Value,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    /// <summary>Standard error of a measured value; null for a value entered by hand (taken as exact).</summary>
    public double? StandardError { get; init; }

    /// <summary>Lower end of the 95 % interval of a measured value.</summary>
    public double? Low { get; init; }

    /// <summary>Upper end of the 95 % interval of a measured value.</summary>
    public double? High { get; init; }

    /// <summary>Events a measured value rests on.</summary>
    public long? SampleSize { get; init; }

    /// <summary>First day of the measured period.</summary>
    public DateOnly? PeriodStart { get; init; }

    /// <summary>First day after the measured period.</summary>
    public DateOnly? PeriodEnd { get; init; }

    /// <summary>Where a value entered by hand comes from; required for <see cref="BaselineMethod.Manual"/>.</summary>
    public string? Source { get; init; }

    /// <summary>Why the value was set or changed.</summary>
    public string? Note { get; init; }
}
