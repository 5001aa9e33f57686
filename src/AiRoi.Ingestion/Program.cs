using AiRoi.Ingestion;
using AiRoi.Ingestion.Status;
using AiRoi.ServiceDefaults;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource(IngestionDatabase.ConnectionName);
// The cluster to join comes from the app host (Orleans__* configuration).
builder.UseOrleansClient(client => client.AddActivityPropagation());
builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("orleans-cluster");
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference();
}
app.MapDefaultEndpoints();
app.MapStatusApiV1();

app.Run();
