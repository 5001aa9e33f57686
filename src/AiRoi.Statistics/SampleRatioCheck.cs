namespace AiRoi.Statistics;

/// <summary>The outcome of a sample-ratio-mismatch check.</summary>
/// <param name="ChiSquare">Pearson χ² statistic of the observed units against the configured weights.</param>
/// <param name="DegreesOfFreedom">Variants − 1.</param>
/// <param name="PValue">Probability of a split at least this uneven if assignment works as configured.</param>
/// <param name="IsMismatch">True when <see cref="PValue"/> is below <see cref="SampleRatioMismatch.Threshold"/>.</param>
public sealed record SampleRatioCheck(double ChiSquare, int DegreesOfFreedom, double PValue, bool IsMismatch);
