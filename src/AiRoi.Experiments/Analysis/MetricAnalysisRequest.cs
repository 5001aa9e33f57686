using AiRoi.Domain;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using AiRoi.Statistics;

namespace AiRoi.Experiments.Analysis;

/// <summary>
/// One metric of one experiment to analyse: every treatment is compared with the control, which is the first
/// variant. Unknown fields are refused rather than ignored, so a misspelt field cannot silently change the result.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[JsonNumberHandling(JsonNumberHandling.Strict)]
public sealed record MetricAnalysisRequest
{
    /// <summary>
    /// Required. <c>proportion</c> (variants carry <c>n</c>, <c>conversions</c>), <c>mean</c> (<c>n</c>, <c>sum</c>,
    /// <c>sumSquares</c>, optionally the CUPED pre-period sums) or <c>ratio</c> (<c>n</c> and the numerator and
    /// denominator sums).
    /// </summary>
    [Required]
    [JsonConverter(typeof(WireEnumConverter<MetricKind>))]
    public MetricKind? MetricType { get; init; }

    /// <summary>
    /// Required. <c>frequentist</c> (fixed horizon: read once, at the planned sample), <c>sequential</c> (always
    /// valid: may be watched continuously) or <c>bayesian</c> (chance to win and risk).
    /// </summary>
    [Required]
    [JsonConverter(typeof(WireEnumConverter<AnalysisMethod>))]
    public AnalysisMethod? Method { get; init; }

    /// <summary>
    /// <c>relative</c> (default): (treatment − control) / |control|; <c>absolute</c>: treatment − control in the
    /// metric's unit.
    /// </summary>
    [JsonConverter(typeof(WireEnumConverter<Difference>))]
    public Difference? Difference { get; init; }

    /// <summary>
    /// Frequentist method, relative difference only: <c>log-ratio</c> (default) builds the interval on the log of the
    /// ratio of the means, so it errs equally often on both sides; <c>delta-method</c> builds GrowthBook's symmetric
    /// interval, to reproduce its answers. A mean that is not positive always gets the delta method.
    /// </summary>
    [JsonConverter(typeof(WireEnumConverter<RelativeInterval>))]
    public RelativeInterval? RelativeInterval { get; init; }

    /// <summary>Significance level, strictly between 0 and 1; default 0.05 (95% intervals).</summary>
    public double? Alpha { get; init; }

    /// <summary>Sequential method only: the total units (all arms) at which the always-valid interval is tightest; default 5000.</summary>
    public double? SequentialTuning { get; init; }

    /// <summary>
    /// Configured traffic share per variant, in variant order, for the sample-ratio check; each greater than 0, summing to 1.
    /// Default: equal shares.
    /// </summary>
    public IReadOnlyList<double>? ExpectedWeights { get; init; }

    /// <summary>Bayesian method only: a normal prior on the relative lift. Default: a flat prior.</summary>
    public LiftPrior? Prior { get; init; }

    /// <summary>Required. Sufficient statistics per variant, control first; 2 to 20 variants.</summary>
    [Required]
    public IReadOnlyList<VariantSums>? Variants { get; init; }
}
