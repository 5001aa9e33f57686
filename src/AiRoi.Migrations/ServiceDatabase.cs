namespace AiRoi.Migrations;

/// <summary>
/// A database owned by one service, and the folder of <c>Scripts/</c> that holds its migrations.
/// The connection name is the one the app host gives the service (<c>ConnectionStrings:{name}</c>).
/// </summary>
public sealed record ServiceDatabase(string ConnectionName, string ScriptFolder)
{
    /// <summary>Every database, in the order they are migrated.</summary>
    public static readonly IReadOnlyList<ServiceDatabase> All =
    [
        new("metricsdb", "Metrics"),
        new("ingestiondb", "Ingestion"),
        new("experimentsdb", "Experiments"),
        new("webdb", "Web"),
        // Orleans cluster membership: the silos and the clients that find them (ADR-0037).
        new("clusterdb", "Cluster"),
    ];
}
