namespace AiRoi.Domain.Metrics;

/// <summary>What a metric is for; every metric carries one of the two, and the UI groups by it.</summary>
public enum MetricRole
{
    /// <summary>AI performance (speed, accuracy, reliability): for debugging and improving the AI.</summary>
    Process = 1,

    /// <summary>Business result (sales, savings, satisfaction): for justifying the investment.</summary>
    Output = 2,
}
