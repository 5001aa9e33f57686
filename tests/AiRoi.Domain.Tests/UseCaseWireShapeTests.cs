using System.Text.Json;
using System.Text.Json.Serialization;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Tests;

/// <summary>A use case travels as JSON with web defaults and kebab-case enums, with no attributes in the domain.</summary>
public class UseCaseWireShapeTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    [Fact]
    public void A_use_case_round_trips_through_json()
    {
        var json = JsonSerializer.Serialize(UseCases.Full(), Web);
        var copy = JsonSerializer.Deserialize<UseCase>(json, Web)!;

        Assert.Equal(json, JsonSerializer.Serialize(copy, Web));
        Expect.Valid(UseCaseValidator.Validate(copy));
    }

    [Fact]
    public void Field_names_and_enum_values_use_the_product_vocabulary()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(UseCases.Full(), Web));
        var root = json.RootElement;

        Assert.Equal(
            ["aiGoLiveDate", "archived", "businessOwner", "category", "customMetrics", "guardrailMetrics", "id", "name",
             "primaryMetric", "reviewCadenceDays", "segmentDimensions", "targets", "unitEconomics"],
            root.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("customer-service", root.GetProperty("category").GetString());
        Assert.Equal("at-least", root.GetProperty("targets")[0].GetProperty("direction").GetString());
        Assert.Equal("2026-01-15", root.GetProperty("aiGoLiveDate").GetString());
        Assert.Equal(
            ["currency", "fixedMonthlyCosts", "implementationCost", "loadedHumanCostPerHour", "valuePerConversion"],
            root.GetProperty("unitEconomics").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public void A_missing_category_is_reported_not_defaulted()
    {
        var useCase = JsonSerializer.Deserialize<UseCase>(
            """{"id":"bot","name":"Bot","unitEconomics":{"loadedHumanCostPerHour":40,"valuePerConversion":0,"fixedMonthlyCosts":[]},"primaryMetric":"fcrRate"}""", Web)!;

        Expect.Single(UseCaseValidator.Validate(useCase), "category", ValidationCodes.Required);
        Assert.Equal(30, useCase.ReviewCadenceDays);
    }
}
