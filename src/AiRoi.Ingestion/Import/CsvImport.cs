using System.Globalization;
using AiRoi.Domain;
using AiRoi.Domain.Events;

namespace AiRoi.Ingestion.Import;

/// <summary>
/// The state of reading one file, record by record: the header first, then each row checked, validated and
/// de-duplicated. Errors beyond <see cref="CsvLimits.MaxListedErrors"/> are counted, not kept, so a file of bad
/// rows costs no more memory than a file of good ones.
/// </summary>
internal sealed class CsvImport(DateTimeOffset now, EventLimits limits, int maxRows, string? useCaseIdOverride)
{
    /// <summary>
    /// Validation rules that check one field against another (a reason needs escalated = true). When the other
    /// field did not parse, the rule would blame a value that may well be right, so its error is left out.
    /// </summary>
    private static readonly Dictionary<string, string> DependsOn = new(StringComparer.Ordinal)
    {
        [OutcomeEventCsvColumns.EscalationReason] = OutcomeEventCsvColumns.Escalated,
        [OutcomeEventCsvColumns.ConversionValue] = OutcomeEventCsvColumns.Converted,
    };

    private readonly List<CsvImportedEvent> events = [];
    private readonly List<CsvRowError> errors = [];
    private readonly Dictionary<(string UseCaseId, string EventId), int> firstLineOfId = [];
    private string[]? columns;
    private int rows;
    private int unlisted;
    private int firstUnlistedLine;
    private CsvRowError? stop;
    private bool stopped;

    /// <summary>Takes one record of the file; returns false when reading must stop.</summary>
    /// <param name="line">The physical line the record starts on.</param>
    /// <param name="cells">The record's fields.</param>
    /// <param name="rawRecord">The record as written, for locating badly quoted fields.</param>
    /// <param name="badFields">The fields (as written) whose quoting broke RFC 4180.</param>
    public bool Record(int line, string[] cells, string rawRecord, IReadOnlyList<string> badFields)
    {
        if (badFields.Count == 0 && cells.All(string.IsNullOrWhiteSpace))
        {
            // Blank lines and rows of empty cells (spreadsheets add them at the end) are not rows.
            return true;
        }

        if (columns is null)
        {
            return Header(line, cells, rawRecord, badFields);
        }

        if (++rows > maxRows)
        {
            rows--;
            Stop(new CsvRowError(line, "", ValidationCodes.TooMany, Invariant(
                $"The file has more than {maxRows:N0} rows; reading stopped at line {line}. Split it into files of at most {maxRows:N0} rows.")));
            return false;
        }

        if (badFields.Count > 0)
        {
            Malformed(line, rawRecord, badFields);
        }
        else if (cells.Length != columns.Length)
        {
            Add(line, "", ValidationCodes.InvalidFormat, Invariant(
                $"This row has {cells.Length} fields but the header has {columns.Length}; a value that contains a comma must be in double quotes."));
        }
        else
        {
            Row(line, cells);
        }

        return true;
    }

    /// <summary>Reading stopped early; this error says where and why.</summary>
    public void Stop(CsvRowError error) => (stop, stopped) = (error, true);

    public CsvImportResult Result()
    {
        var all = new List<CsvRowError>(errors);
        if (columns is null && !stopped)
        {
            all.Add(new CsvRowError(1, "", ValidationCodes.Required,
                $"The file is empty; its first line must name the columns, e.g. {string.Join(",", OutcomeEventCsvColumns.Required)}."));
        }

        if (unlisted > 0)
        {
            all.Add(new CsvRowError(firstUnlistedLine, "", ValidationCodes.TooMany, Invariant(
                $"{unlisted:N0} more errors from line {firstUnlistedLine} on are not listed; only the first {CsvLimits.MaxListedErrors:N0} are.")));
        }

        if (stop is not null)
        {
            all.Add(stop);
        }

        return new CsvImportResult(events, all, rows, IsComplete: !stopped);
    }

