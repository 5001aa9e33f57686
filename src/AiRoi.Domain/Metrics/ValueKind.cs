namespace AiRoi.Domain.Metrics;

/// <summary>
/// Whether a metric is tied to a business outcome. Named <c>ValueKind</c> rather than <c>MetricKind</c> because
/// AiRoi.Statistics already has a <c>MetricKind</c> (proportion, mean, ratio) and both are used side by side.
/// </summary>
public enum ValueKind
{
    /// <summary>Tied to a business outcome (resolution rate, CSAT, tasks completed); counts toward ROI.</summary>
    Value = 1,

    /// <summary>
    /// Not tied to a business outcome (model accuracy, prompts submitted, active users). May be recorded, is always
    /// labelled as vanity, and never counts toward ROI.
    /// </summary>
    Vanity = 2,
}
