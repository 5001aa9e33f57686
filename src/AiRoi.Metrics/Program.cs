using AiRoi.Contracts.Messages;
using AiRoi.Contracts.UseCases;
using AiRoi.Metrics;
using AiRoi.Metrics.AiCost;
using AiRoi.Metrics.Cluster;
using AiRoi.Metrics.Alerts;
using AiRoi.Metrics.Digests;
using AiRoi.Metrics.Annotations;
using AiRoi.Metrics.Baselines;
using AiRoi.Metrics.EventLog;
using AiRoi.Metrics.Experiments;
using AiRoi.Metrics.Organization;
using AiRoi.Metrics.Portfolio;
using AiRoi.Metrics.Reports;
using AiRoi.Metrics.Reviews;
using AiRoi.Metrics.Status;
using AiRoi.Metrics.UseCases;
using AiRoi.ServiceDefaults;
using AiRoi.ServiceDefaults.Messaging;
using Orleans.Configuration;
using Orleans.Serialization;

var builder = WebApplication.CreateBuilder(args);

builder.AddAiRoiApi(MetricsDatabase.ConnectionName);
// Cluster membership (the table in the cluster database) and ports come from the app host (Orleans__* configuration);
// the advertised address and failure detection from SiloSettings (ADR-0037).
builder.UseOrleans(silo =>
{
    silo.AddActivityPropagation();
    // Each silo answers a portfolio read on another for the use cases active in it, in one call.
    silo.AddGrainService<AiRoi.Metrics.Portfolio.SiloSummaries>();
    silo.Services.AddSerializer(serializer => serializer.AddDomainJson());
    silo.UseSiloSettings(builder.Configuration);
});
builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("orleans-silo");
builder.Services.AddSingleton<MonthlyPartitions>();
builder.Services.AddSingleton<OutcomeEventLog>();
builder.Services.AddSingleton<UseCaseRegistry>();
builder.Services.AddSingleton<BaselineStore>();
builder.Services.AddSingleton<AnnotationStore>();
builder.Services.AddSingleton<ReviewStore>();
builder.Services.AddSingleton<AiRoi.Metrics.Organization.OrganizationStore>();
builder.Services.AddSingleton<ExperimentEventPublisher>();
builder.Services.AddSingleton<ExperimentLiftStore>();
// The portfolio's copy of each use case's summary in this silo, refreshed by revision (crosses silos only when changed).
builder.Services.AddSingleton<AiRoi.Metrics.Portfolio.PortfolioSummaries>();
builder.Services.AddSingleton<AiRoi.Metrics.Portfolio.PortfolioAnswers>();
builder.Services.AddSingleton<AiRoi.Metrics.Portfolio.SiloSummariesClient>();
// AI cost from traces: the price book and the cost ledger the use-case grains fold in (ADR-0035).
builder.Services.AddSingleton<AiRoi.Metrics.AiCost.PriceBookStore>();
builder.Services.AddSingleton<AiRoi.Metrics.AiCost.AiCostLedger>();
// The use-case grains publish experiment events, which the experiment service consumes; the experiment service
// publishes concluded experiments, whose shipped lift this service counts in ROI.
builder.AddAiRoiBus(Broker.ConnectionName, bus =>
{
    bus.AddConsumer<ExperimentConcludedConsumer>(typeof(ExperimentConcludedConsumerDefinition));
    // Each analysis of a running experiment: a broken split or a degraded guardrail is a condition alerts watch.
    bus.AddConsumer<ExperimentAnalyzedConsumer>(typeof(ExperimentAnalyzedConsumerDefinition));
});
// Alerts: conditions looked for each period, notices posted to webhooks with retries (ADR-0034).
builder.Services.AddSingleton<AlertStore>();
builder.Services.AddHostedService<AlertWatcher>();
builder.Services.AddHostedService<WebhookDispatcher>();
// The weekly digest per business owner: built on demand for the API, sent once a week when a channel is configured.
builder.Services.AddSingleton<DigestBuilder>();
builder.Services.AddHostedService<DigestSender>();

var app = builder.Build();

var api = app.MapAiRoiApi();
api.MapStatusApiV1();
api.MapUseCaseApiV1();
api.MapEventLogApiV1();
api.MapMetricsApiV1();
api.MapBaselinesApiV1();
api.MapAnnotationsApiV1();
api.MapReviewsApiV1();
api.MapPortfolioApiV1();
api.MapOrganizationApiV1();
api.MapAlertsApiV1();
api.MapDigestsApiV1();
api.MapModelPricesApiV1();

app.Run();
