namespace AiRoi.Statistics;

/// <summary>
/// An informative normal prior on the <em>relative</em> lift, e.g. mean 0 and variance 0.3² says "lifts beyond
/// ±60% are rare". It shrinks small, noisy experiments toward the prior mean. For an absolute difference the
/// prior is rescaled by the observed control mean (mean × |control|, variance × control²), as in GrowthBook.
/// Without a prior the analysis uses a flat prior and the posterior is the normal likelihood itself.
/// </summary>
/// <param name="Mean">Prior mean of the relative lift.</param>
/// <param name="Variance">Prior variance of the relative lift (&gt; 0).</param>
public sealed record EffectPrior(double Mean, double Variance);
