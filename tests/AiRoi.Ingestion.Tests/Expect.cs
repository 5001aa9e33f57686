using AiRoi.Ingestion.Import;

namespace AiRoi.Ingestion.Tests;

/// <summary>Assertions on import results whose failure message lists every error that was reported.</summary>
internal static class Expect
{
    /// <summary>Exactly these errors (line, field, code), in this order.</summary>
    public static void Errors(CsvImportResult result, params (int Line, string Field, string Code)[] expected)
    {
        var actual = result.Errors.Select(e => (e.Line, e.Field, e.Code)).ToArray();
        Assert.True(actual.SequenceEqual(expected),
            $"expected [{string.Join("; ", expected)}] but got [{Describe(result)}]");
    }

    /// <summary>The whole file read and nothing wrong.</summary>
    public static void Valid(CsvImportResult result) =>
        Assert.True(result.IsValid, $"expected a valid file but got [{Describe(result)}], complete: {result.IsComplete}");

    /// <summary>The lines of the events that were kept.</summary>
    public static void EventLines(CsvImportResult result, params int[] lines) =>
        Assert.Equal(lines, result.Events.Select(e => e.Line));

    private static string Describe(CsvImportResult result) =>
        string.Join("; ", result.Errors.Select(e => $"({e.Line}, {e.Field}, {e.Code}) {e.Message}"));
}
