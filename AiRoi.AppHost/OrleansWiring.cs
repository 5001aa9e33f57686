namespace AiRoi.AppHost;

/// <summary>
/// What <c>AddOrleans(...).WithDevelopmentClustering()</c> leaves out when the client is a separate process:
/// the gateway list. Orleans' development clustering on the client reads <c>Orleans:Clustering:Gateways:N</c> as
/// IP endpoints, and silo and gateway ports must be the ones the silo itself advertises, so they are not proxied.
/// </summary>
public static class OrleansWiring
{
    // The endpoint names Aspire.Hosting.Orleans gives a silo project.
    private const string SiloEndpoint = "orleans-silo";
    private const string GatewayEndpoint = "orleans-gateway";

    /// <summary>
    /// Lets the silo listen on its Orleans ports directly rather than behind the orchestrator's proxy, on the
    /// loopback address it also advertises: on one machine, clients and other silos reach it there.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithLoopbackOrleansEndpoints(this IResourceBuilder<ProjectResource> silo) =>
        silo.WithEndpoint(SiloEndpoint, endpoint => endpoint.IsProxied = false, createIfNotExists: false)
            .WithEndpoint(GatewayEndpoint, endpoint => endpoint.IsProxied = false, createIfNotExists: false)
            .WithEnvironment("Orleans__Endpoints__AdvertisedIPAddress", "127.0.0.1");

    /// <summary>Tells an Orleans client project where the silo's gateway listens.</summary>
    public static IResourceBuilder<ProjectResource> WithOrleansGatewayOf(
        this IResourceBuilder<ProjectResource> client, IResourceBuilder<ProjectResource> silo) =>
        client.WithEnvironment("Orleans__Clustering__Gateways__0", ReferenceExpression.Create(
            $"127.0.0.1:{silo.GetEndpoint(GatewayEndpoint).Property(EndpointProperty.TargetPort)}"));
}
