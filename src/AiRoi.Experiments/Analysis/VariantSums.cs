using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace AiRoi.Experiments.Analysis;

/// <summary>
/// The sufficient statistics of one variant: running sums, never raw events. The request's <c>metricType</c> says
/// which sums are required. Proportion: <c>n</c> and <c>conversions</c>. Mean: <c>n</c>, <c>sum</c> and
/// <c>sumSquares</c>, plus <c>preSum</c>, <c>preSumSquares</c> and <c>sumProducts</c> for CUPED (on every variant or
/// on none). Ratio: <c>n</c>, <c>numeratorSum</c>, <c>numeratorSumSquares</c>, <c>denominatorSum</c>,
/// <c>denominatorSumSquares</c> and <c>sumProducts</c>. A sum of another metric type is refused (<c>not-applicable</c>).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[JsonNumberHandling(JsonNumberHandling.Strict)]
public sealed record VariantSums
{
    /// <summary>Required. The variant's name, echoed as <c>variant</c> in the results.</summary>
    [Required]
    public string? Name { get; init; }

    /// <summary>Required. Units (randomised subjects) exposed to the variant; at least 2.</summary>
    [Required]
    public long? N { get; init; }

    /// <summary>Proportion: units that converted, between 0 and <c>n</c>.</summary>
    public long? Conversions { get; init; }

    /// <summary>Mean: sum of the per-unit values.</summary>
    public double? Sum { get; init; }

    /// <summary>Mean: sum of the squared per-unit values.</summary>
    public double? SumSquares { get; init; }

    /// <summary>Mean with CUPED: sum of the per-unit values of the same metric before the experiment started.</summary>
    public double? PreSum { get; init; }

    /// <summary>Mean with CUPED: sum of the squared pre-period values.</summary>
    public double? PreSumSquares { get; init; }

    /// <summary>
    /// Mean with CUPED: sum over units of (value × pre-period value). Ratio: sum over units of
    /// (numerator × denominator).
    /// </summary>
    public double? SumProducts { get; init; }

    /// <summary>Ratio: sum of the per-unit numerators (e.g. revenue).</summary>
    public double? NumeratorSum { get; init; }

    /// <summary>Ratio: sum of the squared per-unit numerators.</summary>
    public double? NumeratorSumSquares { get; init; }

    /// <summary>Ratio: sum of the per-unit denominators (e.g. orders); must not be zero.</summary>
    public double? DenominatorSum { get; init; }

    /// <summary>Ratio: sum of the squared per-unit denominators.</summary>
    public double? DenominatorSumSquares { get; init; }
}
