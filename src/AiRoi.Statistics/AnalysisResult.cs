namespace AiRoi.Statistics;

/// <summary>The analysis of one metric: every treatment against control, and whether the traffic split is trustworthy.</summary>
/// <param name="Treatments">One result per treatment, in request order.</param>
/// <param name="SampleRatio">Sample-ratio-mismatch check of the units per variant; when flagged, distrust the lifts.</param>
public sealed record AnalysisResult(IReadOnlyList<TreatmentResult> Treatments, SampleRatioCheck SampleRatio);
