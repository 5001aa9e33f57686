using AiRoi.Statistics;

namespace AiRoi.Experiments.Analysis;

/// <summary>
/// Every problem type of the analysis API. The URIs are part of the contract: clients switch on them, so a
/// type is never renamed, only added. Each answer also names the failing input in <c>field</c>.
/// </summary>
public static class AnalysisProblems
{
    /// <summary>Prefix of every analysis problem type.</summary>
    public const string TypePrefix = "https://airoi.dev/problems/analysis/";

    /// <summary>The body is not JSON at all (syntax error, empty body).</summary>
    public static readonly AnalysisProblemType MalformedJson = New("malformed-json", "The request body is not valid JSON.");

    /// <summary>A value has the wrong JSON type, e.g. a string where a number belongs, or a fraction for a count.</summary>
    public static readonly AnalysisProblemType InvalidValue = New("invalid-value", "A value has the wrong JSON type.");

    /// <summary>A string is not one of the allowed values, e.g. <c>"method": "magic"</c>.</summary>
    public static readonly AnalysisProblemType UnknownValue = New("unknown-value", "A value is not one of the allowed values.");

    /// <summary>The body has a field the API does not know (often a typo, e.g. <c>conversion</c>).</summary>
    public static readonly AnalysisProblemType UnknownField = New("unknown-field", "The request has a field the API does not know.");

    /// <summary>A required field is absent or null, e.g. a mean variant without <c>sum</c>.</summary>
    public static readonly AnalysisProblemType MissingField = New("missing-field", "A required field is missing.");

    /// <summary>
    /// A field does not apply to the chosen metric type or method, e.g. <c>conversions</c> on a mean variant or a
    /// <c>prior</c> for a frequentist analysis.
    /// </summary>
    public static readonly AnalysisProblemType NotApplicable = New("not-applicable", "A field does not apply to this metric type or method.");

    /// <summary>A list is longer than <see cref="AnalysisLimits"/> allows.</summary>
    public static readonly AnalysisProblemType TooManyItems = New("too-many-items", "A list is longer than the API accepts.");

    /// <summary>A list that needs at least one entry is empty.</summary>
    public static readonly AnalysisProblemType EmptyList = New("empty-list", "A list must not be empty.");

    /// <summary>The body is not sent as JSON.</summary>
    public static readonly AnalysisProblemType UnsupportedMediaType = New(
        "unsupported-media-type", "The request body must be sent as application/json.", StatusCodes.Status415UnsupportedMediaType);

    /// <summary>The inputs are valid but so extreme that a result would be infinite or NaN.</summary>
    public static readonly AnalysisProblemType NonFiniteResult = New("non-finite-result", "The analysis would produce a number that is not finite.");

    /// <summary>A number is NaN or infinite, or its sums overflow double precision.</summary>
    public static readonly AnalysisProblemType NotFinite = New("not-finite", "A number is not finite.");

    /// <summary>A value is outside its range: conversions above n, a negative count, alpha outside (0, 1), a p-value outside [0, 1].</summary>
    public static readonly AnalysisProblemType OutOfRange = New("out-of-range", "A value is outside its allowed range.");

    /// <summary>A variant has fewer than two units, so it has no sample variance.</summary>
    public static readonly AnalysisProblemType TooFewUnits = New("too-few-units", "A variant has fewer than two units.");

    /// <summary>Fewer than two variants: an analysis needs control and at least one treatment.</summary>
    public static readonly AnalysisProblemType TooFewVariants = New("too-few-variants", "An analysis needs control and at least one treatment.");

    /// <summary>The sums imply a negative variance or a covariance no data could produce.</summary>
    public static readonly AnalysisProblemType InconsistentSums =
        New("inconsistent-sums", "The sums are inconsistent: they imply a negative variance or an impossible covariance.");

    /// <summary>A relative difference (or a ratio) would divide by a zero control mean or denominator.</summary>
    public static readonly AnalysisProblemType ZeroBaseline = New("zero-baseline", "A relative difference or ratio would divide by zero.");

    /// <summary>Neither arm varies, so the effect has no standard error and cannot be tested.</summary>
    public static readonly AnalysisProblemType ZeroVariance = New("zero-variance", "The effect has no sampling variance.");

    /// <summary>Only some mean variants carry the CUPED pre-period sums; send them for every variant or for none.</summary>
    public static readonly AnalysisProblemType MixedInputs = New("mixed-inputs", "The variants do not all carry the same inputs.");

    /// <summary><c>expectedWeights</c> and <c>variants</c> have different lengths.</summary>
    public static readonly AnalysisProblemType LengthMismatch = New("length-mismatch", "Lists that must line up have different lengths.");

    /// <summary>An expected weight is not positive, or the weights do not sum to one.</summary>
    public static readonly AnalysisProblemType InvalidWeights = New("invalid-weights", "Expected weights must be positive and sum to one.");

    /// <summary>An input rule of the statistics engine that has no more specific type here.</summary>
    public static readonly AnalysisProblemType InvalidInput = New("invalid-input", "An input cannot be analysed.");

    /// <summary>The problem type of a statistics engine rule.</summary>
    internal static AnalysisProblemType For(InputProblem reason) => reason switch
    {
        InputProblem.NotFinite => NotFinite,
        InputProblem.OutOfRange => OutOfRange,
        InputProblem.TooFewUnits => TooFewUnits,
        InputProblem.TooFewVariants => TooFewVariants,
        InputProblem.InconsistentSums => InconsistentSums,
        InputProblem.ZeroBaseline => ZeroBaseline,
        InputProblem.ZeroVariance => ZeroVariance,
        InputProblem.MixedInputs => MixedInputs,
        InputProblem.LengthMismatch => LengthMismatch,
        InputProblem.InvalidWeights => InvalidWeights,
        InputProblem.NotApplicable => NotApplicable,

        // A new engine rule still answers 400 with its field; it gets its own type when the API learns of it.
        _ => InvalidInput,
    };

    private static AnalysisProblemType New(string slug, string title, int status = StatusCodes.Status400BadRequest) =>
        new(TypePrefix + slug, title, status);
}
