namespace AiRoi.Statistics;

/// <summary>
/// The inferred effect of one treatment against control, on the scale of the requested <see cref="Difference"/>.
/// Frequentist and sequential results carry a p-value; Bayesian results carry the chance to win and the risks.
/// </summary>
/// <param name="Estimate">Point estimate (Bayesian: posterior mean).</param>
/// <param name="StandardError">Standard error (Bayesian: posterior standard deviation).</param>
/// <param name="CiLower">Lower bound of the 1 − α confidence (or credible) interval.</param>
/// <param name="CiUpper">Upper bound of the 1 − α confidence (or credible) interval.</param>
/// <param name="PValue">Two-sided p-value against no effect; always-valid for sequential results.</param>
/// <param name="ChanceToWin">Posterior probability that the treatment beats control in the metric's good direction.</param>
/// <param name="RiskControl">Expected loss of keeping control: the effect forgone if the treatment is in fact better.</param>
/// <param name="RiskTreatment">Expected loss of shipping the treatment: the harm done if control is in fact better.</param>
public sealed record LiftEstimate(
    double Estimate,
    double StandardError,
    double CiLower,
    double CiUpper,
    double? PValue = null,
    double? ChanceToWin = null,
    double? RiskControl = null,
    double? RiskTreatment = null);
