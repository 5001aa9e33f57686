using System.Text.Json;
using AiRoi.Contracts.UseCases;
using AiRoi.Domain.Rollups;

namespace AiRoi.Metrics.Grains;

/// <summary>
/// The document a use-case grain stores in <c>metrics.use_case_snapshots</c>: its running totals and its metric
/// roll-up, both as of the snapshot's sequence number.
/// </summary>
/// <param name="Totals">The running totals.</param>
/// <param name="Rollup">The metric roll-up, with the shape fingerprint it was built under.</param>
public sealed record GrainSnapshot(UseCaseTotals? Totals, RollupSnapshot? Rollup)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Means of empty slots never reach the document, but a sketch or figure must not make a snapshot unwritable.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The document as stored.</summary>
    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// The document, or null when it is not a whole snapshot of this form (an older form, a damaged row): the grain
    /// then rebuilds from the whole log, which is always right, only slower.
    /// </summary>
    public static GrainSnapshot? Deserialize(string document)
    {
        try
        {
            var snapshot = JsonSerializer.Deserialize<GrainSnapshot>(document, Json);
            return snapshot is { Totals: not null, Rollup: not null } ? snapshot : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
