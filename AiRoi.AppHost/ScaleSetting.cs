using Microsoft.Extensions.Configuration;

namespace AiRoi.AppHost;

/// <summary>
/// How many processes of each scalable service the app host starts: metrics silos (<c>Scale:MetricsSilos</c>),
/// ingestion nodes (<c>Scale:IngestionNodes</c>) and experiment services (<c>Scale:ExperimentServices</c>). Each is 1
/// unless set (e.g. <c>Scale__MetricsSilos=2 ./airoi run</c>); the scale-out tests run 2 of each.
/// </summary>
public sealed record ScaleSetting(int MetricsSilos, int IngestionNodes, int ExperimentServices)
{
    public const string MetricsSilosKey = "Scale:MetricsSilos";
    public const string IngestionNodesKey = "Scale:IngestionNodes";
    public const string ExperimentServicesKey = "Scale:ExperimentServices";

    /// <summary>More than this many processes of one service on one machine is a mistake, not a plan.</summary>
    public const int MaxReplicas = 16;

    /// <summary>Reads the three counts; a count below 1 or above <see cref="MaxReplicas"/> stops the app host with the key's name.</summary>
    public static ScaleSetting Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new ScaleSetting(Count(configuration, MetricsSilosKey), Count(configuration, IngestionNodesKey), Count(configuration, ExperimentServicesKey));
    }

    private static int Count(IConfiguration configuration, string key)
    {
        var count = configuration.GetValue(key, 1);
        return count is >= 1 and <= MaxReplicas
            ? count
            : throw new InvalidOperationException($"{key} must be between 1 and {MaxReplicas}; it is {count}.");
    }
}
