using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using AiRoi.Domain.UseCases;

namespace AiRoi.Experiments.Experiments;

/// <summary>
/// Reads use cases from the metrics service, which owns the registry (<c>GET /api/v1/use-cases/{id}</c>), so that
/// an experiment's use case and metrics are checked against the real definition.
/// </summary>
public sealed class UseCaseDirectory(IHttpClientFactory httpClients)
{
    /// <summary>The name of the HTTP client that reaches the metrics service.</summary>
    public const string MetricsClient = "metrics";

    // The registry answers the definition with its bookkeeping (revision, timestamps) beside it; those are skipped.
    private static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>The use case, or null when the registry has none with this id.</summary>
    public async Task<UseCase?> FindAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await httpClients.CreateClient(MetricsClient).GetAsync($"/api/v1/use-cases/{Uri.EscapeDataString(id)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<UseCase>(Json, cancellationToken);
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        return options;
    }
}
