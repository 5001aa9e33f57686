namespace AiRoi.Metrics;

/// <summary>The database the metrics service owns: use cases, the outcome-event log, grain snapshots.</summary>
public static class MetricsDatabase
{
    /// <summary>The connection name the app host provides (<c>ConnectionStrings:metricsdb</c>).</summary>
    public const string ConnectionName = "metricsdb";
}
