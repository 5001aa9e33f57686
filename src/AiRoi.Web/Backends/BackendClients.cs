namespace AiRoi.Web.Backends;

/// <summary>Registers the typed clients of the three APIs, each carrying the web's API key (ADR-0021).</summary>
public static class BackendClients
{
    /// <summary>The setting with the API key the web reads and writes with; Development sets the development key.</summary>
    public const string ApiKeySetting = "Backends:ApiKey";

    /// <summary>
    /// Adds <see cref="MetricsClient"/>, <see cref="ExperimentsClient"/> and <see cref="IngestionClient"/>, and a named
    /// client per backend (status and health), all with the key: every API read needs one.
    /// </summary>
    public static IServiceCollection AddBackendClients(this IServiceCollection services, IConfiguration configuration)
    {
        var apiKey = configuration[ApiKeySetting];
        void Configure(HttpClient client, string service)
        {
            // "http://metrics" resolves through service discovery to the address the app host gave that resource.
            client.BaseAddress = new Uri($"http://{service}");
            if (!string.IsNullOrEmpty(apiKey))
            {
                client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            }
        }
        foreach (var backend in BackendService.All)
        {
            services.AddHttpClient(backend.Name, client => Configure(client, backend.Name));
        }
        services.AddHttpClient<MetricsClient>(client => Configure(client, "metrics"));
        services.AddHttpClient<ExperimentsClient>(client => Configure(client, "experiments"));
        services.AddHttpClient<IngestionClient>(client => Configure(client, "ingestion"));
        return services;
    }
}
