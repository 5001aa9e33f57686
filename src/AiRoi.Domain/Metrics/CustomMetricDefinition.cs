namespace AiRoi.Domain.Metrics;

/// <summary>
/// A metric outside the six families, declared per use case and fed by the outcome events' measure of the same
/// name (<c>measures.dealVelocity</c>).
/// </summary>
/// <param name="Name">Identifier and measure name (<c>dealVelocity</c>); must not collide with a built-in key.</param>
/// <param name="DisplayName">Name shown to business owners.</param>
/// <param name="Unit">What the measure is measured in.</param>
/// <param name="Aggregation">How the measures of a period become one figure.</param>
/// <param name="GoodDirection">Which way is better for the business.</param>
/// <param name="Kind">Value or vanity.</param>
/// <param name="Role">Process or output.</param>
/// <param name="Description">Optional: what a sender should put in the measure.</param>
public sealed record CustomMetricDefinition(
    string Name,
    string DisplayName,
    MetricUnit Unit,
    Aggregation Aggregation,
    GoodDirection GoodDirection,
    ValueKind Kind,
    MetricRole Role,
    string? Description = null)
{
    /// <summary>The same metric as a catalog row, so that built-in and custom metrics are handled alike.</summary>
    public MetricDefinition ToMetricDefinition() =>
        new(Name, DisplayName, null, Unit, Aggregation, GoodDirection, Kind, Role, Description ?? "");
}
