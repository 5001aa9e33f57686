namespace AiRoi.Contracts.UseCases;

/// <summary>
/// One use case's single writer and the keeper of its metric state (key: the use case's slug id). Every outcome
/// event for the use case is written through it, so its per-use-case sequence numbers are gap-free.
/// </summary>
[Alias("AiRoi.Contracts.UseCases.IUseCaseGrain")]
public interface IUseCaseGrain : IGrainWithStringKey
{
    /// <summary>
    /// Writes a batch of outcome events that have passed validation and belong to this use case, in one
    /// transaction; answers per event whether it was new (accepted) or already in the log (duplicate).
    /// </summary>
    /// <param name="events">The events as JSON documents (camelCase, as the ingestion API received them), in batch order.</param>
    [Alias("Append")]
    Task<AppendResult> AppendAsync(IReadOnlyList<string> events);

    /// <summary>The registry changed this use case (created, updated, archived): reload the definition.</summary>
    [Alias("DefinitionChanged")]
    Task DefinitionChangedAsync();

    /// <summary>Whether events may be written: the use case exists and is not archived.</summary>
    [Alias("GetWriteStatus")]
    Task<UseCaseWriteStatus> GetWriteStatusAsync();

    /// <summary>What the grain holds now: the log position and the running totals.</summary>
    [Alias("GetTotals")]
    Task<UseCaseTotals> GetTotalsAsync();
}
