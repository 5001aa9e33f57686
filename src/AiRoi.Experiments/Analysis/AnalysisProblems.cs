using AiRoi.ServiceDefaults.Http;
using AiRoi.Statistics;

namespace AiRoi.Experiments.Analysis;

/// <summary>
/// The problem types of the analysis API's own rules (<c>https://airoi.dev/problems/analysis/…</c>). Bodies that
/// are not JSON or do not fit the request type answer the shared <see cref="RequestProblems"/>. The URIs are part
/// of the contract: clients switch on them, so a type is never renamed, only added. Each answer also names the
/// failing input in <c>field</c>.
/// </summary>
public static class AnalysisProblems
{
    /// <summary>Prefix of every analysis problem type.</summary>
    public const string TypePrefix = ProblemType.UriPrefix + SlugPrefix;

    private const string SlugPrefix = "analysis/";

    /// <summary>A required field is absent or null, e.g. a mean variant without <c>sum</c>.</summary>
    public static readonly ProblemType MissingField = New("missing-field", "A required field is missing.");

    /// <summary>
    /// A field does not apply to the chosen metric type or method, e.g. <c>conversions</c> on a mean variant or a
    /// <c>prior</c> for a frequentist analysis.
    /// </summary>
    public static readonly ProblemType NotApplicable = New("not-applicable", "A field does not apply to this metric type or method.");

    /// <summary>A list is longer than <see cref="AnalysisLimits"/> allows.</summary>
    public static readonly ProblemType TooManyItems = New("too-many-items", "A list is longer than the API accepts.");

    /// <summary>A list that needs at least one entry is empty.</summary>
    public static readonly ProblemType EmptyList = New("empty-list", "A list must not be empty.");

    /// <summary>The inputs are valid but so extreme that a result would be infinite or NaN.</summary>
    public static readonly ProblemType NonFiniteResult = New("non-finite-result", "The analysis would produce a number that is not finite.");

    /// <summary>A number is NaN or infinite, or its sums overflow double precision.</summary>
    public static readonly ProblemType NotFinite = New("not-finite", "A number is not finite.");

    /// <summary>A value is outside its range: conversions above n, a negative count, alpha outside (0, 1), a p-value outside [0, 1].</summary>
    public static readonly ProblemType OutOfRange = New("out-of-range", "A value is outside its allowed range.");

    /// <summary>A variant has fewer than two units, so it has no sample variance.</summary>
    public static readonly ProblemType TooFewUnits = New("too-few-units", "A variant has fewer than two units.");

    /// <summary>Fewer than two variants: an analysis needs control and at least one treatment.</summary>
    public static readonly ProblemType TooFewVariants = New("too-few-variants", "An analysis needs control and at least one treatment.");

    /// <summary>The sums imply a negative variance or a covariance no data could produce.</summary>
    public static readonly ProblemType InconsistentSums =
        New("inconsistent-sums", "The sums are inconsistent: they imply a negative variance or an impossible covariance.");

    /// <summary>A relative difference (or a ratio) would divide by a zero control mean or denominator.</summary>
    public static readonly ProblemType ZeroBaseline = New("zero-baseline", "A relative difference or ratio would divide by zero.");

    /// <summary>Neither arm varies, so the effect has no standard error and cannot be tested.</summary>
    public static readonly ProblemType ZeroVariance = New("zero-variance", "The effect has no sampling variance.");

    /// <summary>Only some mean variants carry the CUPED pre-period sums; send them for every variant or for none.</summary>
    public static readonly ProblemType MixedInputs = New("mixed-inputs", "The variants do not all carry the same inputs.");

    /// <summary><c>expectedWeights</c> and <c>variants</c> have different lengths.</summary>
    public static readonly ProblemType LengthMismatch = New("length-mismatch", "Lists that must line up have different lengths.");

    /// <summary>An expected weight is not positive, or the weights do not sum to one.</summary>
    public static readonly ProblemType InvalidWeights = New("invalid-weights", "Expected weights must be positive and sum to one.");

    /// <summary>An input rule of the statistics engine that has no more specific type here.</summary>
    public static readonly ProblemType InvalidInput = New("invalid-input", "An input cannot be analysed.");

    /// <summary>The engine's refusal, with its field renamed to the request body's path.</summary>
    internal static ProblemException Refusal(StatisticsInputException exception) =>
        new(For(exception.Reason), AnalysisMapper.RequestField(exception.Field), exception.Message);

    /// <summary>The problem type of a statistics engine rule.</summary>
    internal static ProblemType For(InputProblem reason) => reason switch
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

    private static ProblemType New(string slug, string title) => new(SlugPrefix + slug, StatusCodes.Status400BadRequest, title);
}
