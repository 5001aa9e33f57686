namespace AiRoi.Ingestion.Tests;

/// <summary>The event rules, the use case named by the importer, and unique ids, each reported on its row's line.</summary>
public class RowRuleTests
{
    [Fact]
    public void Validation_errors_carry_the_line_of_their_row()
    {
        var result = Csv.Read(Csv.Lines(
            Csv.FullHeader,
            Csv.Row(("csat", "9")),
            Csv.Row(("eventId", "evt-2"), ("completedAt", "2026-03-10T08:59:59Z")),
            Csv.Row(("eventId", "evt-3")),
            Csv.Row(("eventId", "evt-4"), ("handler", "")),
            Csv.Row(("eventId", ""), ("useCaseId", "Support Bot")),
            Csv.Row(("eventId", "evt-6"), ("startedAt", "2026-03-10T12:00:00Z"), ("completedAt", "2026-03-10T12:05:01Z"))));

        Expect.Errors(result,
            (2, "csat", "out-of-range"),
            (3, "completedAt", "completed-before-started"),
            (5, "handler", "required"),
            (6, "eventId", "required"),
            (6, "useCaseId", "invalid-format"),
            (7, "completedAt", "in-the-future"));
        Expect.EventLines(result, 4);
    }

    [Fact]
    public void A_repeated_event_id_is_a_duplicate_on_the_later_line_naming_the_first()
    {
        var result = Csv.Read(Csv.Lines(Csv.MinimalHeader, Csv.MinimalRow("evt-1"), Csv.MinimalRow("evt-2"), Csv.MinimalRow("evt-1"), Csv.MinimalRow("evt-1")));

        Expect.Errors(result, (4, "eventId", "duplicate"), (5, "eventId", "duplicate"));
        Assert.All(result.Errors, e => Assert.Contains("line 2", e.Message, StringComparison.Ordinal));
        Expect.EventLines(result, 2, 3);
    }

    [Fact]
    public void An_id_repeated_after_an_invalid_row_is_still_a_duplicate()
    {
        var result = Csv.Read(Csv.Lines(Csv.FullHeader, Csv.Row(("csat", "0")), Csv.Row()));

        Expect.Errors(result, (2, "csat", "out-of-range"), (3, "eventId", "duplicate"));
    }

    [Fact]
    public void Ids_are_unique_per_use_case_and_compared_exactly()
    {
        var result = Csv.Read(Csv.Lines(Csv.FullHeader, Csv.Row(), Csv.Row(("useCaseId", "billing-bot")), Csv.Row(("eventId", "EVT-1"))));

        Expect.Valid(result);
        Expect.EventLines(result, 2, 3, 4);
    }

    [Fact]
    public void A_use_case_column_that_contradicts_the_importer_is_inconsistent()
    {
        var result = Csv.Read(Csv.Lines(Csv.FullHeader, Csv.Row(), Csv.Row(("eventId", "evt-2"), ("useCaseId", "billing-bot"))), useCaseId: "support-bot");

        Expect.Errors(result, (3, "useCaseId", "inconsistent"));
        Expect.EventLines(result, 2);
    }
}
