using AiRoi.Domain.Events;

namespace AiRoi.Domain.Tests;

/// <summary>Fixed instants and a fully valid event for the tests to break one field at a time.</summary>
internal static class Events
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Started = Now.AddHours(-2);

    public static OutcomeEvent Minimal() => new("evt-1", "support-bot", Started, Started.AddMinutes(12), Handler.Ai);

    /// <summary>Every field set to a valid value.</summary>
    public static OutcomeEvent Full() => Minimal() with
    {
        SubjectId = "customer-42",
        Resolved = true,
        Escalated = true,
        EscalationReason = "billing-dispute",
        Contacts = 2,
        ExceptionType = "low-confidence",
        AiCost = 0.042m,
        HumanMinutes = 6.5,
        HumanCost = 4.10m,
        Csat = 4,
        Nps = 9,
        Converted = true,
        ConversionValue = 129.99m,
        ExperimentId = "prompt-v4",
        Variant = "treatment",
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
        Attributes = new Dictionary<string, string> { ["region"] = "emea", ["complexity"] = "high" },
        Measures = new Dictionary<string, double> { ["handleScore"] = 0.83, ["dealVelocity"] = 12 },
    };

    public static IReadOnlyList<ValidationError> Validate(OutcomeEvent e) => OutcomeEventValidator.Validate(e, Now, EventLimits.Default);
}
