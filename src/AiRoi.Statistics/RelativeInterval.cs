namespace AiRoi.Statistics;

/// <summary>How the fixed-horizon test builds the interval and p-value of a relative lift.</summary>
public enum RelativeInterval
{
    /// <summary>
    /// On the log of the ratio of the means, mapped back: as skewed as the ratio itself, so an A/A test errs equally
    /// often on both sides at any count (the delta method's symmetric interval errs below zero about twice as often
    /// as above at a few hundred conversions an arm). The product's default; needs both means positive, and falls
    /// back to <see cref="DeltaMethod"/> otherwise.
    /// </summary>
    LogRatio,

    /// <summary>The delta method's symmetric interval around the lift, as GrowthBook's gbstats computes it; for reproducing its answers.</summary>
    DeltaMethod,
}
