namespace AiRoi.Statistics;

/// <summary>
/// An informative normal prior on the <em>relative</em> lift, e.g. mean 0 and variance 0.3² says "lifts beyond
/// ±60% are rare". It shrinks small, noisy experiments toward the prior mean. For an absolute difference the
/// prior is rescaled by the observed control mean (mean × |control|, variance × control²), as in GrowthBook.
/// Without a prior the analysis uses a flat prior and the posterior is the normal likelihood itself.
/// </summary>
/// <param name="Mean">Prior mean of the relative lift.</param>
/// <param name="Variance">Prior variance of the relative lift (&gt; 0).</param>
public sealed record EffectPrior(double Mean, double Variance)
{
    /// <summary>Largest prior mean accepted in size: a lift of ±1,000 (100,000 %), beyond any real belief.</summary>
    public const double MaxAbsoluteMean = 1_000;

    /// <summary>Smallest prior variance accepted: a prior sd of 10⁻⁶ already fixes the lift to the sixth decimal.</summary>
    public const double MinVariance = 1e-12;

    /// <summary>Largest prior variance accepted: a prior sd of 10⁶ is flat in effect; beyond, only overflow lies.</summary>
    public const double MaxVariance = 1e12;

    /// <summary>Refuses a prior whose arithmetic could overflow or underflow (subnormal or huge values).</summary>
    internal void Validate()
    {
        Require.Finite(Mean, "prior.mean");
        Require.Finite(Variance, "prior.variance");
        if (Math.Abs(Mean) > MaxAbsoluteMean)
        {
            throw new StatisticsInputException("prior.mean", InputProblem.OutOfRange, $"prior.mean must lie between −{MaxAbsoluteMean} and {MaxAbsoluteMean}, got {Mean}.");
        }
        if (Variance < MinVariance || Variance > MaxVariance)
        {
            throw new StatisticsInputException("prior.variance", InputProblem.OutOfRange, $"prior.variance must lie between {MinVariance} and {MaxVariance}, got {Variance}.");
        }
    }
}
