namespace AiRoi.Domain.Baselines;

/// <summary>
/// A new baseline for a metric: measured from the events (before go-live, or concurrent human work) or entered
/// by hand with its source. Every field is nullable so that a missing one is reported by <see cref="BaselineRules"/>.
/// </summary>
public sealed record BaselineRequest
{
    /// <summary>Required. The metric: a built-in key or one of the use case's custom metrics.</summary>
    public string? MetricKey { get; init; }

    /// <summary>Required. <c>before-go-live</c>, <c>concurrent-human</c> or <c>manual</c>.</summary>
    public BaselineMethod? Method { get; init; }

    /// <summary>The value, in the metric's unit; required for <c>manual</c>, refused for measured baselines.</summary>
    public double? Value { get; init; }

    /// <summary>Where a manual value comes from; required for <c>manual</c>.</summary>
    public string? Source { get; init; }

    /// <summary>First day of the measured period; by default six months before go-live, or 90 days back for concurrent.</summary>
    public DateOnly? PeriodStart { get; init; }

    /// <summary>First day after the measured period; by default go-live, or tomorrow for concurrent.</summary>
    public DateOnly? PeriodEnd { get; init; }

    /// <summary>Why the baseline is set or changed.</summary>
    public string? Note { get; init; }
}
