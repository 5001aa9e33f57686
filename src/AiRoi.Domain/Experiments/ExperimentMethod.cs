namespace AiRoi.Domain.Experiments;

/// <summary>How results are judged. Wire names: <c>frequentist</c>, <c>sequential</c>, <c>bayesian</c>.</summary>
public enum ExperimentMethod
{
    /// <summary>Fixed horizon: read the p-value once the planned sample is reached.</summary>
    Frequentist = 1,

    /// <summary>Always-valid intervals: results may be watched continuously and acted on when the interval excludes zero.</summary>
    Sequential = 2,

    /// <summary>Chance to beat control and expected loss.</summary>
    Bayesian = 3,
}
