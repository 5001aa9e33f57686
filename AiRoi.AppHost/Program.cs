using AiRoi.AppHost;
using AiRoi.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// Infrastructure: containers where an engine runs, local processes where not (ADR-0001).
var infrastructure = builder.AddAiRoiInfrastructure();
// Silos and clients find each other through the membership table in the cluster database (ADR-0037).
var orleans = builder.AddOrleans(ResourceNames.OrleansCluster)
    .WithPostgresClustering(infrastructure.ClusterDatabase);
var scale = ScaleSetting.Read(builder.Configuration);

// Schema migrations run once, here, and every service waits for them to complete.
var migrations = builder.AddProject<Projects.AiRoi_Migrations>(ResourceNames.Migrations)
    .WithReference(infrastructure.MetricsDatabase)
    .WithReference(infrastructure.IngestionDatabase)
    .WithReference(infrastructure.ExperimentsDatabase)
    .WithReference(infrastructure.WebDatabase)
    .WithReference(infrastructure.ClusterDatabase)
    .WaitFor(infrastructure.Postgres);

var metrics = builder.AddProject<Projects.AiRoi_Metrics>(ResourceNames.Metrics)
    .WithReference(orleans)
    .WithSiloSettings(builder.Configuration)
    .WithReplicas(scale.MetricsSilos)
    .WithReference(infrastructure.MetricsDatabase)
    .WithReference(infrastructure.Messaging)
    .WaitForCompletion(migrations)
    .WaitFor(infrastructure.Messaging)
    .WithHttpHealthCheck(ResourceNames.HealthPath);

var ingestion = builder.AddProject<Projects.AiRoi_Ingestion>(ResourceNames.Ingestion)
    .WithReference(orleans.AsClient())
    .WithReplicas(scale.IngestionNodes)
    .WithReference(infrastructure.IngestionDatabase)
    .WaitForCompletion(migrations)
    .WaitFor(metrics)
    .WithHttpHealthCheck(ResourceNames.HealthPath);

// The registry verifies API keys with the ingestion service, which owns them (no wait: ingestion waits for metrics).
metrics.WithReference(ingestion);

var experiments = builder.AddProject<Projects.AiRoi_Experiments>(ResourceNames.Experiments)
    .WithReference(infrastructure.ExperimentsDatabase)
    .WithReference(infrastructure.Messaging)
    .WithReplicas(scale.ExperimentServices)
    // Use cases are checked with the metrics service, API keys with the ingestion service.
    .WithReference(metrics)
    .WithReference(ingestion)
    .WaitForCompletion(migrations)
    .WaitFor(infrastructure.Messaging)
    .WithHttpHealthCheck(ResourceNames.HealthPath);

var web = builder.AddProject<Projects.AiRoi_Web>(ResourceNames.Web)
    .WithReference(infrastructure.WebDatabase)
    .WaitForCompletion(migrations)
    .WithReference(ingestion)
    .WithReference(metrics)
    .WithReference(experiments)
    .WaitFor(ingestion)
    .WaitFor(metrics)
    .WaitFor(experiments)
    .WithHttpHealthCheck(ResourceNames.HealthPath)
    .WithExternalHttpEndpoints();

// A first run is not empty: the demo portfolio is filled in through the public APIs, once. On by default for a
// persistent run; off for the throwaway stacks of tests and benchmarks; Demo__Enabled=false turns it off.
if (DemoPortfolioSetting.IsEnabled(builder.Configuration))
{
    builder.AddProject<Projects.AiRoi_Demo>(ResourceNames.Demo)
        .WithReference(metrics)
        .WithReference(ingestion)
        .WithReference(experiments)
        .WaitFor(metrics)
        .WaitFor(ingestion)
        .WaitFor(experiments)
        .WithParentRelationship(web);
}

// The SupportBot sample, only when asked: tickets through the .NET client, model calls as traces (samples/SupportBot).
if (SampleSetting.IsEnabled(builder.Configuration))
{
    builder.AddProject<Projects.SupportBot>(ResourceNames.Sample)
        .WithReference(ingestion)
        .WithReference(metrics)
        .WithReference(experiments)
        .WaitFor(ingestion)
        .WaitFor(metrics)
        .WaitFor(experiments);
}

builder.Build().Run();
