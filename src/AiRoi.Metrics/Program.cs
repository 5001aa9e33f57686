using Orleans.Serialization;
using System.Net;
using AiRoi.Contracts.Messages;
using AiRoi.Contracts.UseCases;
using AiRoi.Metrics.Annotations;
using AiRoi.Metrics.Baselines;
using AiRoi.Metrics.Portfolio;
using AiRoi.Metrics.Reports;
using AiRoi.Metrics.Reviews;
using AiRoi.Metrics;
using AiRoi.Metrics.EventLog;
using AiRoi.Metrics.Experiments;
using AiRoi.Metrics.Status;
using AiRoi.Metrics.UseCases;
using AiRoi.ServiceDefaults;
using MassTransit;
using AiRoi.ServiceDefaults.Http;
using Orleans.Configuration;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource(MetricsDatabase.ConnectionName);
// Cluster membership and ports come from the app host (Orleans__* configuration).
builder.UseOrleans(silo =>
{
    silo.AddActivityPropagation();
    silo.Services.AddSerializer(serializer => serializer.AddDomainJson());
    // Without this the silo advertises (and listens on) the first network interface's address.
    if (IPAddress.TryParse(builder.Configuration["Orleans:Endpoints:AdvertisedIPAddress"], out var advertised))
    {
        silo.Configure<EndpointOptions>(endpoints => endpoints.AdvertisedIPAddress = advertised);
    }
});
builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("orleans-silo");
builder.Services.AddSingleton<MonthlyPartitions>();
builder.Services.AddSingleton<OutcomeEventLog>();
builder.Services.AddSingleton<UseCaseRegistry>();
builder.Services.AddSingleton<BaselineStore>();
builder.Services.AddSingleton<AnnotationStore>();
builder.Services.AddSingleton<ReviewStore>();
builder.Services.AddSingleton<ExperimentEventPublisher>();
builder.Services.AddSingleton<ExperimentLiftStore>();
// The use-case grains publish experiment events, which the experiment service consumes; the experiment service
// publishes concluded experiments, whose shipped lift this service counts in ROI.
builder.Services.AddMassTransit(bus =>
{
    bus.SetKebabCaseEndpointNameFormatter();
    bus.AddConsumer<ExperimentConcludedConsumer>(consumer => consumer.UseMessageRetry(retry => retry.Intervals(500, 2_000, 10_000)));
    bus.UsingRabbitMq((context, rabbit) =>
    {
        rabbit.Host(new Uri(builder.Configuration.GetConnectionString(Broker.ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{Broker.ConnectionName} is not set; the app host provides it.")));
        rabbit.ConfigureEndpoints(context);
    });
});
IngestionApiKeyAuthenticator.AddTo(builder.Services);
builder.Services.AddProblemDetails();
builder.Services.AddSingleton(TimeProvider.System);
// Answers built by TypedResults (Created, Ok) spell enums as the reports do.
builder.Services.ConfigureHttpJsonOptions(json =>
    json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)));
builder.Services.AddOpenApi();

var app = builder.Build();

// Answers that routing produces without a body (404, 405, 415) become problem details too.
app.UseStatusCodePages();
app.UseExceptionHandler();
app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference();
}
app.MapDefaultEndpoints();
app.MapStatusApiV1();
app.MapUseCaseApiV1();
app.MapEventLogApiV1();
app.MapMetricsApiV1();
app.MapBaselinesApiV1();
app.MapAnnotationsApiV1();
app.MapReviewsApiV1();
app.MapPortfolioApiV1();

app.Run();
