using AiRoi.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Orleans.Runtime;

namespace AiRoi.Ingestion.Status;

/// <summary>What the ingestion service depends on, as it sees it now.</summary>
/// <param name="Service">The service's name.</param>
/// <param name="Database">Its database, as the database answers.</param>
/// <param name="ActiveSilos">Active silos, as the cluster answers a management grain call.</param>
public sealed record IngestionStatus(string Service, DatabaseStatus Database, int ActiveSilos);

/// <summary>The operational status endpoint of the ingestion service.</summary>
public static class StatusApi
{
    /// <summary>Maps <c>GET /api/v1/status</c>.</summary>
    public static IEndpointRouteBuilder MapStatusApiV1(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/status", GetStatus)
            .WithName("GetIngestionStatus")
            .WithSummary("The ingestion service's database and Orleans cluster as it sees them now.");
        return app;
    }

    private static async Task<Ok<IngestionStatus>> GetStatus(
        NpgsqlDataSource dataSource, IClusterClient client, CancellationToken cancellationToken)
    {
        var database = await DatabaseStatus.ReadAsync(dataSource, cancellationToken);
        var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellationToken);
        return TypedResults.Ok(new IngestionStatus("ingestion", database, hosts.Count));
    }
}
