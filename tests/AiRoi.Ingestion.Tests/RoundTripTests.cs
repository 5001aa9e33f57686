using AiRoi.Domain.Events;
using AiRoi.Ingestion.Import;

namespace AiRoi.Ingestion.Tests;

/// <summary>What the writer writes, the reader reads back as the same events.</summary>
public class RoundTripTests
{
    private static readonly DateTimeOffset Started = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static OutcomeEvent[] Events() =>
    [
        new("evt-1", "support-bot", Started, Started.AddMinutes(12), Handler.Hybrid)
        {
            SubjectId = "customer, \"42\"",
            Resolved = true,
            Escalated = true,
            EscalationReason = "billing-dispute",
            Contacts = 2,
            ExceptionType = "=cmd|' /C calc'!A0",
            AiCost = 0.0420m,
            HumanMinutes = 0.1 + 0.2,
            HumanCost = 4.10m,
            Csat = 4,
            Nps = 0,
            Converted = true,
            ConversionValue = 999_999_999.99m,
            ExperimentId = "prompt-v4",
            Variant = "treatment",
            Attributes = new Dictionary<string, string> { ["region"] = "emea", ["channel"] = " chat " },
            Measures = new Dictionary<string, double> { ["handleScore"] = 1e-7, ["dealVelocity"] = -12.5 },
        },
        new("evt-2", "support-bot", new DateTimeOffset(2026, 3, 9, 23, 59, 59, 999, TimeSpan.FromHours(5.5)).AddTicks(1234), Started, Handler.Ai)
        {
            Resolved = false,
            Converted = false,
            Attributes = new Dictionary<string, string> { ["complexity"] = "high" },
        },
        new("evt-3", "billing-bot", Started.AddHours(-1), Started, Handler.Human),
    ];

    [Fact]
    public void Written_events_read_back_equal_with_their_lines()
    {
        var events = Events();
        var text = new StringWriter();
        OutcomeEventCsvWriter.Write(text, events);

        var result = Csv.Read(text.ToString());

        Expect.Valid(result);
        Expect.EventLines(result, 2, 3, 4);
        for (var i = 0; i < events.Length; i++)
        {
            AssertSame(events[i], result.Events[i].Event);
        }
    }

    [Fact]
    public void The_writer_puts_the_fixed_columns_first_then_sorted_map_columns_with_crlf()
    {
        var text = new StringWriter();
        OutcomeEventCsvWriter.Write(text, Events());

        var header = text.ToString().Split("\r\n")[0];
        Assert.Equal(
            string.Join(",", OutcomeEventCsvColumns.Fields) + ",attributes.channel,attributes.complexity,attributes.region,measures.dealVelocity,measures.handleScore",
            header);
    }

    [Fact]
    public void No_events_write_a_header_that_reads_back_as_an_empty_valid_file()
    {
        var text = new StringWriter();
        OutcomeEventCsvWriter.Write(text, []);

        var result = Csv.Read(text.ToString());

        Expect.Valid(result);
        Assert.Equal(0, result.Rows);
    }

    /// <summary>Records compare their maps by reference, so the maps are compared by content and offsets separately.</summary>
    private static void AssertSame(OutcomeEvent expected, OutcomeEvent actual)
    {
        Assert.Equal(expected with { Attributes = null, Measures = null }, actual with { Attributes = null, Measures = null });
        Assert.Equal((expected.StartedAt.Offset, expected.CompletedAt.Offset), (actual.StartedAt.Offset, actual.CompletedAt.Offset));
        Assert.Equal((expected.AiCost?.Scale, expected.HumanCost?.Scale), (actual.AiCost?.Scale, actual.HumanCost?.Scale));
        Assert.Equal(expected.Attributes?.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Attributes?.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Measures?.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Measures?.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
