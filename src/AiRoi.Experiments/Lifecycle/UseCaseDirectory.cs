using System.Net;
using System.Net.Http.Json;
using AiRoi.Domain;
using AiRoi.Domain.UseCases;
using AiRoi.ServiceDefaults.Http;

namespace AiRoi.Experiments.Lifecycle;

/// <summary>
/// Reads use cases from the metrics service, which owns the registry (<c>GET /api/v1/use-cases/{id}</c>), so that
/// an experiment's use case and metrics are checked against the real definition.
/// </summary>
public sealed class UseCaseDirectory(IHttpClientFactory httpClients)
{
    /// <summary>The name of the HTTP client that reaches the metrics service.</summary>
    public const string MetricsClient = "metrics";

    // The registry answers the definition with its bookkeeping (revision, timestamps) beside it; those are skipped.

    /// <summary>The use case, or null when the registry has none with this id; read with <paramref name="apiKey"/>, the caller's key.</summary>
    public async Task<UseCase?> FindAsync(string id, string apiKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/use-cases/{Uri.EscapeDataString(id)}");
        request.Headers.Add(ApiKeyFilters.HeaderName, apiKey);
        using var response = await httpClients.CreateClient(MetricsClient).SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<UseCase>(WireJson.Client, cancellationToken);
    }
}
