using AiRoi.Client;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SupportBot;

var builder = WebApplication.CreateBuilder(args);

// AiRoi's services: from the app host's references (services__ingestion__http__0, …), else SupportBot__* settings.
var settings = builder.Configuration.GetSection("SupportBot").Get<SupportBotSettings>() ?? new SupportBotSettings();
Uri? Service(string name) => builder.Configuration[$"services:{name}:http:0"] is { } address ? new Uri(address) : null;
settings.Ingestion ??= Service("ingestion") ?? new Uri("http://localhost:5081");
settings.Metrics ??= Service("metrics") ?? new Uri("http://localhost:5082");
settings.Experiments ??= Service("experiments") ?? new Uri("http://localhost:5083");
builder.Services.AddSingleton(settings);

// Outcomes and in-process assignment through the AiRoi client.
builder.Services.AddAiRoi(options =>
{
    options.IngestionEndpoint = settings.Ingestion;
    options.ExperimentsEndpoint = settings.Experiments;
    options.ApiKey = settings.ApiKey;
});

// The bot's spans (GenAI model calls among them) go to AiRoi's trace receiver, which prices them.
builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService("support-bot"))
    .WithTracing(tracing => tracing
        .AddSource(SupportDesk.Source.Name)
        .AddOtlpExporter(exporter =>
        {
            exporter.Endpoint = new Uri(settings.Ingestion, "/v1/traces");
            exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
            exporter.Headers = $"x-api-key={settings.ApiKey}";
        }));

builder.Services.AddHttpClient();
builder.Services.AddSingleton<PromptExperiment>();
builder.Services.AddSingleton<SupportDesk>();
builder.Services.AddHostedService<TicketSimulator>();

var app = builder.Build();
app.MapGet("/", (PromptExperiment experiment, AiRoiClient airoi) => Results.Ok(new
{
    useCase = settings.UseCaseId,
    experiment = experiment.Id,
    outcomes = new { airoi.Metrics.Queued, airoi.Metrics.Sent, airoi.Metrics.Dropped, airoi.Metrics.Refused, airoi.Metrics.Retried },
}));
// One ticket on demand: POST /tickets?customerId=customer-42
app.MapPost("/tickets", (string? customerId, SupportDesk desk) => Results.Ok(desk.Handle(customerId ?? $"customer-{Random.Shared.Next(1, 5_000)}", Random.Shared)));
app.Run();
