using AiRoi.Domain;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace AiRoi.Experiments.Analysis;

/// <summary>P-values tested together (several metrics or variants) to adjust for multiple testing.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[JsonNumberHandling(JsonNumberHandling.Strict)]
public sealed record PValueAdjustmentRequest
{
    /// <summary>Required. <c>holm</c> or <c>benjamini-hochberg</c>.</summary>
    [Required]
    [JsonConverter(typeof(WireEnumConverter<PValueAdjustmentMethod>))]
    public PValueAdjustmentMethod? Method { get; init; }

    /// <summary>Required. The p-values, each in [0, 1]; 1 to 10,000 of them.</summary>
    [Required]
    public IReadOnlyList<double>? PValues { get; init; }
}
