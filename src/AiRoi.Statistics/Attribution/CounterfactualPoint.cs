namespace AiRoi.Statistics.Attribution;

/// <summary>
/// One period of the counterfactual: what the metric would have been without the AI, by the fitted model, next to
/// what it was. Before go-live it is the model's fit of the history.
/// </summary>
/// <param name="Period">The period's number (go-live is 0).</param>
/// <param name="Observed">The metric's mean in the period.</param>
/// <param name="Expected">The metric without the AI, by the model.</param>
/// <param name="Low">Lower end of the 95 % band of <paramref name="Expected"/>.</param>
/// <param name="High">Upper end of the 95 % band of <paramref name="Expected"/>.</param>
public sealed record CounterfactualPoint(int Period, double Observed, double Expected, double Low, double High);
