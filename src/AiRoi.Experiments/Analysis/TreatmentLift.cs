namespace AiRoi.Experiments.Analysis;

/// <summary>
/// One treatment compared with control, on the scale of the requested <c>difference</c>. Frequentist and
/// sequential results carry <c>pValue</c>; Bayesian results carry <c>chanceToWin</c>, <c>risk</c> and
/// <c>riskControl</c>. A field the method does not produce is null.
/// </summary>
/// <param name="Variant">The treatment's name, as sent.</param>
/// <param name="Estimate">Point estimate of the effect (Bayesian: posterior mean).</param>
/// <param name="StandardError">Standard error of the estimate (Bayesian: posterior standard deviation).</param>
/// <param name="CiLower">Lower bound of the 1 − alpha confidence interval (sequential: always valid; Bayesian: credible).</param>
/// <param name="CiUpper">Upper bound of the 1 − alpha interval.</param>
/// <param name="PValue">Frequentist and sequential: two-sided p-value against no effect (sequential: always valid).</param>
/// <param name="ChanceToWin">Bayesian: posterior probability that the treatment beats control.</param>
/// <param name="Risk">
/// Bayesian: expected loss of shipping this treatment, i.e. the effect given up if control is in fact better, in
/// the units of <c>estimate</c>.
/// </param>
/// <param name="RiskControl">
/// Bayesian: expected loss of keeping control instead, i.e. the effect forgone if this treatment is in fact better.
/// </param>
public sealed record TreatmentLift(
    string Variant,
    double Estimate,
    double StandardError,
    double CiLower,
    double CiUpper,
    double? PValue,
    double? ChanceToWin,
    double? Risk,
    double? RiskControl);
