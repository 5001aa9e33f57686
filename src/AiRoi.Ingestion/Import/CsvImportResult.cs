namespace AiRoi.Ingestion.Import;

/// <summary>
/// What a CSV file yielded: the valid events and every problem found. A row with any problem contributes no
/// event, so <see cref="Events"/> holds only valid events; whether to keep them or refuse the whole file when
/// <see cref="Errors"/> is not empty is the importer's documented choice (invariant 4).
/// </summary>
/// <param name="Events">The valid events, in file order.</param>
/// <param name="Errors">The problems, in file order, at most <see cref="CsvLimits.MaxListedErrors"/> plus one saying how many more there were.</param>
/// <param name="Rows">How many data rows were read (blank lines do not count).</param>
/// <param name="IsComplete">
/// False when reading stopped before the end of the file (a header error, too many rows, a field or row over
/// the limits, text that is not UTF-8): the events then cover only part of the file and must not be imported
/// on their own.
/// </param>
public sealed record CsvImportResult(
    IReadOnlyList<CsvImportedEvent> Events,
    IReadOnlyList<CsvRowError> Errors,
    int Rows,
    bool IsComplete)
{
    /// <summary>True when the whole file was read and no problem was found.</summary>
    public bool IsValid => IsComplete && Errors.Count == 0;
}
