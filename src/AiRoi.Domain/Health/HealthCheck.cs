namespace AiRoi.Domain.Health;

/// <summary>
/// The common measurement mistakes AiRoi detects. Wire names: <c>measuring-once</c>, <c>no-baseline</c>,
/// <c>ignoring-context</c>, <c>over-optimizing</c>, <c>not-involving-business</c>, <c>vanity-trap</c>,
/// <c>ai-cost-not-priced</c>.
/// </summary>
public enum HealthCheck
{
    /// <summary>No events for longer than the review cadence: the use case was measured once and then forgotten.</summary>
    MeasuringOnce = 1,

    /// <summary>A key metric has no baseline, so no improvement can be shown.</summary>
    NoBaseline = 2,

    /// <summary>A significant shift in a key metric with no annotation near it: something changed that nobody recorded.</summary>
    IgnoringContext = 3,

    /// <summary>The primary metric improved while a guardrail metric got significantly worse.</summary>
    OverOptimizing = 4,

    /// <summary>No business owner, or no targets: IT picked the metrics, not the business.</summary>
    NotInvolvingBusiness = 5,

    /// <summary>The primary metric is a vanity metric, or no value metric is among the key metrics.</summary>
    VanityTrap = 6,

    /// <summary>Traced model calls of a model with no price: their AI cost is unknown, so cost to serve is understated.</summary>
    AiCostNotPriced = 7,
}
