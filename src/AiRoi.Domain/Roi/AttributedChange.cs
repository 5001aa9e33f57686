using AiRoi.Statistics.Attribution;

namespace AiRoi.Domain.Roi;

/// <summary>How much of one ROI metric's change per task in a period is the AI's, and by which method.</summary>
/// <param name="MetricKey">Cost per task, mean resolution time or conversion rate.</param>
/// <param name="Method">Experiment, difference-in-differences, interrupted time series, or plain before/after.</param>
/// <param name="PerTask">The AI's change per task in the metric's unit (observed minus counterfactual, or the experiment's lift); null when none can be stated.</param>
/// <param name="Explanation">Why this method, in a sentence (for before/after: why nothing better was possible).</param>
public sealed record AttributedChange(string MetricKey, AttributionMethod Method, Estimate? PerTask, string Explanation);
