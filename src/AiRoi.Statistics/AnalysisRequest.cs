namespace AiRoi.Statistics;

/// <summary>Everything needed to analyse one metric of one experiment.</summary>
/// <param name="Variants">
/// Sufficient statistics per variant, control first. All of one kind (proportion, mean or ratio); mean metrics
/// carry a CUPED covariate on every variant or on none.
/// </param>
/// <param name="Method">Frequentist (fixed horizon), sequential (always valid) or Bayesian.</param>
/// <param name="Difference">Relative or absolute effect.</param>
/// <param name="Alpha">Significance level (1 − interval coverage), in (0, 1).</param>
/// <param name="SequentialTuning">Mixture tuning N* for sequential intervals, in total units (&gt; 0).</param>
/// <param name="ExpectedWeights">Configured traffic share per variant for the sample-ratio check; equal shares when null.</param>
/// <param name="Prior">Optional normal prior on the relative lift; Bayesian method only.</param>
/// <param name="Direction">Which direction of the metric is good; orients the Bayesian chance to win and risks.</param>
/// <param name="RelativeInterval">How the fixed-horizon test builds a relative lift's interval: on the log of the ratio (default) or by the delta method, as GrowthBook does.</param>
public sealed record AnalysisRequest(
    IReadOnlyList<SampleStatistic> Variants,
    AnalysisMethod Method = AnalysisMethod.Frequentist,
    Difference Difference = Difference.Relative,
    double Alpha = 0.05,
    double SequentialTuning = SequentialTest.DefaultTuning,
    IReadOnlyList<double>? ExpectedWeights = null,
    EffectPrior? Prior = null,
    MetricDirection Direction = MetricDirection.HigherIsBetter,
    RelativeInterval RelativeInterval = RelativeInterval.LogRatio)
{
    /// <summary>
    /// The smallest significance level accepted. Below it MathNet's Student-t quantile saturates (its inverse CDF
    /// returns a capped value near 1), so intervals would come out finite but too narrow.
    /// </summary>
    public const double MinimumAlpha = 1e-6;

    /// <summary>The largest significance level accepted: a two-sided interval covering less than half is no interval.</summary>
    public const double MaximumAlpha = 0.5;
}
