using AiRoi.Ingestion.Import;

namespace AiRoi.Ingestion.Tests;

/// <summary>Broken CSV is an error on the line where it breaks, never an exception.</summary>
public class MalformedTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void An_unterminated_quote_is_an_error_on_its_row(string nl)
    {
        var text = Csv.LinesWith(nl,
            Csv.MinimalHeader + ",subjectId",
            Csv.MinimalRow("evt-1") + ",c-1",
            Csv.MinimalRow("evt-2") + ",\"c-2",
            Csv.MinimalRow("evt-3") + ",c-3");

        var result = Csv.Read(text);

        Expect.Errors(result, (3, "subjectId", "invalid-format"));
        Assert.Contains("never closed", result.Errors[0].Message, StringComparison.Ordinal);
        Expect.EventLines(result, 2);
    }

    [Fact]
    public void An_unterminated_quote_at_the_very_end_is_an_error()
    {
        var result = Csv.Read(Csv.MinimalHeader + "\n" + Csv.MinimalRow("evt-1").Replace("support-bot", "\"support-bot", StringComparison.Ordinal));

        Expect.Errors(result, (2, "useCaseId", "invalid-format"));
        Assert.Empty(result.Events);
    }

    [Theory]
    [InlineData("O\"Brien")]
    [InlineData("\"O\"Brien\"")]
    [InlineData("\"O'Brien\" Ltd")]
    public void A_quote_in_the_wrong_place_is_an_error_on_its_column_and_reading_goes_on(string subject)
    {
        var text = Csv.Lines(
            Csv.MinimalHeader + ",subjectId",
            Csv.MinimalRow("evt-1") + "," + subject,
            Csv.MinimalRow("evt-2") + ",c-2");

        var result = Csv.Read(text);

        Expect.Errors(result, (2, "subjectId", "invalid-format"));
        Assert.Contains("quote in the wrong place", result.Errors[0].Message, StringComparison.Ordinal);
        Expect.EventLines(result, 3);
    }

    [Theory]
    [InlineData(",extra")]
    [InlineData("")]
    public void A_row_with_the_wrong_number_of_fields_is_an_error(string change)
    {
        var row = change.Length > 0 ? Csv.MinimalRow("evt-1") + change : "evt-1,support-bot,2026-03-10T09:00:00Z,2026-03-10T09:12:00Z";

        var result = Csv.Read(Csv.Lines(Csv.MinimalHeader, row, Csv.MinimalRow("evt-2")));

        Expect.Errors(result, (2, "", "invalid-format"));
        Expect.EventLines(result, 3);
    }

    [Fact]
    public void A_badly_quoted_header_stops_reading()
    {
        var result = Csv.Read(Csv.Lines("eventId,\"useCaseId\"x,startedAt,completedAt,handler", Csv.MinimalRow("evt-1")));

        Expect.Errors(result, (1, "", "invalid-format"));
        Assert.False(result.IsComplete);
        Assert.Empty(result.Events);
    }
}
