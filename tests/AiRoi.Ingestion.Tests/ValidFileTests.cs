using System.Text.Json;
using AiRoi.Domain.Events;
using AiRoi.Ingestion.Import;

namespace AiRoi.Ingestion.Tests;

/// <summary>A well-formed file becomes exactly the events it spells out, each with the line its row starts on.</summary>
public class ValidFileTests
{
    [Fact]
    public void Every_column_is_read_into_its_field()
    {
        var result = Csv.Read(Csv.Lines(Csv.FullHeader, Csv.Row()));

        Expect.Valid(result);
        var e = Assert.Single(result.Events);
        Assert.Equal(2, e.Line);
        var started = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
        var expected = new OutcomeEvent("evt-1", "support-bot", started, started.AddMinutes(12), Handler.Hybrid)
        {
            SubjectId = "customer-42",
            Resolved = true,
            Escalated = true,
            EscalationReason = "billing-dispute",
            Contacts = 2,
            ExceptionType = "low-confidence",
            AiCost = 0.042m,
            HumanMinutes = 6.5,
            HumanCost = 4.10m,
            Csat = 4,
            Nps = 9,
            Converted = true,
            ConversionValue = 129.99m,
            ExperimentId = "prompt-v4",
            Variant = "treatment",
        };
        Assert.Equal(expected, e.Event with { Attributes = null, Measures = null });
        Assert.Equal(new Dictionary<string, string> { ["region"] = "emea" }, e.Event.Attributes);
        Assert.Equal(new Dictionary<string, double> { ["handleScore"] = 0.83 }, e.Event.Measures);
    }

    [Fact]
    public void Blank_cells_are_absent_fields_and_blank_lines_are_not_rows()
    {
        var blanks = Csv.Row(("subjectId", ""), ("resolved", ""), ("escalated", ""), ("escalationReason", ""), ("contacts", " "),
            ("exceptionType", ""), ("aiCost", ""), ("humanMinutes", ""), ("humanCost", ""), ("csat", ""), ("nps", ""),
            ("converted", ""), ("conversionValue", ""), ("experimentId", ""), ("variant", ""), ("attributes.region", ""),
            ("measures.handleScore", ""), ("eventId", "evt-2"));

        var result = Csv.Read(Csv.Lines(Csv.FullHeader, "", Csv.Row(), "", "", blanks, ",,,,"));

        Expect.Valid(result);
        Expect.EventLines(result, 3, 6);
        Assert.Equal(2, result.Rows);
        var e = result.Events[1].Event;
        Assert.Equal(new OutcomeEvent("evt-2", "support-bot", e.StartedAt, e.CompletedAt, Handler.Hybrid), e);
    }

    [Theory]
    [InlineData("startedAt", "2026-03-10T10:00+01:00", "2026-03-10T09:00:00Z")]
    [InlineData("startedAt", "2026-03-10T04:30:00.25-04:30", "2026-03-10T09:00:00.25Z")]
    [InlineData("startedAt", "2026-03-10T09:00:00.1234567+00:00", "2026-03-10T09:00:00.1234567Z")]
    [InlineData("startedAt", " 2026-03-10T09:00:00Z ", "2026-03-10T09:00:00Z")]
    public void Timestamps_are_iso_8601_with_any_offset(string column, string written, string instant)
    {
        var result = Csv.Read(Csv.Lines(Csv.FullHeader, Csv.Row((column, written))));

        Expect.Valid(result);
        var parsed = result.Events[0].Event.StartedAt;
        Assert.Equal(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), parsed);
        Assert.Equal(DateTimeOffset.ParseExact(written.Trim(), ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"],
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal).Offset, parsed.Offset);
    }

    [Theory]
    [InlineData("TRUE", true)]
    [InlineData("False", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    public void Booleans_are_true_false_or_one_zero_in_any_case(string written, bool expected)
    {
        var result = Csv.Read(Csv.Lines(Csv.FullHeader, Csv.Row(("resolved", written))));

        Expect.Valid(result);
        Assert.Equal(expected, result.Events[0].Event.Resolved);
    }

    [Theory]
    [InlineData("ai", Handler.Ai)]
    [InlineData("Human", Handler.Human)]
    [InlineData("HYBRID", Handler.Hybrid)]
    public void The_handler_is_its_wire_name_in_any_case(string written, Handler expected)
    {
        var result = Csv.Read(Csv.Lines(Csv.FullHeader, Csv.Row(("handler", written))));

        Expect.Valid(result);
        Assert.Equal(expected, result.Events[0].Event.Handler);
    }

    [Fact]
    public void Numbers_use_a_point_and_may_have_a_sign_or_an_exponent()
    {
        var result = Csv.Read(Csv.Lines(Csv.FullHeader, Csv.Row(("aiCost", "1.5e-2"), ("humanMinutes", " 7 "), ("measures.handleScore", "-0.5"), ("conversionValue", "+10"))));

        Expect.Valid(result);
        var e = result.Events[0].Event;
        Assert.Equal((0.015m, 7d, -0.5, 10m), (e.AiCost, e.HumanMinutes, e.Measures!["handleScore"], e.ConversionValue));
    }

    [Fact]
    public void The_columns_are_exactly_the_event_wire_names()
    {
        var wireNames = typeof(OutcomeEvent).GetProperties()
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Except(["attributes", "measures"])
            .Order(StringComparer.Ordinal);

        Assert.Equal(wireNames, OutcomeEventCsvColumns.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_use_case_named_by_the_importer_fills_every_row()
    {
        var result = Csv.Read(Csv.Lines("eventId,startedAt,completedAt,handler", "evt-1,2026-03-10T09:00:00Z,2026-03-10T09:12:00Z,ai"),
            useCaseId: "billing-bot");

        Expect.Valid(result);
        Assert.Equal("billing-bot", result.Events[0].Event.UseCaseId);
    }

    [Fact]
    public void A_use_case_column_may_repeat_the_importers_use_case_or_stay_blank()
    {
        var result = Csv.Read(Csv.Lines(Csv.FullHeader, Csv.Row(), Csv.Row(("eventId", "evt-2"), ("useCaseId", ""))), useCaseId: "support-bot");

        Expect.Valid(result);
        Assert.All(result.Events, e => Assert.Equal("support-bot", e.Event.UseCaseId));
    }

    [Fact]
    public void A_byte_order_mark_before_the_header_is_not_part_of_the_first_name()
    {
        var text = Csv.Lines(Csv.MinimalHeader, Csv.MinimalRow("evt-1"));
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(text)).ToArray();

        var fromBytes = OutcomeEventCsvReader.Read(new MemoryStream(bytes), Csv.Now, EventLimits.Default, 10);
        var fromText = Csv.Read("\uFEFF" + text);

        Expect.Valid(fromBytes);
        Expect.Valid(fromText);
        Assert.Equal("evt-1", fromBytes.Events[0].Event.EventId);
        Assert.Equal("evt-1", fromText.Events[0].Event.EventId);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_an_error_not_an_exception()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Csv.Lines(Csv.MinimalHeader, Csv.MinimalRow("evt-1"))).Concat(new byte[] { 0xFF, 0xFE, 0x41, 0x0A }).ToArray();

        var result = OutcomeEventCsvReader.Read(new MemoryStream(bytes), Csv.Now, EventLimits.Default, 10);

        Assert.False(result.IsComplete);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("", "invalid-format"), (error.Field, error.Code));
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }
}
