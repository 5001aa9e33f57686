using System.Globalization;
using System.Text.RegularExpressions;
using AiRoi.Web.Backends;

namespace AiRoi.Web.Components.Data;

/// <summary>One refused line of a CSV import, read from the ingestion API's field names (<c>line 3.csat</c>).</summary>
/// <param name="Line">The physical line the row starts on.</param>
/// <param name="Field">The column; empty for the row as a whole.</param>
/// <param name="Message">What is wrong.</param>
public sealed partial record CsvLineError(int Line, string Field, string Message)
{
    /// <summary>The problem's errors that name a line, in line order.</summary>
    public static IReadOnlyList<CsvLineError> From(BackendProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Errors
            .Select(pair => (Match: LineField().Match(pair.Key), Messages: pair.Value))
            .Where(entry => entry.Match.Success)
            .SelectMany(entry => entry.Messages.Select(message => new CsvLineError(
                int.Parse(entry.Match.Groups[1].Value, CultureInfo.InvariantCulture), entry.Match.Groups[2].Value, message)))
            .OrderBy(error => error.Line).ThenBy(error => error.Field, StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"^line (\d+)(?:\.(.+))?$")]
    private static partial Regex LineField();
}
