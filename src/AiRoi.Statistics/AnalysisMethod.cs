namespace AiRoi.Statistics;

/// <summary>The inference used to turn an effect and its variance into an interval and a decision aid.</summary>
public enum AnalysisMethod
{
    /// <summary>Fixed-horizon Welch t-test: valid when read once, at the planned sample.</summary>
    Frequentist,
    /// <summary>Always-valid Gaussian-mixture intervals: may be watched continuously.</summary>
    Sequential,
    /// <summary>Normal posterior on the effect: chance to beat control and expected loss.</summary>
    Bayesian,
}
