namespace AiRoi.Statistics;

/// <summary>Stable codes for the input rules of the statistics engine.</summary>
public enum InputProblem
{
    /// <summary>A value is NaN or infinite.</summary>
    NotFinite,
    /// <summary>A value lies outside its allowed range (negative count, alpha outside (0, 1), …).</summary>
    OutOfRange,
    /// <summary>A variant has fewer than two units, so no sample variance exists.</summary>
    TooFewUnits,
    /// <summary>Fewer than two variants (control and at least one treatment).</summary>
    TooFewVariants,
    /// <summary>Sums imply a negative variance or an impossible covariance.</summary>
    InconsistentSums,
    /// <summary>A relative difference (or ratio) would divide by a zero control mean or denominator.</summary>
    ZeroBaseline,
    /// <summary>Neither arm varies, so no standard error and no test exist.</summary>
    ZeroVariance,
    /// <summary>Variants are of different metric kinds, or only some carry a CUPED covariate.</summary>
    MixedInputs,
    /// <summary>Lists that must line up (counts and weights) have different lengths.</summary>
    LengthMismatch,
    /// <summary>Weights are not positive or do not sum to one.</summary>
    InvalidWeights,
    /// <summary>An assignment hash version this engine does not know.</summary>
    UnknownHashVersion,
    /// <summary>An option that does not apply to the chosen method (e.g. a prior for a frequentist test).</summary>
    NotApplicable,
}
