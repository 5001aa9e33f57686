using System.Text.Json.Serialization;

namespace AiRoi.Domain.Events;

/// <summary>
/// One task, ticket, lead, document or case that was handled by AI, by a human, or by AI with human help: the
/// unit every metric is computed from. Property names camelCase to the wire names (<c>eventId</c>, <c>csat</c>, …).
/// </summary>
/// <remarks>
/// The mandatory fields are constructor parameters and the optional ones init properties, so code cannot forget
/// a mandatory field while a deserializer still fills whatever the client sent; <see cref="OutcomeEventValidator"/>
/// then reports a missing field as <c>required</c> (a missing timestamp arrives as <c>default</c>, a missing
/// handler as 0). Money is <see cref="decimal"/>: sums of decimals are exact, so a grain's running totals equal a
/// recomputation from the event log in any order, and cents never drift. The derived figures are methods rather
/// than properties so that serializing an event yields exactly the wire fields. They assume a valid event.
/// Records compare <see cref="Attributes"/> and <see cref="Measures"/> by reference; compare events by
/// <see cref="EventId"/> and <see cref="UseCaseId"/>, which is how duplicates are defined.
/// </remarks>
/// <param name="EventId">The sender's id of the event, unique per use case; resending it counts once.</param>
/// <param name="UseCaseId">Slug of the use case the event belongs to.</param>
/// <param name="StartedAt">When the task arrived (input received), not when the AI first responded.</param>
/// <param name="CompletedAt">When the outcome was complete, including any human intervention.</param>
/// <param name="Handler">Who handled the task.</param>
public sealed record OutcomeEvent(
    string EventId,
    string UseCaseId,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    Handler Handler)
{
    /// <summary>
    /// The serializer's constructor: every field missing, as a deserializer leaves a field the client did not send.
    /// With it, System.Text.Json sets each field as it reads it; with the positional constructor it would first
    /// skip every optional field, build the event, then go back and read those fields a second time, which made
    /// reading an event about 40 % slower on every path (the API, messages, the log).
    /// </summary>
    [JsonConstructor]
    private OutcomeEvent() : this(null!, null!, default, default, default)
    {
    }

    /// <summary>The customer, account or user the task was for: the unit of experiment assignment.</summary>
    public string? SubjectId { get; init; }

    /// <summary>Whether the task ended with its goal met (question answered, document extracted).</summary>
    public bool? Resolved { get; init; }

    /// <summary>Whether the task was handed to a human or a higher tier.</summary>
    public bool? Escalated { get; init; }

    /// <summary>Why it was escalated (<c>billing-dispute</c>, <c>low-confidence</c>); only with <see cref="Escalated"/> true.</summary>
    public string? EscalationReason { get; init; }

    /// <summary>How many contacts (messages, calls, sessions) the customer needed; 1 means first contact.</summary>
    public int? Contacts { get; init; }

    /// <summary>The kind of failure when the AI failed or needed help (<c>timeout</c>, <c>hallucination</c>); absent otherwise.</summary>
    public string? ExceptionType { get; init; }

    /// <summary>What the AI part of the task cost (model tokens, API fees), in the use case's currency.</summary>
    public decimal? AiCost { get; init; }

    /// <summary>Minutes of human work on the task (oversight, review, takeover).</summary>
    public double? HumanMinutes { get; init; }

    /// <summary>An explicit cost of the human work; when present it wins over <see cref="HumanMinutes"/> × hourly cost.</summary>
    public decimal? HumanCost { get; init; }

    /// <summary>Post-interaction satisfaction answer, 1–5.</summary>
    public int? Csat { get; init; }

    /// <summary>Likelihood-to-recommend answer, 0–10.</summary>
    public int? Nps { get; init; }

    /// <summary>Whether the task converted (lead became a deal, visitor bought).</summary>
    public bool? Converted { get; init; }

    /// <summary>What the conversion was worth; only with <see cref="Converted"/> true.</summary>
    public decimal? ConversionValue { get; init; }

    /// <summary>The experiment the subject was assigned in, if any; always together with <see cref="Variant"/>.</summary>
    public string? ExperimentId { get; init; }

    /// <summary>The variant the subject was assigned to; always together with <see cref="ExperimentId"/>.</summary>
    public string? Variant { get; init; }

    /// <summary>
    /// The OpenTelemetry trace of the task (32 hex digits), when its model calls are traced: their cost, priced from
    /// the spans, becomes the event's AI cost unless the event states <see cref="AiCost"/> itself.
    /// </summary>
    public string? TraceId { get; init; }

    /// <summary>Segment labels for fair comparisons (region, channel, complexity); small and bounded.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>Named numbers for the use case's custom metrics, e.g. <c>dealVelocity</c>.</summary>
    public IReadOnlyDictionary<string, double>? Measures { get; init; }

    /// <summary>Time from input to completed outcome, human intervention included.</summary>
    public TimeSpan ResolutionTime() => CompletedAt - StartedAt;

    /// <summary>
    /// Total cost of the task: AI cost plus human cost, where the human cost is <see cref="HumanCost"/> when given,
    /// else <see cref="HumanMinutes"/> × <paramref name="loadedHumanCostPerHour"/> / 60. A missing part counts as
    /// nothing; null when the event carries no cost figure at all, so unknown costs stay out of the mean.
    /// </summary>
    /// <param name="loadedHumanCostPerHour">The use case's fully loaded cost of one human hour.</param>
    public decimal? CostToServe(decimal loadedHumanCostPerHour)
    {
        if (AiCost is null && HumanCost is null && HumanMinutes is null)
        {
            return null;
        }

        var human = HumanCost ?? (HumanMinutes is { } minutes ? (decimal)minutes * loadedHumanCostPerHour / 60m : 0m);
        return (AiCost ?? 0m) + human;
    }

    /// <summary>
    /// Resolved in one contact without escalation. Null when <see cref="Resolved"/> is unknown, so such events stay
    /// out of the rate. A missing <see cref="Escalated"/> or <see cref="Contacts"/> reads as "no escalation" and
    /// "one contact": senders report the exceptions, not their absence.
    /// </summary>
    public bool? IsFirstContactResolved() =>
        Resolved is { } resolved ? resolved && Escalated != true && (Contacts ?? 1) <= 1 : null;

    /// <summary>Whether the AI failed or needed help, i.e. an <see cref="ExceptionType"/> is present.</summary>
    public bool IsException() => !string.IsNullOrWhiteSpace(ExceptionType);

    /// <summary>Whether the CSAT answer is 4 or 5; null without a CSAT answer.</summary>
    public bool? IsCsatSatisfied() => Csat is { } csat ? csat >= SurveyScales.CsatSatisfiedMin : null;

    /// <summary>Whether the NPS answer is 9 or 10; null without an NPS answer.</summary>
    public bool? IsNpsPromoter() => Nps is { } nps ? nps >= SurveyScales.NpsPromoterMin : null;

    /// <summary>Whether the NPS answer is 0–6; null without an NPS answer.</summary>
    public bool? IsNpsDetractor() => Nps is { } nps ? nps <= SurveyScales.NpsDetractorMax : null;
}
