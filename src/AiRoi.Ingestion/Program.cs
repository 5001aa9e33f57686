using AiRoi.Contracts.UseCases;
using AiRoi.Ingestion;
using AiRoi.Ingestion.ApiKeys;
using AiRoi.Ingestion.Events;
using AiRoi.Ingestion.Import;
using AiRoi.Ingestion.Rejections;
using AiRoi.Ingestion.Status;
using AiRoi.Ingestion.Traces;
using AiRoi.ServiceDefaults;
using AiRoi.ServiceDefaults.Http;
using Orleans.Configuration;
using Orleans.Serialization;

var builder = WebApplication.CreateBuilder(args);

// The key table lives here, so this service checks keys itself rather than asking another service.
builder.Services.AddSingleton<ApiKeyStore>();
builder.Services.AddSingleton<IApiKeyAuthenticator>(services => services.GetRequiredService<ApiKeyStore>());
builder.AddAiRoiApi(IngestionDatabase.ConnectionName);
// The cluster to join comes from the app host (Orleans__* configuration).
builder.UseOrleansClient(client =>
{
    client.AddActivityPropagation();
    client.Services.AddSerializer(serializer => serializer.AddDomainJson());
    // A grain call unanswered after this is a 503 the sender sends again (the same ids are counted once) rather
    // than a request held for Orleans' default 30 s, as when the silo holding the grain is lost mid-call.
    client.Configure<ClientMessagingOptions>(options =>
        options.ResponseTimeout = builder.Configuration.GetValue("Orleans:Messaging:ResponseTimeout", TimeSpan.FromSeconds(15)));
});
builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("orleans-cluster");
builder.Services.AddSingleton<EventLogWriter>();
builder.Services.AddSingleton<RejectionLog>();

var app = builder.Build();

var api = app.MapAiRoiApi();
api.MapStatusApiV1();
api.MapEventsApiV1();
api.MapCsvImportApiV1();
api.MapRejectionsApiV1();
api.MapApiKeysApiV1();
api.MapTracesApiV1();

app.Run();
