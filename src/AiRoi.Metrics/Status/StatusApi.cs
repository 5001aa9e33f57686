using System.Runtime;
using AiRoi.ServiceDefaults;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using AiRoi.Contracts.UseCases;
using Orleans.Runtime;

namespace AiRoi.Metrics.Status;

/// <summary>What the metrics service depends on, as it sees it now.</summary>
/// <param name="Service">The service's name.</param>
/// <param name="Database">Its database, as the database answers.</param>
/// <param name="ActiveSilos">Silos the cluster membership lists as active.</param>
public sealed record MetricsStatus(string Service, DatabaseStatus Database, int ActiveSilos);

/// <summary>The silo's memory, for capacity planning: what the grains' metric state costs.</summary>
/// <param name="ManagedBytes">Live managed heap after a full, compacting collection.</param>
/// <param name="ResidentBytes">The process's working set (resident memory) after that collection.</param>
/// <param name="Activations">Grain activations on this silo.</param>
/// <param name="Silo">The silo that answered (its address:port in the cluster), since each silo answers for itself.</param>
public sealed record SiloMemory(long ManagedBytes, long ResidentBytes, int Activations, string Silo);

/// <summary>Where a use case's grain is active in the cluster now: one silo, or none while it is not active.</summary>
/// <param name="UseCaseId">The use case.</param>
/// <param name="Silos">The silos (address:port) holding an activation of its grain; more than one would break its single writer.</param>
/// <param name="ActiveSilos">Every silo the cluster membership lists as active.</param>
public sealed record UseCasePlacement(string UseCaseId, IReadOnlyList<string> Silos, IReadOnlyList<string> ActiveSilos);

/// <summary>The operational status endpoints of the metrics service.</summary>
public static class StatusApi
{
    /// <summary>Maps <c>GET /api/v1/status</c>.</summary>
    public static IEndpointRouteBuilder MapStatusApiV1(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/status", GetStatus)
            .WithName("GetMetricsStatus")
            .WithSummary("The metrics service's database and Orleans cluster as it sees them now.");
        app.MapGet("/api/v1/status/memory", GetMemoryAsync)
            .RequireAdminKey()
            .RequireOrganizationKey("reading the silo's memory")
            .WithName("GetSiloMemory")
            .WithSummary("Forces a full garbage collection and answers the live managed heap, the resident memory and the grain activations of the silo that answers. Admin key; it pauses the silo briefly.");
        app.MapGet("/api/v1/status/placement/{useCaseId}", GetPlacementAsync)
            .RequireAdminKey()
            .RequireOrganizationKey("reading where grains are active")
            .WithName("GetUseCasePlacement")
            .WithSummary("The silos holding an activation of a use case's grain now (at most one), and the active silos. Admin key; it asks every silo.");
        return app;
    }

    private static async Task<Ok<UseCasePlacement>> GetPlacementAsync(string useCaseId, IGrainFactory grains, IClusterMembershipService membership)
    {
        var grainId = grains.GetGrain<IUseCaseGrain>(useCaseId).GetGrainId();
        var activations = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var silos = activations.Where(activation => activation.GrainId == grainId).Select(activation => activation.SiloAddress.Endpoint.ToString()).Order().ToList();
        var active = membership.CurrentSnapshot.Members.Values.Where(member => member.Status == SiloStatus.Active)
            .Select(member => member.SiloAddress.Endpoint.ToString()).Order().ToList();
        return TypedResults.Ok(new UseCasePlacement(useCaseId, silos, active));
    }

    private static async Task<Ok<SiloMemory>> GetMemoryAsync(IGrainFactory grains, ILocalSiloDetails silo) =>
        await Task.Run(async () =>
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            var activations = (await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics([silo.SiloAddress])).Sum(statistic => statistic.ActivationCount);
            return TypedResults.Ok(new SiloMemory(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64, activations, silo.SiloAddress.Endpoint.ToString()));
        });

    private static async Task<Ok<MetricsStatus>> GetStatus(
        NpgsqlDataSource dataSource, IClusterMembershipService membership, CancellationToken cancellationToken)
    {
        var database = await DatabaseStatus.ReadAsync(dataSource, cancellationToken);
        var activeSilos = membership.CurrentSnapshot.Members.Values.Count(member => member.Status == SiloStatus.Active);
        return TypedResults.Ok(new MetricsStatus("metrics", database, activeSilos));
    }
}
