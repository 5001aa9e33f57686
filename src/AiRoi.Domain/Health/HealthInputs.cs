using AiRoi.Domain.Annotations;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Health;

/// <summary>Everything the health checks look at, gathered from a use case's roll-up, baselines and annotations.</summary>
/// <param name="UseCase">The definition.</param>
/// <param name="Today">The day the checks run (UTC).</param>
public sealed record HealthInputs(UseCase UseCase, DateOnly Today)
{
    /// <summary>When the latest event completed; null when there are none.</summary>
    public DateTimeOffset? LastEventAt { get; init; }

    /// <summary>The key metrics that have a baseline.</summary>
    public IReadOnlySet<string> MetricsWithBaseline { get; init; } = new HashSet<string>();

    /// <summary>The key metrics that at least one event up to today carries (a silence is measuring once, not a vanity trap).</summary>
    public IReadOnlySet<string> MetricsWithData { get; init; } = new HashSet<string>();

    /// <summary>The use case's annotations.</summary>
    public IReadOnlyList<Annotation> Annotations { get; init; } = [];

    /// <summary>Significant level shifts found in the key metrics.</summary>
    public IReadOnlyList<MetricShift> Shifts { get; init; } = [];

    /// <summary>Key metrics whose placebo test fired: their series moved at dates the AI did not go live.</summary>
    public IReadOnlyList<MetricPlacebo> Placebos { get; init; } = [];

    /// <summary>The primary metric against its baseline.</summary>
    public MetricVersusBaseline? Primary { get; init; }

    /// <summary>Each guardrail metric against its baseline.</summary>
    public IReadOnlyList<MetricVersusBaseline> Guardrails { get; init; } = [];

    /// <summary>Tokens of traced model calls that found no price, per model.</summary>
    public IReadOnlyDictionary<string, long> UnpricedTokensByModel { get; init; } = new Dictionary<string, long>();
}
