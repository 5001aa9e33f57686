namespace AiRoi.Web.Backends;

/// <summary>
/// <c>GET /api/v1/experiments/{id}/results</c> as the experiments API writes it (its own answer type, so the web
/// reads it into records of the same shape).
/// </summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="Status">draft, running, stopped or concluded.</param>
/// <param name="Method">sequential, frequentist or bayesian.</param>
/// <param name="Exposures">Subjects first exposed, per variant.</param>
/// <param name="SampleRatio">The χ² check of the split against the weights; null before any exposure.</param>
/// <param name="Metrics">Primary, secondary and guardrail metrics, in that order.</param>
/// <param name="DaysLeft">Days until the planned sample at the current traffic; null without a plan.</param>
/// <param name="ReadyForDecision">The reasons the experiment may be decided now; empty when none.</param>
/// <param name="MultipleTesting">The correction of the primary and secondary p-values: holm or benjamini-hochberg.</param>
public sealed record ExperimentResultsReport(
    string ExperimentId, string Status, string Method, IReadOnlyList<VariantExposure> Exposures, SampleRatio? SampleRatio,
    IReadOnlyList<MetricOutcome> Metrics, double? DaysLeft, IReadOnlyList<string> ReadyForDecision, string MultipleTesting = "holm");

/// <summary>Subjects of one variant.</summary>
/// <param name="Variant">Variant name.</param>
/// <param name="Subjects">Subjects first exposed to it.</param>
public sealed record VariantExposure(string Variant, long Subjects);

/// <summary>The sample-ratio check; a mismatch means assignment or logging is broken and the lift cannot be trusted.</summary>
/// <param name="ChiSquare">χ² statistic.</param>
/// <param name="DegreesOfFreedom">Variants minus one.</param>
/// <param name="PValue">Its p-value.</param>
/// <param name="IsMismatch">Whether p is below 0.001.</param>
public sealed record SampleRatio(double ChiSquare, int DegreesOfFreedom, double PValue, bool IsMismatch);

/// <summary>One metric's outcome.</summary>
/// <param name="MetricKey">Metric key.</param>
/// <param name="Role">primary, secondary or guardrail.</param>
/// <param name="Variants">Each variant's mean.</param>
/// <param name="Treatments">Each treatment's lift over control; empty until there is data enough.</param>
public sealed record MetricOutcome(string MetricKey, string Role, IReadOnlyList<VariantFigure> Variants, IReadOnlyList<TreatmentOutcome> Treatments);

/// <summary>A variant's figure on one metric.</summary>
/// <param name="Variant">Variant name.</param>
/// <param name="N">Units.</param>
/// <param name="Mean">Mean or rate; null without units.</param>
public sealed record VariantFigure(string Variant, long N, double? Mean);

/// <summary>A treatment's relative lift over control.</summary>
/// <param name="Variant">The treatment.</param>
/// <param name="Lift">The lift, its interval and, by method, p-value or chance to win.</param>
/// <param name="AdjustedPValue">Holm-adjusted across primary and secondary metrics.</param>
/// <param name="Guardrail">For guardrails: the verdict (<c>degraded</c>, …).</param>
public sealed record TreatmentOutcome(string Variant, Lift Lift, double? AdjustedPValue, string? Guardrail);

/// <summary>A relative lift: (treatment − control) / |control|.</summary>
/// <param name="Estimate">The lift.</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="CiLower">Lower end of its interval (always-valid for sequential).</param>
/// <param name="CiUpper">Upper end.</param>
/// <param name="PValue">Fixed-horizon or sequential p-value.</param>
/// <param name="ChanceToWin">Bayesian chance to beat control.</param>
/// <param name="RiskControl">Expected loss of keeping control.</param>
/// <param name="RiskTreatment">Expected loss of shipping the treatment.</param>
public sealed record Lift(
    double Estimate, double StandardError, double CiLower, double CiUpper, double? PValue, double? ChanceToWin, double? RiskControl, double? RiskTreatment);
