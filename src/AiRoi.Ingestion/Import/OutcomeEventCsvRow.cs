using AiRoi.Domain;
using AiRoi.Domain.Events;
using C = AiRoi.Ingestion.Import.OutcomeEventCsvColumns;

namespace AiRoi.Ingestion.Import;

/// <summary>
/// Turns the cells of one data row into an outcome event, the way the JSON body would arrive: a blank cell is an
/// absent field, and a cell that does not parse is reported (<c>invalid-format</c>, or <c>unknown-value</c> for a
/// handler that is not one) and left absent. Validation is the caller's next step.
/// </summary>
internal sealed class OutcomeEventCsvRow
{
    private readonly List<ValidationError> errors = [];

    /// <param name="columns">The header's column names, already checked.</param>
    /// <param name="cells">The row's cells, as many as there are columns.</param>
    /// <param name="useCaseId">The use case named by the importer; it fills a missing or blank useCaseId.</param>
    /// <returns>The event as far as it parsed, and the cells that did not parse as errors on their columns.</returns>
    public static (OutcomeEvent Event, IReadOnlyList<ValidationError> Errors) Parse(
        IReadOnlyList<string> columns, IReadOnlyList<string> cells, string? useCaseId)
    {
        var row = new OutcomeEventCsvRow();
        return (row.Build(columns, cells, useCaseId), row.errors);
    }

    private OutcomeEvent Build(IReadOnlyList<string> columns, IReadOnlyList<string> cells, string? defaultUseCaseId)
    {
        string? eventId = null, useCaseId = null, subjectId = null, escalationReason = null, exceptionType = null, experimentId = null, variant = null, traceId = null;
        DateTimeOffset? startedAt = null, completedAt = null;
        Handler? handler = null;
        bool? resolved = null, escalated = null, converted = null;
        int? contacts = null, csat = null, nps = null;
        decimal? aiCost = null, humanCost = null, conversionValue = null;
        double? humanMinutes = null;
        Dictionary<string, string>? attributes = null;
        Dictionary<string, double>? measures = null;

        for (var i = 0; i < columns.Count; i++)
        {
            var (column, cell) = (columns[i], cells[i]);
            if (string.IsNullOrWhiteSpace(cell))
            {
                continue;
            }

            switch (column)
            {
                case C.EventId: eventId = cell; break;
                case C.UseCaseId: useCaseId = cell; break;
                case C.SubjectId: subjectId = cell; break;
                case C.StartedAt: startedAt = Timestamp(column, cell); break;
                case C.CompletedAt: completedAt = Timestamp(column, cell); break;
                case C.Handler: handler = HandlerOf(column, cell); break;
                case C.Resolved: resolved = Boolean(column, cell); break;
                case C.Escalated: escalated = Boolean(column, cell); break;
                case C.EscalationReason: escalationReason = cell; break;
                case C.Contacts: contacts = Integer(column, cell); break;
                case C.ExceptionType: exceptionType = cell; break;
                case C.AiCost: aiCost = Decimal(column, cell); break;
                case C.HumanMinutes: humanMinutes = Double(column, cell); break;
                case C.HumanCost: humanCost = Decimal(column, cell); break;
                case C.Csat: csat = Integer(column, cell); break;
                case C.Nps: nps = Integer(column, cell); break;
                case C.Converted: converted = Boolean(column, cell); break;
                case C.ConversionValue: conversionValue = Decimal(column, cell); break;
                case C.ExperimentId: experimentId = cell; break;
                case C.Variant: variant = cell; break;
                case C.TraceId: traceId = cell; break;
                default:
                    var key = CsvHeader.MapKey(column)!;
                    if (column.StartsWith(C.AttributePrefix, StringComparison.Ordinal))
                    {
                        (attributes ??= new(StringComparer.Ordinal))[key] = cell;
                    }
                    else if (Double(column, cell) is { } measure)
                    {
                        (measures ??= new(StringComparer.Ordinal))[key] = measure;
                    }

                    break;
            }
        }

        // Missing mandatory values go in as the deserializer would leave them, so the validator reports them
        // as "required" exactly as it does for JSON.
        return new OutcomeEvent(eventId!, (useCaseId ?? defaultUseCaseId)!, startedAt ?? default, completedAt ?? default, handler ?? default)
        {
            SubjectId = subjectId,
            Resolved = resolved,
            Escalated = escalated,
            EscalationReason = escalationReason,
            Contacts = contacts,
            ExceptionType = exceptionType,
            AiCost = aiCost,
            HumanMinutes = humanMinutes,
            HumanCost = humanCost,
            Csat = csat,
            Nps = nps,
            Converted = converted,
            ConversionValue = conversionValue,
            ExperimentId = experimentId,
            Variant = variant,
            TraceId = traceId,
            Attributes = attributes,
            Measures = measures,
        };
    }

    private DateTimeOffset? Timestamp(string column, string cell)
    {
        if (CsvValues.TryParseTimestamp(cell, out var value))
        {
            return value;
        }

        Fail(column, CsvValues.LacksOffset(cell)
            ? $"{column} '{CsvValues.Shown(cell)}' has no UTC offset, so the moment it names is ambiguous; add Z for UTC or the offset, e.g. 2026-03-10T09:15:00Z or 2026-03-10T10:15:00+01:00."
            : $"{column} '{CsvValues.Shown(cell)}' is not an ISO 8601 timestamp with an offset, e.g. 2026-03-10T09:15:00Z or 2026-03-10T10:15:00+01:00.");
        return null;
    }

    private Handler? HandlerOf(string column, string cell)
    {
        if (CsvValues.TryParseHandler(cell, out var value))
        {
            return value;
        }

        errors.Add(new ValidationError(column, ValidationCodes.UnknownValue,
            $"{column} '{CsvValues.Shown(cell)}' is not one of: {string.Join(", ", CsvValues.HandlerNames)}."));
        return null;
    }

    private bool? Boolean(string column, string cell)
    {
        if (CsvValues.TryParseBoolean(cell, out var value))
        {
            return value;
        }

        Fail(column, $"{column} '{CsvValues.Shown(cell)}' must be true or false (or 1 or 0).");
        return null;
    }

    private int? Integer(string column, string cell)
    {
        if (CsvValues.TryParseInteger(cell, out var value))
        {
            return value;
        }

        Fail(column, $"{column} '{CsvValues.Shown(cell)}' must be a whole number, e.g. 4.");
        return null;
    }

    private decimal? Decimal(string column, string cell)
    {
        if (CsvValues.TryParseDecimal(cell, out var value))
        {
            return value;
        }

        Fail(column, NumberProblem(column, cell));
        return null;
    }

    private double? Double(string column, string cell)
    {
        if (CsvValues.TryParseDouble(cell, out var value))
        {
            return value;
        }

        Fail(column, NumberProblem(column, cell));
        return null;
    }

    private static string NumberProblem(string column, string cell) => cell.Contains(',')
        ? $"{column} '{CsvValues.Shown(cell)}' must use a point as the decimal separator and no thousands separator, e.g. 1234.5."
        : $"{column} '{CsvValues.Shown(cell)}' must be a number written with a point as the decimal separator, e.g. 1234.5.";

    private void Fail(string column, string message) => errors.Add(new ValidationError(column, ValidationCodes.InvalidFormat, message));
}
