using Aspire.Hosting.Orleans;
using Microsoft.Extensions.Configuration;

namespace AiRoi.AppHost;

/// <summary>
/// How the silos and their clients find each other: Orleans' ADO.NET clustering on the cluster's PostgreSQL
/// database (ADR-0037). Silos write themselves into the membership table; clients read the gateways from it, so any
/// number of silo and client replicas need no address handed to them.
/// </summary>
public static class OrleansWiring
{
    /// <summary>Where a silo advertises itself (and listens): loopback unless <c>Orleans:AdvertisedIPAddress</c> says otherwise.</summary>
    public const string AdvertisedAddressSettingKey = "Orleans:AdvertisedIPAddress";

    /// <summary>When true, silos listen on every interface (a second machine can reach them) rather than on the advertised address only.</summary>
    public const string ListenOnAnyAddressSettingKey = "Orleans:ListenOnAnyAddress";

    /// <summary>Membership in the cluster database for the silos and the clients of <paramref name="orleans"/>.</summary>
    public static OrleansService WithPostgresClustering(this OrleansService orleans, IResourceBuilder<IResourceWithConnectionString> clusterDatabase) =>
        orleans.WithClustering(new PostgresClustering(clusterDatabase));

    /// <summary>Failure detection (<c>Orleans:Membership:*</c>, Orleans' <c>ClusterMembershipOptions</c>), handed to every silo as set.</summary>
    public const string MembershipSection = "Orleans:Membership";

    /// <summary>
    /// The address a silo advertises in the membership table, on which clients and other silos reach it; each replica
    /// listens on ports the orchestrator gives it (<c>Orleans__Endpoints__SiloPort</c>/<c>GatewayPort</c>), which
    /// the table records, so nothing connects through the orchestrator's proxy. Failure detection settings given to
    /// the app host are passed on.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSiloSettings(this IResourceBuilder<ProjectResource> silo, IConfiguration configuration)
    {
        silo.WithEnvironment("Orleans__Endpoints__AdvertisedIPAddress", configuration[AdvertisedAddressSettingKey] ?? "127.0.0.1")
            .WithEnvironment("Orleans__Endpoints__ListenOnAnyAddress", configuration[ListenOnAnyAddressSettingKey] ?? "false");
        foreach (var setting in configuration.GetSection(MembershipSection).GetChildren())
        {
            silo.WithEnvironment($"Orleans__Membership__{setting.Key}", setting.Value);
        }
        return silo;
    }

    /// <summary>Orleans' configuration-based provider "AdoNet" with Npgsql, reading the connection string by name.</summary>
    private sealed class PostgresClustering(IResourceBuilder<IResourceWithConnectionString> database) : IProviderConfiguration
    {
        public void ConfigureResource<T>(IResourceBuilder<T> resource, string configurationSectionName) where T : IResourceWithEnvironment
        {
            var section = $"Orleans__{configurationSectionName.Replace(":", "__", StringComparison.Ordinal)}";
            resource.WithEnvironment($"{section}__ProviderType", "AdoNet")
                .WithEnvironment($"{section}__Invariant", "Npgsql")
                .WithEnvironment($"{section}__ConnectionName", database.Resource.Name)
                .WithReference(database);
        }
    }
}
