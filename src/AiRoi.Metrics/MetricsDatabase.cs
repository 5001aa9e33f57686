namespace AiRoi.Metrics;

/// <summary>The database the metrics service owns: use cases, the outcome-event log, grain snapshots.</summary>
public static class MetricsDatabase
{
    /// <summary>The connection name the app host provides (<c>ConnectionStrings:metricsdb</c>).</summary>
    public const string ConnectionName = "metricsdb";

    /// <summary>The connection name of the message broker (<c>ConnectionStrings:messaging</c>).</summary>
    public const string BrokerConnectionName = "messaging";
}
