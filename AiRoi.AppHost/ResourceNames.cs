namespace AiRoi.AppHost;

/// <summary>
/// Resource names. A database's or broker's name is also its connection name (<c>ConnectionStrings:{name}</c>),
/// and a service's name is its service-discovery host (<c>http://{name}</c>).
/// </summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string MetricsDatabase = "metricsdb";
    public const string IngestionDatabase = "ingestiondb";
    public const string ExperimentsDatabase = "experimentsdb";
    public const string WebDatabase = "webdb";
    public const string ClusterDatabase = "clusterdb";
    public const string Messaging = "messaging";
    public const string OrleansCluster = "cluster";
    public const string Migrations = "migrations";
    public const string Ingestion = "ingestion";
    public const string Metrics = "metrics";
    public const string Experiments = "experiments";
    public const string Web = "web";
    public const string Demo = "demo";

    /// <summary>The SupportBot sample, when asked for.</summary>
    public const string Sample = "support-bot";

    /// <summary>Every service's health endpoint (AiRoi.ServiceDefaults maps it; healthy only when its dependencies answer).</summary>
    public const string HealthPath = "/health";
}
