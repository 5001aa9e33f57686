using AiRoi.Domain.Health;
using AiRoi.Domain.Targets;
using AiRoi.Domain.UseCases;
using AiRoi.Domain;
using AiRoi.Web.Backends;

namespace AiRoi.Web.Display;

/// <summary>The product's words for its enumerations, as the pages show them.</summary>
public static class ProductWords
{
    /// <summary>A category (<c>customer-service</c> reads "Customer service").</summary>
    public static string Category(UseCaseCategory category) => Sentence(WireJson.Name(category));

    /// <summary>A health check, as the product names the mistake.</summary>
    public static string Health(HealthCheck check) => check switch
    {
        HealthCheck.MeasuringOnce => "Measuring once",
        HealthCheck.NoBaseline => "No baseline",
        HealthCheck.IgnoringContext => "Ignoring context",
        HealthCheck.OverOptimizing => "Over-optimizing",
        HealthCheck.NotInvolvingBusiness => "Not involving the business",
        HealthCheck.VanityTrap => "Vanity trap",
        HealthCheck.AiCostNotPriced => "AI cost not priced",
        _ => Sentence(WireJson.Name(check)),
    };

    /// <summary>A target's status.</summary>
    public static string Target(TargetStatus status) => status switch
    {
        TargetStatus.Met => "Met",
        TargetStatus.OnTrack => "On track",
        TargetStatus.AtRisk => "At risk",
        TargetStatus.Missed => "Missed",
        _ => status.ToString(),
    };

    /// <summary>A kebab-case wire name as a sentence ("prompt-change" reads "Prompt change").</summary>
    public static string Sentence(string wireName)
    {
        ArgumentNullException.ThrowIfNull(wireName);
        var words = wireName.Replace('-', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
