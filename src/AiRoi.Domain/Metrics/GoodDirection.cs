namespace AiRoi.Domain.Metrics;

/// <summary>Which way a metric should move for the business to be better off.</summary>
public enum GoodDirection
{
    /// <summary>Larger is better (conversion rate, CSAT, tasks completed).</summary>
    Higher = 1,

    /// <summary>Smaller is better (resolution time, cost per task, exception rate).</summary>
    Lower = 2,
}
