using AiRoi.Domain.Reports;

namespace AiRoi.Contracts.UseCases;

/// <summary>
/// A use case's portfolio summary by revision: each time the grain computes its summary anew it takes a new revision,
/// and it sends the summary only to a caller that does not hold that revision already. A silo's portfolio keeps the
/// summaries it was sent, so an unchanged summary crosses no silo boundary and keeps the row JSON cached against it.
/// </summary>
/// <param name="Registered">False for an unknown use case (nothing else is set).</param>
/// <param name="Revision">The summary's current revision.</param>
/// <param name="Summary">The summary, or null when the caller holds this revision.</param>
[GenerateSerializer, Immutable]
[Alias("AiRoi.Contracts.UseCases.SummaryRevision")]
public sealed record SummaryRevision(
    [property: Id(0)] bool Registered,
    [property: Id(1)] Guid Revision,
    [property: Id(2)] UseCaseSummary? Summary)
{
    /// <summary>The answer for a use case that is not registered.</summary>
    public static SummaryRevision NotRegistered { get; } = new(false, Guid.Empty, null);
}
