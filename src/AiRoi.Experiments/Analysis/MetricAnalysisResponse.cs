namespace AiRoi.Experiments.Analysis;

/// <summary>The analysis of one metric: every treatment against control, and whether the traffic split can be trusted.</summary>
/// <param name="Results">One entry per treatment, in request order (the control has none).</param>
/// <param name="Srm">The sample-ratio-mismatch check; when it flags a mismatch, distrust every lift.</param>
public sealed record MetricAnalysisResponse(IReadOnlyList<TreatmentLift> Results, SampleRatioVerdict Srm);
