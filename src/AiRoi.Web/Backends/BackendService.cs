namespace AiRoi.Web.Backends;

/// <summary>
/// One of the APIs the web frontend calls, by its service-discovery name (the app host's resource name).
/// </summary>
/// <param name="Name">The resource name, which is also the HTTP client's name and host (<c>http://{Name}</c>).</param>
/// <param name="Title">What a person calls it.</param>
public sealed record BackendService(string Name, string Title)
{
    /// <summary>The ingestion API.</summary>
    public static readonly BackendService Ingestion = new("ingestion", "Ingestion");

    /// <summary>The metrics API (the Orleans silo).</summary>
    public static readonly BackendService Metrics = new("metrics", "Metrics");

    /// <summary>The experiments API.</summary>
    public static readonly BackendService Experiments = new("experiments", "Experiments");

    /// <summary>Every API the frontend depends on.</summary>
    public static readonly IReadOnlyList<BackendService> All = [Ingestion, Metrics, Experiments];
}
