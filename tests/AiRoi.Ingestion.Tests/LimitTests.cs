using AiRoi.Ingestion.Import;

namespace AiRoi.Ingestion.Tests;

/// <summary>Oversized input is refused with a line number at a bounded cost.</summary>
public class LimitTests
{
    [Fact]
    public void Rows_up_to_the_maximum_are_read_and_blank_lines_do_not_count()
    {
        var result = Csv.Read(Csv.Lines(Csv.MinimalHeader, Csv.MinimalRow("evt-1"), "", Csv.MinimalRow("evt-2"), ""), maxRows: 2);

        Expect.Valid(result);
        Assert.Equal(2, result.Rows);
    }

    [Fact]
    public void One_row_more_than_the_maximum_stops_reading_on_its_line()
    {
        var result = Csv.Read(Csv.Lines(Csv.MinimalHeader, Csv.MinimalRow("evt-1"), "", Csv.MinimalRow("evt-2"), Csv.MinimalRow("evt-3"), Csv.MinimalRow("evt-4")), maxRows: 2);

        Expect.Errors(result, (5, "", "too-many"));
        Assert.False(result.IsComplete);
        Assert.False(result.IsValid);
        Assert.Equal(2, result.Rows);
        Expect.EventLines(result, 2, 4);
    }

    [Fact]
    public void A_field_at_the_limit_is_read_and_left_to_the_event_rules()
    {
        var subject = new string('s', CsvLimits.MaxFieldLength);

        var result = Csv.Read(Csv.Lines(Csv.MinimalHeader + ",subjectId", Csv.MinimalRow("evt-1") + ",c-1", Csv.MinimalRow("evt-2") + "," + subject));

        Expect.Errors(result, (3, "subjectId", "too-long"));
        Assert.True(result.IsComplete);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_field_over_the_limit_stops_reading_on_its_row(bool quoted)
    {
        var subject = new string('s', CsvLimits.MaxFieldLength + 1 - (quoted ? 2 : 0));
        var cell = quoted ? $"\"{subject}\"" : subject;

        var result = Csv.Read(Csv.Lines(Csv.MinimalHeader + ",subjectId", Csv.MinimalRow("evt-1") + ",c-1", Csv.MinimalRow("evt-2") + "," + cell, Csv.MinimalRow("evt-3") + ",c-3"));

        Expect.Errors(result, (3, "", "too-long"));
        Assert.False(result.IsComplete);
        Expect.EventLines(result, 2);
    }

    [Fact]
    public void A_quote_never_closed_in_a_long_file_is_a_field_over_the_limit_with_a_hint()
    {
        var rows = Enumerable.Range(1, 500).Select(i => Csv.MinimalRow($"evt-{i}") + ",c");
        var text = Csv.Lines([Csv.MinimalHeader + ",subjectId", Csv.MinimalRow("evt-0") + ",\"c", .. rows]);

        var result = Csv.Read(text);

        Expect.Errors(result, (2, "", "too-long"));
        Assert.Contains("quote is probably never closed", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_over_the_limit_stops_reading_on_its_line_without_holding_its_fields()
    {
        var text = Csv.Lines(Csv.MinimalHeader, Csv.MinimalRow("evt-1"), "\"a\nb\"" + new string(',', 5_000_000), Csv.MinimalRow("evt-2"));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = Csv.Read(text);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Expect.Errors(result, (3, "", "too-long"));
        Assert.False(result.IsComplete);
        Expect.EventLines(result, 2);
        Assert.True(allocated < 50_000_000, $"reading allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Errors_beyond_the_listed_maximum_are_counted_in_one_last_error()
    {
        var extra = 7;
        var rows = Enumerable.Range(1, CsvLimits.MaxListedErrors + extra).Select(i => Csv.Row(("eventId", $"evt-{i}"), ("csat", "9")));
        var result = Csv.Read(Csv.Lines([Csv.FullHeader, .. rows]), maxRows: 100_000);

        Assert.Equal(CsvLimits.MaxListedErrors + 1, result.Errors.Count);
        Assert.All(result.Errors.Take(CsvLimits.MaxListedErrors), e => Assert.Equal("csat", e.Field));
        var last = result.Errors[^1];
        Assert.Equal((CsvLimits.MaxListedErrors + 2, "", "too-many"), (last.Line, last.Field, last.Code));
        Assert.StartsWith($"{extra} more errors", last.Message, StringComparison.Ordinal);
        Assert.True(result.IsComplete);
        Assert.Equal(CsvLimits.MaxListedErrors + extra, result.Rows);
    }
}
