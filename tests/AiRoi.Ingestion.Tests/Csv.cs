using AiRoi.Domain.Events;
using AiRoi.Ingestion.Import;

namespace AiRoi.Ingestion.Tests;

/// <summary>CSV texts for the tests, written out by hand, and the reader called with a fixed clock.</summary>
internal static class Csv
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public const string MinimalHeader = "eventId,useCaseId,startedAt,completedAt,handler";

    /// <summary>Every column with a valid value; <see cref="Row"/> changes some of them.</summary>
    private static readonly (string Column, string Value)[] Full =
    [
        ("eventId", "evt-1"), ("useCaseId", "support-bot"), ("subjectId", "customer-42"),
        ("startedAt", "2026-03-10T09:00:00Z"), ("completedAt", "2026-03-10T09:12:00Z"), ("handler", "hybrid"),
        ("resolved", "true"), ("escalated", "true"), ("escalationReason", "billing-dispute"), ("contacts", "2"),
        ("exceptionType", "low-confidence"), ("aiCost", "0.042"), ("humanMinutes", "6.5"), ("humanCost", "4.10"),
        ("csat", "4"), ("nps", "9"), ("converted", "true"), ("conversionValue", "129.99"),
        ("experimentId", "prompt-v4"), ("variant", "treatment"), ("attributes.region", "emea"),
        ("measures.handleScore", "0.83"),
    ];

    public static string FullHeader => string.Join(",", Full.Select(c => c.Column));

    /// <summary>A row under <see cref="FullHeader"/>: every value valid except the ones given (column, value as written).</summary>
    public static string Row(params (string Column, string Value)[] changes) =>
        string.Join(",", Full.Select(c => changes.FirstOrDefault(x => x.Column == c.Column) is { Column: not null } change ? change.Value : c.Value));

    public static string MinimalRow(string eventId) => $"{eventId},support-bot,2026-03-10T09:00:00Z,2026-03-10T09:12:00Z,ai";

    /// <summary>Lines joined with the given line break, the last one ended too.</summary>
    public static string LinesWith(string newline, params string[] lines) => string.Join(newline, lines) + newline;

    public static string Lines(params string[] lines) => LinesWith("\n", lines);

    public static CsvImportResult Read(string text, int maxRows = 1_000, string? useCaseId = null) =>
        OutcomeEventCsvReader.Read(new StringReader(text), Now, EventLimits.Default, maxRows, useCaseId);
}
