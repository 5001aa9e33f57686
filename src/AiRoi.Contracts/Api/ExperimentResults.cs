using AiRoi.Statistics;

namespace AiRoi.Contracts.Api;

/// <summary>
/// <c>GET /api/v1/experiments/{id}/results</c>: an experiment's results as of now, from the per-variant sufficient
/// statistics. The experiment service writes it; the web reads it.
/// </summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="Status">Its status.</param>
/// <param name="Method">How the lifts are judged.</param>
/// <param name="MultipleTesting">The correction applied across the primary and secondary metrics: <c>holm</c> or <c>benjamini-hochberg</c>.</param>
/// <param name="GuardrailTolerance">How far a guardrail may move in its bad direction, relative to control, before it counts as degraded.</param>
/// <param name="Exposures">Subjects first exposed, per variant (control first).</param>
/// <param name="SampleRatio">The sample-ratio check on the exposures against the weights (flagged below p = 0.001).</param>
/// <param name="Metrics">The primary, secondary and guardrail metrics, in that order.</param>
/// <param name="DaysLeft">Days until every variant reaches the sample the planned minimum detectable effect and power need, at the traffic so far; null without a plan or data.</param>
/// <param name="ReadyForDecision">Why the experiment is ready for a decision (empty when it is not): the sequential interval of the primary metric excludes zero, a guardrail is degraded, the planned sample is reached.</param>
public sealed record ExperimentResults(
    string ExperimentId, string Status, string Method, string MultipleTesting, double GuardrailTolerance, IReadOnlyList<VariantExposure> Exposures, SampleRatioCheck? SampleRatio,
    IReadOnlyList<MetricResult> Metrics, double? DaysLeft, IReadOnlyList<string> ReadyForDecision);

/// <summary>Exposures of one variant.</summary>
/// <param name="Variant">The variant.</param>
/// <param name="Subjects">Subjects first exposed to it.</param>
public sealed record VariantExposure(string Variant, long Subjects);

/// <summary>One metric's results.</summary>
/// <param name="MetricKey">The metric.</param>
/// <param name="Role"><c>primary</c>, <c>secondary</c> or <c>guardrail</c>.</param>
/// <param name="Variants">Per variant: events and the mean (a rate for yes/no metrics).</param>
/// <param name="Treatments">Per treatment: the relative lift over control with its interval and p-value (or chance to win), and the p-value adjusted across the primary and secondary metrics; empty until every variant has two events.</param>
public sealed record MetricResult(string MetricKey, string Role, IReadOnlyList<VariantFigure> Variants, IReadOnlyList<TreatmentLift> Treatments);

/// <summary>One variant's figure on a metric.</summary>
/// <param name="Variant">The variant.</param>
/// <param name="N">Events carrying the metric.</param>
/// <param name="Mean">Their mean; null without events.</param>
public sealed record VariantFigure(string Variant, long N, double? Mean);

/// <summary>One treatment against control.</summary>
/// <param name="Variant">The treatment.</param>
/// <param name="Lift">The relative lift and its interval, p-value or chance to win.</param>
/// <param name="AdjustedPValue">The p-value after the experiment's correction (Holm or Benjamini–Hochberg) across the primary and secondary metrics; null for guardrails and Bayesian results.</param>
/// <param name="Guardrail">For a guardrail metric: <c>non-inferior</c>, <c>inconclusive</c> or <c>degraded</c> against the experiment's tolerated relative degradation.</param>
public sealed record TreatmentLift(string Variant, LiftEstimate Lift, double? AdjustedPValue, string? Guardrail = null);
