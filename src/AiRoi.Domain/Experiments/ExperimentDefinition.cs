namespace AiRoi.Domain.Experiments;

/// <summary>
/// What an experimenter defines: which use case, the hypothesis, the variants with weights (control first), the
/// metrics and how to judge them, and the plan. Every field nullable so that a missing one is reported by name.
/// </summary>
public sealed record ExperimentDefinition
{
    /// <summary>Required. The use case the experiment runs on.</summary>
    public string? UseCaseId { get; init; }

    /// <summary>Required. Display name, 1–200 characters.</summary>
    public string? Name { get; init; }

    /// <summary>What the experiment is expected to show, in a sentence.</summary>
    public string? Hypothesis { get; init; }

    /// <summary>Required. Two to ten variants, control first, weights summing to 1.</summary>
    public IReadOnlyList<ExperimentVariant>? Variants { get; init; }

    /// <summary>Required. The metric that decides (a built-in key or a custom metric of the use case).</summary>
    public string? PrimaryMetric { get; init; }

    /// <summary>Metrics read for insight, corrected for multiple testing.</summary>
    public IReadOnlyList<string>? SecondaryMetrics { get; init; }

    /// <summary>Metrics that must not get worse ("do no harm").</summary>
    public IReadOnlyList<string>? GuardrailMetrics { get; init; }

    /// <summary>How results are judged; sequential unless chosen.</summary>
    public ExperimentMethod? Method { get; init; }

    /// <summary>How the p-values of the primary and secondary metrics are corrected together; Holm unless chosen.</summary>
    public MultipleTestingCorrection? MultipleTesting { get; init; }

    /// <summary>
    /// How far a guardrail metric may move in its bad direction, relative to control, before it counts as degraded,
    /// in (0, 0.5]; <see cref="ExperimentRules.DefaultGuardrailTolerance"/> unless chosen.
    /// </summary>
    public double? GuardrailTolerance { get; init; }

    /// <summary>The assignment seed; the experiment's id unless given. Changing it reshuffles every subject.</summary>
    public string? Seed { get; init; }

    /// <summary>The namespace slice, for mutual exclusion with other experiments.</summary>
    public ExperimentNamespace? Namespace { get; init; }

    /// <summary>The smallest relative lift worth detecting (0.05 = 5 %), for the planned sample size.</summary>
    public double? MinimumDetectableEffect { get; init; }

    /// <summary>The power to detect it, in (0, 1); 0.8 unless chosen.</summary>
    public double? Power { get; init; }
}
