using AiRoi.Domain.Metrics;

namespace AiRoi.Domain.UseCases;

/// <summary>
/// One AI deployment whose return AiRoi measures: what it is, who owns it, what it costs, and what success means.
/// Property names camelCase to the wire names.
/// </summary>
/// <remarks>
/// Mandatory fields are constructor parameters, optional ones init properties with their defaults, as in
/// <see cref="Events.OutcomeEvent"/>; <see cref="UseCaseValidator"/> reports whatever a client left out.
/// </remarks>
/// <param name="Id">Slug (<c>emea-support-chatbot</c>); events name their use case by it, so it never changes.</param>
/// <param name="Name">Display name, 1–200 characters.</param>
/// <param name="Category">Kind of work; selects the pre-selected key metrics.</param>
/// <param name="UnitEconomics">Loaded hourly cost, value per conversion, fixed monthly costs.</param>
/// <param name="PrimaryMetric">The metric that decides whether the use case succeeds: a built-in key or a custom metric name.</param>
public sealed record UseCase(
    string Id,
    string Name,
    UseCaseCategory Category,
    UnitEconomics UnitEconomics,
    string PrimaryMetric)
{
    /// <summary>The business owner; null means nobody on the business side owns it yet (a health-check finding).</summary>
    public BusinessOwner? BusinessOwner { get; init; }

    /// <summary>When the AI went (or goes) live; events before it form the before-AI baseline.</summary>
    public DateOnly? AiGoLiveDate { get; init; }

    /// <summary>Metrics that must not get worse while the primary metric improves (the over-optimizing check).</summary>
    public IReadOnlyList<string> GuardrailMetrics { get; init; } = [];

    /// <summary>The success definition: thresholds with due dates.</summary>
    public IReadOnlyList<Target> Targets { get; init; } = [];

    /// <summary>Metrics outside the built-in catalog, fed by the events' measures.</summary>
    public IReadOnlyList<CustomMetricDefinition> CustomMetrics { get; init; } = [];

    /// <summary>
    /// Longest acceptable gap between events; a longer silence is the "measuring once" mistake. Monthly by
    /// default, matching the monthly review docs/product.md recommends.
    /// </summary>
    public int ReviewCadenceDays { get; init; } = UseCaseLimits.DefaultReviewCadenceDays;

    /// <summary>
    /// Event attributes whose values the metrics are also kept by (segments), for breakdowns and for AI-vs-human
    /// comparisons stratified so that AI getting the easy cases does not flatter it. At most three; complexity and
    /// segment unless chosen otherwise.
    /// </summary>
    public IReadOnlyList<string> SegmentDimensions { get; init; } = UseCaseLimits.DefaultSegmentDimensions;

    /// <summary>Retired use cases keep their history and reports but no longer take events or count in health checks.</summary>
    public bool Archived { get; init; }

    /// <summary>The definition behind a metric key: a built-in metric, else a custom metric; null when unknown.</summary>
    public MetricDefinition? ResolveMetric(string key) => MetricCatalog.Resolve(key, CustomMetrics ?? []);
}
