namespace AiRoi.AppHost.Infrastructure;

/// <summary>
/// The databases and the broker the services reference. Whichever mode made them, each is a resource with a
/// connection string under the same name, so every service sees the same <c>ConnectionStrings:*</c>.
/// </summary>
/// <param name="Mode">The mode that was chosen (never <see cref="InfrastructureMode.Auto"/>).</param>
/// <param name="Postgres">The PostgreSQL server: wait for it before migrating.</param>
/// <param name="MetricsDatabase">The metrics service's database (<c>metricsdb</c>).</param>
/// <param name="IngestionDatabase">The ingestion service's database (<c>ingestiondb</c>).</param>
/// <param name="ExperimentsDatabase">The experiment service's database (<c>experimentsdb</c>).</param>
/// <param name="Messaging">The RabbitMQ broker (<c>messaging</c>).</param>
/// <param name="WebDatabase">The web frontend's database (<c>webdb</c>): its sign-in accounts.</param>
/// <param name="ClusterDatabase">The Orleans cluster's membership (<c>clusterdb</c>): silos and their gateways.</param>
public sealed record AiRoiInfrastructure(
    InfrastructureMode Mode,
    IResourceBuilder<IResourceWithConnectionString> Postgres,
    IResourceBuilder<IResourceWithConnectionString> MetricsDatabase,
    IResourceBuilder<IResourceWithConnectionString> IngestionDatabase,
    IResourceBuilder<IResourceWithConnectionString> ExperimentsDatabase,
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    IResourceBuilder<IResourceWithConnectionString> WebDatabase,
    IResourceBuilder<IResourceWithConnectionString> ClusterDatabase);
