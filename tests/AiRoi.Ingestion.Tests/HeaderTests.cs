namespace AiRoi.Ingestion.Tests;

/// <summary>
/// Each rule of the header row. A wrong header stops reading: rows cannot be matched to columns that are wrong,
/// so the header's errors alone are the answer.
/// </summary>
public class HeaderTests
{
    private const string Row = "evt-1,support-bot,2026-03-10T09:00:00Z,2026-03-10T09:12:00Z,ai";

    [Theory]
    [InlineData("eventId")]
    [InlineData("useCaseId")]
    [InlineData("startedAt")]
    [InlineData("completedAt")]
    [InlineData("handler")]
    public void A_missing_required_column_is_named(string column)
    {
        var header = string.Join(",", Csv.MinimalHeader.Split(',').Where(c => c != column));

        var result = Csv.Read(Csv.Lines(header, "x,y,z,w"));

        Expect.Errors(result, (1, column, "required"));
        Assert.False(result.IsComplete);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void The_use_case_column_is_optional_when_the_importer_names_the_use_case()
    {
        var result = Csv.Read(Csv.Lines("eventId,startedAt,completedAt,handler", "evt-1,2026-03-10T09:00:00Z,2026-03-10T09:12:00Z,ai"), useCaseId: "support-bot");

        Expect.Valid(result);
    }

    [Theory]
    [InlineData("started_at", "startedAt")]
    [InlineData("StartedAt", "startedAt")]
    [InlineData("Started At", "startedAt")]
    [InlineData("startedat", "startedAt")]
    [InlineData("startdAt", "startedAt")]
    [InlineData(" startedAt", "startedAt")]
    public void A_misspelt_required_column_is_unknown_suggested_and_missing(string written, string meant)
    {
        var result = Csv.Read(Csv.Lines(Csv.MinimalHeader.Replace(meant, written, StringComparison.Ordinal), Row));

        Expect.Errors(result, (1, written, "unknown-value"), (1, meant, "required"));
        Assert.Contains($"Did you mean '{meant}'?", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CSAT", "csat")]
    [InlineData("aicost", "aiCost")]
    [InlineData("attribute.region", "attributes.region")]
    [InlineData("Measures.handleScore", "measures.handleScore")]
    public void An_unknown_optional_column_gets_the_closest_known_name(string written, string meant)
    {
        var result = Csv.Read(Csv.Lines(Csv.MinimalHeader + "," + written, Row + ",1"));

        Expect.Errors(result, (1, written, "unknown-value"));
        Assert.Contains($"Did you mean '{meant}'?", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_column_far_from_every_name_lists_the_known_columns()
    {
        var result = Csv.Read(Csv.Lines(Csv.MinimalHeader + ",colour", Row + ",red"));

        Expect.Errors(result, (1, "colour", "unknown-value"));
        Assert.DoesNotContain("Did you mean", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("escalationReason", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_separated_by_semicolons_is_told_so()
    {
        var result = Csv.Read(Csv.Lines(Csv.MinimalHeader.Replace(',', ';'), Row.Replace(',', ';')));

        Assert.Equal(("unknown-value", 1), (result.Errors[0].Code, result.Errors[0].Line));
        Assert.Contains("other than a comma", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_named_twice_is_a_duplicate()
    {
        var result = Csv.Read(Csv.Lines(Csv.MinimalHeader + ",csat,nps,csat", Row + ",4,9,5"));

        Expect.Errors(result, (1, "csat", "duplicate"));
        Assert.Contains("columns 6 and 8", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_without_a_name_is_refused()
    {
        var result = Csv.Read(Csv.Lines(Csv.MinimalHeader + ",", Row + ","));

        Expect.Errors(result, (1, "", "required"));
        Assert.Contains("Column 6", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("attributes.")]
    [InlineData("attributes.my-region")]
    [InlineData("measures.2fast")]
    [InlineData("measures.a.b")]
    public void A_map_column_needs_an_identifier_key(string column)
    {
        var result = Csv.Read(Csv.Lines(Csv.MinimalHeader + "," + column, Row + ",1"));

        Expect.Errors(result, (1, column, "invalid-format"));
    }

    [Fact]
    public void Every_header_problem_is_reported_at_once()
    {
        var result = Csv.Read(Csv.Lines("eventId,useCaseId,startedAt,handler,csat,csat,colour", Row + ",4,4,red"));

        Expect.Errors(result, (1, "csat", "duplicate"), (1, "colour", "unknown-value"), (1, "completedAt", "required"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData(" \r\n,,\r\n")]
    public void An_empty_file_needs_a_header(string text)
    {
        var result = Csv.Read(text);

        Expect.Errors(result, (1, "", "required"));
        Assert.Empty(result.Events);
    }

    [Fact]
    public void A_header_after_blank_lines_is_found_on_its_own_line()
    {
        var result = Csv.Read(Csv.Lines("", "", Csv.MinimalHeader, Row));

        Expect.Valid(result);
        Expect.EventLines(result, 4);
    }
}
