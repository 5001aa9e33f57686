using System.Text.Json.Serialization;

namespace AiRoi.Client;

/// <summary>Who handled a task.</summary>
public enum OutcomeHandler
{
    /// <summary>The AI alone.</summary>
    [JsonStringEnumMemberName("ai")]
    Ai,

    /// <summary>A person alone.</summary>
    [JsonStringEnumMemberName("human")]
    Human,

    /// <summary>The AI with a person's help.</summary>
    [JsonStringEnumMemberName("hybrid")]
    Hybrid,
}

/// <summary>
/// One task an AI (or a person) handled, and how it ended: the outcome event AiRoi computes every figure from. The
/// event id makes a resend harmless: AiRoi counts an event once per use case, however often it arrives.
/// </summary>
/// <param name="EventId">Your id of the task, unique within the use case (a ticket number, a request id).</param>
/// <param name="UseCaseId">The use case, as registered in AiRoi (<c>support-bot</c>).</param>
/// <param name="StartedAt">When the task arrived.</param>
/// <param name="CompletedAt">When its outcome was complete, any human work included.</param>
/// <param name="Handler">Who handled it.</param>
public sealed record Outcome(string EventId, string UseCaseId, DateTimeOffset StartedAt, DateTimeOffset CompletedAt, OutcomeHandler Handler)
{
    /// <summary>The customer, account or user the task was for: the unit of experiment assignment.</summary>
    public string? SubjectId { get; init; }

    /// <summary>Whether the task ended with its goal met.</summary>
    public bool? Resolved { get; init; }

    /// <summary>Whether the task was handed to a person or a higher tier.</summary>
    public bool? Escalated { get; init; }

    /// <summary>Why it was escalated; only with <see cref="Escalated"/> true.</summary>
    public string? EscalationReason { get; init; }

    /// <summary>How many contacts the customer needed; 1 is first contact.</summary>
    public int? Contacts { get; init; }

    /// <summary>The kind of failure when the AI failed or needed help.</summary>
    public string? ExceptionType { get; init; }

    /// <summary>What the AI part cost; leave it out when the task's model calls are traced and AiRoi prices them.</summary>
    public decimal? AiCost { get; init; }

    /// <summary>Minutes of human work on the task.</summary>
    public double? HumanMinutes { get; init; }

    /// <summary>An explicit cost of the human work.</summary>
    public decimal? HumanCost { get; init; }

    /// <summary>Satisfaction answer, 1–5.</summary>
    public int? Csat { get; init; }

    /// <summary>Likelihood-to-recommend answer, 0–10.</summary>
    public int? Nps { get; init; }

    /// <summary>Whether the task converted.</summary>
    public bool? Converted { get; init; }

    /// <summary>What the conversion was worth; only with <see cref="Converted"/> true.</summary>
    public decimal? ConversionValue { get; init; }

    /// <summary>The experiment the subject was assigned in; with <see cref="Variant"/>.</summary>
    public string? ExperimentId { get; init; }

    /// <summary>The variant the subject got; with <see cref="ExperimentId"/>.</summary>
    public string? Variant { get; init; }

    /// <summary>The OpenTelemetry trace of the task; filled from the current activity when left out.</summary>
    public string? TraceId { get; init; }

    /// <summary>Segment labels (region, channel, complexity).</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>Named numbers for the use case's custom metrics.</summary>
    public IReadOnlyDictionary<string, double>? Measures { get; init; }

    /// <summary>Records the variant the subject got in <paramref name="assignment"/> on the outcome (exposure and experiment).</summary>
    public Outcome InVariant(VariantAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return this with { ExperimentId = assignment.ExperimentId, Variant = assignment.Variant, SubjectId = SubjectId ?? assignment.SubjectId };
    }
}
