using System.Globalization;
using System.Text;
using AiRoi.Domain.Events;
using CsvHelper;
using CsvHelper.Configuration;

namespace AiRoi.Ingestion.Import;

/// <summary>
/// Reads outcome events from CSV (RFC 4180, comma-separated, UTF-8): a header row naming the columns (see
/// <see cref="OutcomeEventCsvColumns"/>), then one event per row. Every problem comes back as a
/// <see cref="CsvRowError"/> on the physical line an editor shows; bad input never throws, only a failing reader
/// (I/O) does.
/// </summary>
/// <remarks>
/// Values are spelled as in the JSON API but culture-invariant: timestamps ISO 8601 with an offset, numbers with a
/// point, booleans true/false or 1/0, the handler ai/human/hybrid. A blank cell is an absent field. Each row is
/// checked by <see cref="OutcomeEventValidator"/>, and an event id may appear once per use case in a file.
/// </remarks>
public static class OutcomeEventCsvReader
{
    /// <summary>UTF-8 that refuses invalid bytes instead of turning them silently into U+FFFD.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file's bytes: UTF-8, with or without a byte-order mark. The stream is left open.</summary>
    /// <inheritdoc cref="Read(TextReader, DateTimeOffset, EventLimits, int, string?)"/>
    public static CsvImportResult Read(Stream stream, DateTimeOffset now, EventLimits limits, int maxRows, string? useCaseIdOverride = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: -1, leaveOpen: true);
        return Read(text, now, limits, maxRows, useCaseIdOverride);
    }

    /// <summary>Reads a file's text. The reader is left open.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="now">The receiving server's clock, for the validator's future-timestamp rule.</param>
    /// <param name="limits">The event limits, normally <see cref="EventLimits.Default"/>.</param>
    /// <param name="maxRows">Most data rows accepted; one more stops reading with a <c>too-many</c> error.</param>
    /// <param name="useCaseIdOverride">
    /// The use case the file is imported into, if the importer names one: it fills the useCaseId of every row, and a
    /// useCaseId column, no longer required, may only repeat it.
    /// </param>
    public static CsvImportResult Read(TextReader reader, DateTimeOffset now, EventLimits limits, int maxRows, string? useCaseIdOverride = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);

        var import = new CsvImport(now, limits, maxRows, useCaseIdOverride);
        var badFields = new List<string>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => badFields.Add(args.Field),
            // Blank lines come through as records so that every line belongs to one: a record then starts on the
            // line after the previous one ended, which is how line numbers stay right across multi-line fields.
            IgnoreBlankLines = false,
            MaxFieldSize = CsvLimits.MaxFieldLength,
        };

        using var parser = new CsvParser(new CsvInputGuard(reader, CsvLimits.MaxRowLength), configuration, leaveOpen: true);
        var previousEnd = 0;
        try
        {
            while (parser.Read())
            {
                var line = previousEnd + 1;
                var cells = parser.Record ?? []; // reading the fields is what reports bad quoting
                previousEnd = parser.RawRow; // the line the record ends on
                var proceed = import.Record(line, cells, parser.RawRecord, badFields);
                badFields.Clear();
                if (!proceed)
                {
                    break;
                }
            }
        }
        catch (MaxFieldSizeException)
        {
            var line = previousEnd + 1;
            import.Stop(new CsvRowError(line, "", Domain.ValidationCodes.TooLong, string.Create(CultureInfo.InvariantCulture,
                $"A field in the row starting on line {line} is longer than {CsvLimits.MaxFieldLength:N0} characters as written; reading stopped there. If it is not meant to be, a quote is probably never closed.")));
        }
        catch (CsvInputRefusedException refused)
        {
            import.Stop(refused.Error);
        }

        return import.Result();
    }
}
