using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiRoi.Client.Tests;

/// <summary>The client writes outcome events as the ingestion API reads them.</summary>
public sealed class OutcomeWireTests
{
    [Fact]
    public void An_outcome_is_written_with_the_wire_names_and_without_absent_fields()
    {
        var outcome = new Outcome("t-1", "support-bot", new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 20, 10, 7, 30, TimeSpan.Zero), OutcomeHandler.Hybrid)
        {
            Resolved = true,
            AiCost = 0.04m,
            Attributes = new Dictionary<string, string> { ["region"] = "emea" },
        }.InVariant(new VariantAssignment("exp-1", "customer-7", "short"));

        var json = JsonNode.Parse(JsonSerializer.Serialize(new EventBatch([outcome]), ClientJson.Default.EventBatch))!["events"]![0]!.AsObject();

        Assert.Equal(["eventId", "useCaseId", "startedAt", "completedAt", "handler", "subjectId", "resolved", "aiCost", "experimentId", "variant", "attributes"],
            json.Select(property => property.Key));
        Assert.Equal(("hybrid", "customer-7", "2026-11-20T10:07:30+00:00"), (json["handler"]!.GetValue<string>(), json["subjectId"]!.GetValue<string>(), json["completedAt"]!.GetValue<string>()));
    }

    [Fact]
    public void Options_without_an_endpoint_or_key_are_refused_at_construction()
    {
        Assert.Throws<ArgumentException>(() => new AiRoiClient(new AiRoiOptions { ApiKey = "k" }));
        Assert.Throws<ArgumentException>(() => new AiRoiClient(new AiRoiOptions { IngestionEndpoint = new Uri("http://localhost:5081") }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AiRoiClient(new AiRoiOptions { IngestionEndpoint = new Uri("http://localhost:5081"), ApiKey = "k", BatchSize = 20_000 }));
    }
}
