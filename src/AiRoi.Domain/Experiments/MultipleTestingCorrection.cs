namespace AiRoi.Domain.Experiments;

/// <summary>
/// How the p-values of an experiment's primary and secondary metrics are corrected together. Wire names:
/// <c>holm</c>, <c>benjamini-hochberg</c>.
/// </summary>
public enum MultipleTestingCorrection
{
    /// <summary>Holm–Bonferroni: bounds the chance of any false positive among the metrics (family-wise error).</summary>
    Holm = 1,

    /// <summary>Benjamini–Hochberg: bounds the expected share of false positives among the significant metrics (false discovery rate).</summary>
    BenjaminiHochberg = 2,
}
