using AiRoi.Domain.Metrics;
using AiRoi.Domain.UseCases;

namespace AiRoi.Metrics.UseCases;

/// <summary>
/// The body of <c>POST /api/v1/use-cases</c> and <c>PUT /api/v1/use-cases/{id}</c>: a whole use case definition.
/// Unknown fields are refused. <c>archived</c>, <c>revision</c> and the timestamps are the registry's, not the
/// client's: archive with <c>POST …/archive</c>, and send the revision as <c>If-Match</c>.
/// </summary>
/// <remarks>
/// Every field is nullable so that a missing one reaches <see cref="UseCaseValidator"/> and is reported as
/// <c>required</c> with its path, rather than failing deserialization without one.
/// </remarks>
public sealed record UseCaseRequest
{
    /// <summary>
    /// Slug (<c>emea-support-chatbot</c>): lowercase letters and digits joined by single hyphens, at most 64.
    /// Required on create; on replace it may be left out and must otherwise equal the id in the URL.
    /// </summary>
    public string? Id { get; init; }

    /// <summary>Required. Display name, 1–200 characters.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// Required. <c>customer-service</c>, <c>sales</c>, <c>marketing</c>, <c>operations</c>, <c>content</c> or
    /// <c>other</c>.
    /// </summary>
    public UseCaseCategory? Category { get; init; }

    /// <summary>The business owner (name and e-mail); leaving it out is allowed but flagged by the health checks.</summary>
    public BusinessOwner? BusinessOwner { get; init; }

    /// <summary>When the AI went (or goes) live, <c>yyyy-MM-dd</c>; events before it form the before-AI baseline.</summary>
    public DateOnly? AiGoLiveDate { get; init; }

    /// <summary>Required. Loaded human cost per hour, value per conversion, fixed monthly costs (a list, possibly empty).</summary>
    public UnitEconomics? UnitEconomics { get; init; }

    /// <summary>
    /// Required. The metric that decides success: a built-in key (<c>fcrRate</c>) or one of <see cref="CustomMetrics"/>.
    /// Not filled in from the category: the business owner picks it (ADR-0008).
    /// </summary>
    public string? PrimaryMetric { get; init; }

    /// <summary>Metrics that must not get worse while the primary metric improves; at most 10, none equal to the primary.</summary>
    public IReadOnlyList<string>? GuardrailMetrics { get; init; }

    /// <summary>The success definition: thresholds with due dates; at most 20.</summary>
    public IReadOnlyList<Target>? Targets { get; init; }

    /// <summary>Metrics outside the built-in catalog, fed by the events' measures of the same name; at most 50.</summary>
    public IReadOnlyList<CustomMetricDefinition>? CustomMetrics { get; init; }

    /// <summary>
    /// Event attributes to keep metrics by (segments), at most 3 identifiers; <c>complexity</c> and <c>segment</c>
    /// when left out. Changing them rebuilds the use case's metrics from its event log.
    /// </summary>
    public IReadOnlyList<string>? SegmentDimensions { get; init; }

    /// <summary>Longest acceptable gap between events in days, 1–365; 30 when left out.</summary>
    public int? ReviewCadenceDays { get; init; }

    /// <summary>
    /// The domain use case this body describes, under <paramref name="id"/>. Absent lists are empty and an absent
    /// cadence takes the default; anything else missing stays missing, for the validator to report.
    /// </summary>
    public UseCase ToUseCase(string? id) =>
        new(id!, Name!, Category ?? default, UnitEconomics!, PrimaryMetric!)
        {
            BusinessOwner = BusinessOwner,
            AiGoLiveDate = AiGoLiveDate,
            GuardrailMetrics = GuardrailMetrics ?? [],
            Targets = Targets ?? [],
            CustomMetrics = CustomMetrics ?? [],
            SegmentDimensions = SegmentDimensions ?? UseCaseLimits.DefaultSegmentDimensions,
            ReviewCadenceDays = ReviewCadenceDays ?? UseCaseLimits.DefaultReviewCadenceDays,
        };
}
