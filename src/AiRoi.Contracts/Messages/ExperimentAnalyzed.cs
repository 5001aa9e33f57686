namespace AiRoi.Contracts.Messages;

/// <summary>
/// The periodic analysis of one running or stopped experiment: published every analysis period, so a subscriber
/// (a notifier, a dashboard) learns when an experiment becomes ready for a decision without polling its results.
/// </summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="UseCaseId">Its use case.</param>
/// <param name="AnalyzedAt">When the analysis ran.</param>
/// <param name="Status">The experiment's status then: <c>running</c> or <c>stopped</c>.</param>
/// <param name="Exposures">Subjects first exposed, all variants.</param>
/// <param name="SampleRatioMismatch">Whether the exposures fail the sample-ratio check (p below 0.001).</param>
/// <param name="PrimaryMetric">The metric that decides.</param>
/// <param name="PrimaryLifts">Each treatment's relative lift on it; empty until every variant has data.</param>
/// <param name="ReadyForDecision">Why the experiment is ready for a decision; empty when it is not.</param>
/// <param name="DegradedGuardrails">The guardrail metrics a treatment worsens beyond the tolerance; empty when none (or from a sender that predates it).</param>
/// <param name="Name">The experiment's name, for people reading a notice; null from a sender that predates it.</param>
public sealed record ExperimentAnalyzed(
    string ExperimentId,
    string UseCaseId,
    DateTimeOffset AnalyzedAt,
    string Status,
    long Exposures,
    bool SampleRatioMismatch,
    string PrimaryMetric,
    IReadOnlyList<AnalyzedLift> PrimaryLifts,
    IReadOnlyList<string> ReadyForDecision,
    IReadOnlyList<string>? DegradedGuardrails = null,
    string? Name = null);

/// <summary>One treatment's relative lift over control.</summary>
/// <param name="Variant">The treatment.</param>
/// <param name="Estimate">The relative lift (0.05 = 5 %).</param>
/// <param name="Low">Lower end of its interval.</param>
/// <param name="High">Upper end of its interval.</param>
/// <param name="PValue">Its p-value after the experiment's correction; null for Bayesian results.</param>
public sealed record AnalyzedLift(string Variant, double Estimate, double Low, double High, double? PValue);