    private bool Header(int line, string[] cells, string rawRecord, IReadOnlyList<string> badFields)
    {
        if (badFields.Count > 0)
        {
            Malformed(line, rawRecord, badFields);
            stopped = true;
            return false;
        }

        var headerErrors = new List<CsvRowError>();
        var names = CsvHeader.Check(line, cells, useCaseIdOverride is not null, headerErrors);
        if (headerErrors.Count > 0)
        {
            // Rows cannot be read against a header that is wrong; its errors alone are the answer.
            headerErrors.ForEach(e => Add(e.Line, e.Field, e.Code, e.Message));
            stopped = true;
            return false;
        }

        columns = names;
        return true;
    }

    private void Row(int line, string[] cells)
    {
        var (outcomeEvent, parseErrors) = OutcomeEventCsvRow.Parse(columns!, cells, useCaseIdOverride);
        var rowErrors = new List<ValidationError>(parseErrors);
        if (useCaseIdOverride is not null && outcomeEvent.UseCaseId != useCaseIdOverride)
        {
            rowErrors.Add(new ValidationError(OutcomeEventCsvColumns.UseCaseId, ValidationCodes.Inconsistent,
                $"useCaseId '{CsvValues.Shown(outcomeEvent.UseCaseId)}' differs from the use case this file is imported into, '{useCaseIdOverride}'; leave the cell empty or remove the column."));
        }

        // A cell that did not parse is absent to the validator, which would report it again as "required".
        var reported = rowErrors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        rowErrors.AddRange(OutcomeEventValidator.Validate(outcomeEvent, now, limits).Where(e => !reported.Contains(e.Field) &&
            !(e.Code == ValidationCodes.Inconsistent && DependsOn.TryGetValue(e.Field, out var other) && reported.Contains(other))));

        // An id over the length limit is already an error; leaving it out keeps the index of ids small.
        if (!string.IsNullOrWhiteSpace(outcomeEvent.EventId) && outcomeEvent.EventId.Length <= limits.MaxEventIdLength)
        {
            var key = (outcomeEvent.UseCaseId ?? "", outcomeEvent.EventId);
            if (firstLineOfId.TryGetValue(key, out var firstLine))
            {
                rowErrors.Add(new ValidationError(OutcomeEventCsvColumns.EventId, ValidationCodes.Duplicate, Invariant(
                    $"eventId '{CsvValues.Shown(outcomeEvent.EventId)}' already appears on line {firstLine}; an event id may appear once per use case.")));
            }
            else
            {
                firstLineOfId[key] = line;
            }
        }

        rowErrors.ForEach(e => Add(line, e.Field, e.Code, e.Message));
        if (rowErrors.Count == 0)
        {
            events.Add(new CsvImportedEvent(line, outcomeEvent));
        }
    }

    private void Malformed(int line, string rawRecord, IReadOnlyList<string> badFields)
    {
        var rawFields = Rfc4180Scanner.SplitRawFields(rawRecord);
        foreach (var bad in badFields)
        {
            var index = rawFields.IndexOf(bad);
            var field = columns is not null && index >= 0 && index < columns.Length ? columns[index] : "";
            var message = Rfc4180Scanner.IsUnclosed(bad)
                ? Invariant($"A quote opened in the row starting on line {line} is never closed, so the rest of the file was read into one field; close the quote.")
                : $"The field {CsvValues.Shown(bad)} has a quote in the wrong place; put the whole value in double quotes and double each quote inside it, e.g. \"say \"\"hi\"\"\".";
            Add(line, field, ValidationCodes.InvalidFormat, message);
        }
    }

    private void Add(int line, string field, string code, string message)
    {
        if (errors.Count < CsvLimits.MaxListedErrors)
        {
            errors.Add(new CsvRowError(line, field, code, message));
        }
        else if (unlisted++ == 0)
        {
            firstUnlistedLine = line;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
