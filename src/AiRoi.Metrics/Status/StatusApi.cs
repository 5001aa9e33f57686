using AiRoi.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Orleans.Runtime;

namespace AiRoi.Metrics.Status;

/// <summary>What the metrics service depends on, as it sees it now.</summary>
/// <param name="Service">The service's name.</param>
/// <param name="Database">Its database, as the database answers.</param>
/// <param name="ActiveSilos">Silos the cluster membership lists as active.</param>
public sealed record MetricsStatus(string Service, DatabaseStatus Database, int ActiveSilos);

/// <summary>The operational status endpoint of the metrics service.</summary>
public static class StatusApi
{
    /// <summary>Maps <c>GET /api/v1/status</c>.</summary>
    public static IEndpointRouteBuilder MapStatusApiV1(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/status", GetStatus)
            .WithName("GetMetricsStatus")
            .WithSummary("The metrics service's database and Orleans cluster as it sees them now.");
        return app;
    }

    private static async Task<Ok<MetricsStatus>> GetStatus(
        NpgsqlDataSource dataSource, IClusterMembershipService membership, CancellationToken cancellationToken)
    {
        var database = await DatabaseStatus.ReadAsync(dataSource, cancellationToken);
        var activeSilos = membership.CurrentSnapshot.Members.Values.Count(member => member.Status == SiloStatus.Active);
        return TypedResults.Ok(new MetricsStatus("metrics", database, activeSilos));
    }
}
