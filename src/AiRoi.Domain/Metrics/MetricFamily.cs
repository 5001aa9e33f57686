namespace AiRoi.Domain.Metrics;

/// <summary>The six value-metric families that are built in and computed from outcome event fields.</summary>
public enum MetricFamily
{
    /// <summary>Completed − started, human intervention included: speed to resolution, not response time.</summary>
    ResolutionTime = 1,

    /// <summary>AI cost plus human oversight cost per task, against the pre-AI cost per task.</summary>
    CostToServe = 2,

    /// <summary>Conversion rate and value: before vs after the AI, treatment vs control in experiments.</summary>
    ConversionLift = 3,

    /// <summary>Share resolved in one contact with no escalation; escalations by reason.</summary>
    FirstContactResolution = 4,

    /// <summary>CSAT (mean, % satisfied) and NPS, AI-handled vs human-handled.</summary>
    CustomerSatisfaction = 5,

    /// <summary>Share of tasks where the AI failed or needed help, by exception type; falling means improving.</summary>
    ExceptionRate = 6,
}
