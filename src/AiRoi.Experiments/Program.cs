using System.Text.Json.Serialization;
using AiRoi.Contracts.Messages;
using AiRoi.Experiments;
using AiRoi.Experiments.Analysis;
using AiRoi.Experiments.Assignment;
using AiRoi.Experiments.DeadLetters;
using AiRoi.Experiments.Experiments;
using AiRoi.Experiments.Outcomes;
using AiRoi.Experiments.Results;
using AiRoi.ServiceDefaults.Http;
using AiRoi.Experiments.Status;
using AiRoi.ServiceDefaults;
using MassTransit;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource(ExperimentsDatabase.ConnectionName);
builder.Services.AddSingleton<OutcomeStore>();
builder.Services.AddSingleton<ResultsStore>();
builder.Services.AddSingleton<AnalysisStore>();
builder.Services.AddSingleton<ConclusionPublisher>();
builder.Services.AddHostedService<PeriodicAnalysis>();
builder.Services.AddSingleton<DeadLetterQueue>();
builder.Services.AddMassTransit(bus =>
{
    bus.SetKebabCaseEndpointNameFormatter();
    // A failing message (the database down for a moment) is tried again, then moved to the error queue
    // (experiment-events-recorded_error), from which it can be moved back; redelivery is harmless (idempotent).
    bus.AddConsumer<ExperimentEventsRecordedConsumer>(consumer => consumer.UseMessageRetry(retry => retry.Intervals(500, 2_000, 10_000)));
    bus.UsingRabbitMq((context, rabbit) =>
    {
        var broker = builder.Configuration.GetConnectionString(Broker.ConnectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{Broker.ConnectionName} is not set; the app host provides it.");
        rabbit.Host(new Uri(broker));
        rabbit.ConfigureEndpoints(context);
    });
});
builder.Services.AddProblemDetails();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ExperimentStore>();
builder.Services.AddSingleton<RunningExperiments>();
builder.Services.AddSingleton<UseCaseDirectory>();
builder.Services.AddHttpClient(UseCaseDirectory.MetricsClient, client => client.BaseAddress = new Uri("http://metrics"));
IngestionApiKeyAuthenticator.AddTo(builder.Services);
// Numbers are JSON numbers, not strings that look like numbers; the OpenAPI document then says so too.
builder.Services.ConfigureHttpJsonOptions(json =>
{
    json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
    json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
});
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
app.MapAnalysisApiV1();
app.MapExperimentsApiV1();
app.MapAssignmentApiV1();
app.MapResultsApiV1();
app.MapDeadLettersApiV1();

app.Run();
