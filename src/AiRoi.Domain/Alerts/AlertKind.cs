namespace AiRoi.Domain.Alerts;

/// <summary>What an alert rule watches for. Each is a condition that starts to hold; a rule is told once when it does.</summary>
public enum AlertKind
{
    /// <summary>A health check (a classic measurement mistake) starts to apply to a use case.</summary>
    HealthCheck = 1,

    /// <summary>A target turns at risk or missed.</summary>
    TargetAtRisk = 2,

    /// <summary>A running experiment's treatment worsens a guardrail metric beyond the tolerance.</summary>
    GuardrailDegraded = 3,

    /// <summary>A running experiment's exposures fail the sample-ratio check: its split is broken.</summary>
    SampleRatioMismatch = 4,

    /// <summary>Traced model calls of the use case that never found their outcome event.</summary>
    AiSpendWithNoOutcome = 5,
}
