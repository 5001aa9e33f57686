namespace AiRoi.Experiments.Analysis;

/// <summary>How p-values tested together are adjusted.</summary>
public enum PValueAdjustmentMethod
{
    /// <summary><c>holm</c>: Holm–Bonferroni, controls the chance of any false positive (family-wise error rate).</summary>
    Holm,

    /// <summary><c>benjamini-hochberg</c>: controls the expected share of false positives among discoveries (false discovery rate).</summary>
    BenjaminiHochberg,
}
