using System.Globalization;
using System.Text;

namespace AiRoi.Web.Components.Data;

/// <summary>
/// Writes a table as RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. Text that
/// a spreadsheet would run as a formula (starting with = + - @ and not a number) is prefixed with an apostrophe,
/// because exports are opened in spreadsheets and a metric or annotation name is typed by people.
/// </summary>
public static class CsvTable
{
    /// <summary>The CSV of <paramref name="header"/> and <paramref name="rows"/>, lines ending in CRLF.</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
        {
            Line(text, row);
        }
        return text.ToString();
    }

    private static void Line(StringBuilder text, IEnumerable<object?> cells)
    {
        text.AppendJoin(',', cells.Select(Cell));
        text.Append("\r\n");
    }

    private static string Cell(object? value)
    {
        var cell = value switch
        {
            null => "",
            double number => double.IsFinite(number) ? number.ToString("R", CultureInfo.InvariantCulture) : "",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (value is string && cell.Length > 0 && "=+-@".Contains(cell[0]) && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            cell = "'" + cell;
        }
        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
    }
}
