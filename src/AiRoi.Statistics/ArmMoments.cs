namespace AiRoi.Statistics;

/// <summary>Per-unit mean and variance of one arm, after validation.</summary>
internal readonly record struct ArmMoments(long N, double Mean, double Variance);
