namespace AiRoi.Experiments.Analysis;

/// <summary>Size limits of the analysis API; a request beyond one is answered with a <c>too-many-items</c> problem.</summary>
public static class AnalysisLimits
{
    /// <summary>
    /// Most variants (control included) in one analysis, and so most expected weights. Experiments rarely run more
    /// than a handful of arms; 20 leaves ample room, and a longer list is far more likely a client sending the wrong
    /// list (one entry per user or per day) than a real experiment.
    /// </summary>
    public const int MaxVariants = 20;

    /// <summary>
    /// Most p-values adjusted in one call. Every metric × variant × segment of a large programme is still in the
    /// hundreds or low thousands; 10,000 keeps the body near 200 kB and the rank sort trivial.
    /// </summary>
    public const int MaxPValues = 10_000;

    /// <summary>Most units in one variant: the engine's bound (2⁵⁰, about 10¹⁵), no limit on real traffic.</summary>
    public const long MaxUnitsPerVariant = AiRoi.Statistics.SampleStatistic.MaxUnits;
}
