namespace AiRoi.Ingestion.Tests;

/// <summary>
/// A cell that does not parse is reported on its row's line and column; the rest of the file is still read.
/// Each bad row sits on line 3, after a valid row on line 2 that must be kept.
/// </summary>
public class CellTests
{
    public static TheoryData<string, string, string> BadCells => new()
    {
        { "startedAt", "2026-03-10T09:00:00", "invalid-format" },
        { "startedAt", "2026-03-10", "invalid-format" },
        { "completedAt", "2026-03-10 09:12:00+00:00", "invalid-format" },
        { "completedAt", "10/03/2026 09:12", "invalid-format" },
        { "startedAt", "1741597200", "invalid-format" },
        { "handler", "robot", "unknown-value" },
        { "resolved", "yes", "invalid-format" },
        { "escalated", "2", "invalid-format" },
        { "converted", "t", "invalid-format" },
        { "contacts", "2.5", "invalid-format" },
        { "csat", "four", "invalid-format" },
        { "nps", "1e1", "invalid-format" },
        { "aiCost", "\"0,042\"", "invalid-format" },
        { "humanCost", "\"1,204.10\"", "invalid-format" },
        { "conversionValue", "€129.99", "invalid-format" },
        { "humanMinutes", "\"6,5\"", "invalid-format" },
        { "measures.handleScore", "high", "invalid-format" },
    };

    [Theory]
    [MemberData(nameof(BadCells))]
    public void A_cell_that_does_not_parse_is_an_error_on_its_line_and_column(string column, string written, string code)
    {
        var result = Csv.Read(Csv.Lines(Csv.FullHeader, Csv.Row(), Csv.Row(("eventId", "evt-2"), (column, written))));

        Expect.Errors(result, (3, column, code));
        Expect.EventLines(result, 2);
        Assert.True(result.IsComplete);
    }

    [Theory]
    [InlineData("2026-03-10T09:00:00")]
    [InlineData("2026-03-10T09:00")]
    [InlineData("2026-03-10 09:00:00")]
    public void A_timestamp_without_offset_is_refused_saying_so(string written)
    {
        var result = Csv.Read(Csv.Lines(Csv.FullHeader, Csv.Row(("startedAt", written))));

        Expect.Errors(result, (2, "startedAt", "invalid-format"));
        Assert.Contains("no UTC offset", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aiCost", "0,042")]
    [InlineData("measures.handleScore", "0,83")]
    public void A_comma_decimal_is_refused_saying_to_use_a_point(string column, string written)
    {
        var result = Csv.Read(Csv.Lines(Csv.FullHeader, Csv.Row((column, $"\"{written}\""))));

        Expect.Errors(result, (2, column, "invalid-format"));
        Assert.Contains("point as the decimal separator", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_that_does_not_parse_is_not_reported_again_as_missing()
    {
        var result = Csv.Read(Csv.Lines(Csv.FullHeader, Csv.Row(("startedAt", "yesterday"), ("handler", "bot"))));

        Expect.Errors(result, (2, "startedAt", "invalid-format"), (2, "handler", "unknown-value"));
    }

    [Theory]
    [InlineData("escalated")]
    [InlineData("converted")]
    public void A_flag_that_does_not_parse_does_not_make_its_dependent_field_inconsistent(string flag)
    {
        var result = Csv.Read(Csv.Lines(Csv.FullHeader, Csv.Row((flag, "maybe"))));

        Expect.Errors(result, (2, flag, "invalid-format"));
    }

    [Fact]
    public void Every_problem_of_a_row_is_reported()
    {
        var result = Csv.Read(Csv.Lines(Csv.FullHeader, Csv.Row(("csat", "x"), ("nps", "11"), ("aiCost", "-1"))));

        Expect.Errors(result, (2, "csat", "invalid-format"), (2, "aiCost", "negative"), (2, "nps", "out-of-range"));
    }
}
