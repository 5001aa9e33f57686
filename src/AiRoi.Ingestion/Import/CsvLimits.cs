namespace AiRoi.Ingestion.Import;

/// <summary>
/// The limits of the CSV format itself, in one place. They bound memory for any input; the limits of the values
/// (id lengths, cost ranges, map sizes) are the event's own, in <see cref="Domain.Events.EventLimits"/>. The number
/// of rows is the caller's choice and is passed to <see cref="OutcomeEventCsvReader.Read(TextReader, DateTimeOffset, Domain.Events.EventLimits, int, string?)"/>.
/// </summary>
public static class CsvLimits
{
    /// <summary>
    /// Longest field as written in the file, quotes included. The longest valid value is an attribute value of
    /// 256 characters, so 10,000 only stops runaway fields: most often a quote that is never closed, which would
    /// otherwise swallow the rest of the file into one field.
    /// </summary>
    public const int MaxFieldLength = 10_000;

    /// <summary>
    /// Longest row as written in the file, line breaks inside quoted fields included. A valid event fills at most
    /// 90 columns (20 fixed, 20 attributes, 50 measures) of mostly short values, well under 10,000 characters;
    /// 100,000 leaves tenfold room and bounds one row to at most 100,000 fields, so a line of nothing but commas
    /// costs a few megabytes instead of gigabytes.
    /// </summary>
    public const int MaxRowLength = 100_000;

    /// <summary>
    /// Most errors listed for one file. A person fixes a file from its first errors, and a thousand show every
    /// kind of mistake while keeping the answer small; a file with more gets one last error saying how many
    /// were left out.
    /// </summary>
    public const int MaxListedErrors = 1_000;
}
