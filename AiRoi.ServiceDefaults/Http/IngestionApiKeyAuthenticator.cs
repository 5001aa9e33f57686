using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace AiRoi.ServiceDefaults.Http;

/// <summary>
/// Verifies API keys with the ingestion service, which owns the key table (<c>GET /api/v1/api-keys/current</c>),
/// and remembers each answer for <see cref="CacheFor"/>, so a write costs no extra call most of the time.
/// </summary>
public sealed class IngestionApiKeyAuthenticator(IHttpClientFactory httpClients, IMemoryCache cache) : IApiKeyAuthenticator
{
    /// <summary>The name of the HTTP client that reaches the ingestion service (service discovery: <c>http://ingestion</c>).</summary>
    public const string IngestionClient = "ingestion";

    /// <summary>
    /// How long an answer is trusted: a revoked key keeps working here for at most this long, a bound worth a
    /// verification call saved on every write.
    /// </summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public async Task<ApiKeyHolder?> AuthenticateAsync(string? presented, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }
        // Cached under the key's hash, so no plain key sits in memory longer than the request.
        var cacheKey = "api-key:" + Convert.ToHexString(ApiKeyHash.Of(presented));
        if (cache.TryGetValue(cacheKey, out ApiKeyHolder? known))
        {
            return known;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/api-keys/current");
        request.Headers.Add(ApiKeyFilters.HeaderName, presented);
        using var response = await httpClients.CreateClient(IngestionClient).SendAsync(request, cancellationToken);
        ApiKeyHolder? holder = response.StatusCode switch
        {
            HttpStatusCode.OK => await response.Content.ReadFromJsonAsync<ApiKeyHolder>(cancellationToken),
            HttpStatusCode.Unauthorized => null,
            // Anything else is the ingestion service failing, not the key: let the request fail rather than refuse it.
            _ => throw new HttpRequestException($"The ingestion service answered {(int)response.StatusCode} when verifying an API key."),
        };
        cache.Set(cacheKey, holder, CacheFor);
        return holder;
    }

    /// <summary>
    /// Registers this authenticator for a service whose writes need API keys but which does not own them (the app
    /// host gives it a reference to the ingestion service).
    /// </summary>
    public static IServiceCollection AddTo(IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddHttpClient(IngestionClient, client => client.BaseAddress = new Uri("http://ingestion"));
        return services.AddSingleton<IApiKeyAuthenticator, IngestionApiKeyAuthenticator>();
    }
}
