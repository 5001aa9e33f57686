using System.Globalization;
using AiRoi.Domain.Events;
using CsvHelper;
using CsvHelper.Configuration;
using C = AiRoi.Ingestion.Import.OutcomeEventCsvColumns;

namespace AiRoi.Ingestion.Import;

/// <summary>
/// Writes outcome events as CSV in exactly the shape <see cref="OutcomeEventCsvReader"/> reads: the same columns,
/// values spelled the same way, CRLF line ends (RFC 4180), quotes only where a value needs them.
/// </summary>
/// <remarks>
/// Cells are written as they are, without the spreadsheet-formula escaping some exports apply (a leading
/// <c>'</c> before <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>), because that would change the values read back; an export
/// meant for spreadsheets decides that separately.
/// </remarks>
public static class OutcomeEventCsvWriter
{
    /// <summary>
    /// Writes a header and one row per event. The map columns are the union of the events' attribute keys and
    /// measure names, each sorted ordinally; an event without an entry leaves its cell empty.
    /// </summary>
    /// <param name="writer">Where the CSV text goes; left open and flushed.</param>
    /// <param name="events">Valid events (a map key that is not an identifier would make a column the reader refuses).</param>
    public static void Write(TextWriter writer, IReadOnlyCollection<OutcomeEvent> events)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(events);

        var attributeKeys = events.SelectMany(e => e.Attributes?.Keys ?? []).Distinct().Order(StringComparer.Ordinal).ToArray();
        var measureNames = events.SelectMany(e => e.Measures?.Keys ?? []).Distinct().Order(StringComparer.Ordinal).ToArray();

        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        using var csv = new CsvWriter(writer, configuration, leaveOpen: true);
        foreach (var (column, _) in FieldCells)
        {
            csv.WriteField(column);
        }

        foreach (var key in attributeKeys)
        {
            csv.WriteField(C.AttributePrefix + key);
        }

        foreach (var name in measureNames)
        {
            csv.WriteField(C.MeasurePrefix + name);
        }

        csv.NextRecord();
        foreach (var e in events)
        {
            foreach (var (_, cell) in FieldCells)
            {
                csv.WriteField(cell(e));
            }

            foreach (var key in attributeKeys)
            {
                csv.WriteField(e.Attributes?.GetValueOrDefault(key) ?? "");
            }

            foreach (var name in measureNames)
            {
                csv.WriteField(CsvValues.Format(e.Measures is { } measures && measures.TryGetValue(name, out var value) ? value : null));
            }

            csv.NextRecord();
        }

        csv.Flush();
    }

    /// <summary>The fixed columns and how each event value is spelled in its cell.</summary>
    private static readonly (string Column, Func<OutcomeEvent, string> Cell)[] FieldCells =
    [
        (C.EventId, e => e.EventId),
        (C.UseCaseId, e => e.UseCaseId),
        (C.SubjectId, e => e.SubjectId ?? ""),
        (C.StartedAt, e => CsvValues.Format(e.StartedAt)),
        (C.CompletedAt, e => CsvValues.Format(e.CompletedAt)),
        (C.Handler, e => CsvValues.Format(e.Handler)),
        (C.Resolved, e => CsvValues.Format(e.Resolved)),
        (C.Escalated, e => CsvValues.Format(e.Escalated)),
        (C.EscalationReason, e => e.EscalationReason ?? ""),
        (C.Contacts, e => CsvValues.Format(e.Contacts)),
        (C.ExceptionType, e => e.ExceptionType ?? ""),
        (C.AiCost, e => CsvValues.Format(e.AiCost)),
        (C.HumanMinutes, e => CsvValues.Format(e.HumanMinutes)),
        (C.HumanCost, e => CsvValues.Format(e.HumanCost)),
        (C.Csat, e => CsvValues.Format(e.Csat)),
        (C.Nps, e => CsvValues.Format(e.Nps)),
        (C.Converted, e => CsvValues.Format(e.Converted)),
        (C.ConversionValue, e => CsvValues.Format(e.ConversionValue)),
        (C.ExperimentId, e => e.ExperimentId ?? ""),
        (C.Variant, e => e.Variant ?? ""),
        (C.TraceId, e => e.TraceId ?? ""),
    ];
}
