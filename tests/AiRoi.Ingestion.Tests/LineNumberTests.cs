namespace AiRoi.Ingestion.Tests;

/// <summary>
/// Line numbers are the ones an editor shows: the header is line 1, blank lines count, and a quoted field that
/// spans several lines moves every later row down by as many lines, whatever the line breaks are.
/// </summary>
public class LineNumberTests
{
    public static TheoryData<string> LineBreaks => new() { "\n", "\r\n", "\r" };

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void Rows_after_a_multi_line_field_keep_their_editor_line(string nl)
    {
        var text = Csv.LinesWith(nl,
            "eventId,useCaseId,startedAt,completedAt,handler,escalated,escalationReason,csat", // 1
            $"evt-1,support-bot,2026-03-10T09:00:00Z,2026-03-10T09:12:00Z,ai,true,\"first{nl}second{nl}third\",4", // 2-4
            "evt-2,support-bot,2026-03-10T09:00:00Z,2026-03-10T09:12:00Z,ai,,,9", // 5
            "", // 6
            "evt-3,support-bot,2026-03-10T09:00:00Z,2026-03-10T09:12:00Z,ai,,,x", // 7
            "evt-4,support-bot,2026-03-10T09:00:00Z,2026-03-10T09:12:00Z,ai,,,5"); // 8

        var result = Csv.Read(text);

        // The line breaks inside the reason are control characters, which the validator refuses in a label.
        Expect.Errors(result, (2, "escalationReason", "invalid-format"), (5, "csat", "out-of-range"), (7, "csat", "invalid-format"));
        Expect.EventLines(result, 8);
    }

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void A_valid_row_after_a_quoted_multi_line_attribute_starts_where_the_editor_shows_it(string nl)
    {
        var text = Csv.LinesWith(nl,
            Csv.MinimalHeader + ",subjectId",
            Csv.MinimalRow("evt-1") + ",\"two" + nl + "lines\"",
            Csv.MinimalRow("evt-2") + ",\"a, \"\"quoted\"\" name\"");

        var result = Csv.Read(text);

        Expect.Errors(result, (2, "subjectId", "invalid-format"));
        Expect.EventLines(result, 4);
        Assert.Equal("a, \"quoted\" name", result.Events[0].Event.SubjectId);
    }

    [Fact]
    public void The_last_row_may_end_without_a_line_break()
    {
        var result = Csv.Read(Csv.MinimalHeader + "\r\n" + Csv.MinimalRow("evt-1") + "\r\n" + Csv.MinimalRow("evt-2"));

        Expect.Valid(result);
        Expect.EventLines(result, 2, 3);
    }
}
