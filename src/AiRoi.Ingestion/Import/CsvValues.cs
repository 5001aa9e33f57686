using AiRoi.Domain;
using System.Globalization;
using System.Text.Json;
using AiRoi.Domain.Events;

namespace AiRoi.Ingestion.Import;

/// <summary>
/// How each kind of value is spelled in a CSV cell, both ways, so that the writer produces exactly what the reader
/// accepts. Everything is culture-invariant: a file reads the same on every server whatever its locale.
/// </summary>
internal static class CsvValues
{
    /// <summary>ISO 8601 with an offset, seconds and fractions optional; <c>Z</c> means UTC.</summary>
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm'Z'",
    ];

    /// <summary>The same shapes without an offset: recognised only to explain why they are refused.</summary>
    private static readonly string[] LocalTimestampFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
    ];

    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    /// <summary>Plain decimal notation with an optional sign and exponent; no thousands separators, no currency.</summary>
    private const NumberStyles Number =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign |
        NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private const NumberStyles Integer =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;

    /// <summary>The handler's wire names, spelled as the HTTP layer's kebab-case enum policy spells them.</summary>
    private static readonly Dictionary<string, Handler> Handlers = Enum.GetValues<Handler>()
        .ToDictionary(h => HandlerName(h), StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> HandlerNames => Handlers.Keys;

    public static bool TryParseTimestamp(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text.Trim(), TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    /// <summary>True for a date and time that would be valid if it had an offset.</summary>
    public static bool LacksOffset(string text) =>
        DateTime.TryParseExact(text.Trim(), LocalTimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static bool TryParseInteger(string text, out int value) =>
        int.TryParse(text, Integer, CultureInfo.InvariantCulture, out value);

    public static bool TryParseDecimal(string text, out decimal value) =>
        decimal.TryParse(text, Number, CultureInfo.InvariantCulture, out value);

    public static bool TryParseDouble(string text, out double value) =>
        double.TryParse(text, Number, CultureInfo.InvariantCulture, out value);

    public static bool TryParseBoolean(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "1":
                value = true;
                return true;
            case "false" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    public static bool TryParseHandler(string text, out Handler value) => Handlers.TryGetValue(text.Trim(), out value);

    /// <summary>A cell as echoed in a message: cut short, because a cell may be thousands of characters long.</summary>
    public static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public static string Format(DateTimeOffset value) => value.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static string Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>"R" so that the text parses back to the identical double.</summary>
    public static string Format(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    public static string Format(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Format(bool? value) => value switch { true => "true", false => "false", null => "" };

    public static string Format(Handler value) => HandlerName(value);

    private static string HandlerName(Handler handler) => WireJson.Name(handler);
}
