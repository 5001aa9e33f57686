namespace AiRoi.Domain.Roi;

/// <summary>
/// A concluded experiment's lift in conversion rate, which ROI prefers to a before/after comparison because the
/// experiment controlled for everything else that changed.
/// </summary>
/// <param name="ExperimentId">The experiment that measured it.</param>
/// <param name="AbsoluteLift">Treatment conversion rate minus control, as a fraction (0.012 = 1.2 points).</param>
/// <param name="Low">Lower end of the lift's 95 % interval.</param>
/// <param name="High">Upper end of the lift's 95 % interval.</param>
public sealed record ConversionLiftEvidence(string ExperimentId, double AbsoluteLift, double Low, double High);
