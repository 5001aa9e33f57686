namespace AiRoi.Web.Backends;

/// <summary>Registers the typed clients of the three APIs, each carrying the web's API key (ADR-0021).</summary>
public static class BackendClients
{
    /// <summary>The setting with the API key the web writes with; Development sets the development key.</summary>
    public const string ApiKeySetting = "Backends:ApiKey";

    /// <summary>Adds <see cref="MetricsClient"/>, <see cref="ExperimentsClient"/> and <see cref="IngestionClient"/>.</summary>
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
        services.AddHttpClient<MetricsClient>(client => Configure(client, "metrics"));
        services.AddHttpClient<ExperimentsClient>(client => Configure(client, "experiments"));
        services.AddHttpClient<IngestionClient>(client => Configure(client, "ingestion"));
        return services;
    }
}
