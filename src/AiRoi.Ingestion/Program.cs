using Orleans.Serialization;
using AiRoi.Contracts.UseCases;
using AiRoi.Ingestion;
using AiRoi.Ingestion.ApiKeys;
using AiRoi.Ingestion.Events;
using AiRoi.Ingestion.Import;
using AiRoi.Ingestion.Rejections;
using AiRoi.Ingestion.Status;
using AiRoi.ServiceDefaults;
using AiRoi.ServiceDefaults.Http;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource(IngestionDatabase.ConnectionName);
// The cluster to join comes from the app host (Orleans__* configuration).
builder.UseOrleansClient(client =>
{
    client.AddActivityPropagation();
    client.Services.AddSerializer(serializer => serializer.AddDomainJson());
});
builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("orleans-cluster");
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ApiKeyStore>();
builder.Services.AddSingleton<IApiKeyAuthenticator>(services => services.GetRequiredService<ApiKeyStore>());
builder.Services.AddSingleton<EventLogWriter>();
builder.Services.AddSingleton<RejectionLog>();
builder.Services.AddProblemDetails();
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
app.MapEventsApiV1();
app.MapCsvImportApiV1();
app.MapRejectionsApiV1();
app.MapApiKeysApiV1();

app.Run();
