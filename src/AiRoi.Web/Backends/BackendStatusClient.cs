using System.Text.Json;

namespace AiRoi.Web.Backends;

/// <summary>What one backend answered to its status endpoint.</summary>
/// <param name="Service">Which backend.</param>
/// <param name="Answered">True when the status endpoint answered with success.</param>
/// <param name="Detail">The status document it returned, or the reason it did not answer.</param>
public sealed record BackendStatus(BackendService Service, bool Answered, IReadOnlyDictionary<string, string> Detail);

/// <summary>Reads each backend's <c>/api/v1/status</c> through service discovery.</summary>
public sealed class BackendStatusClient(IHttpClientFactory httpClientFactory)
{
    /// <summary>Asks every backend at once.</summary>
    public Task<BackendStatus[]> ReadAllAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(BackendService.All.Select(service => ReadAsync(service, cancellationToken)));

    private async Task<BackendStatus> ReadAsync(BackendService service, CancellationToken cancellationToken)
    {
        try
        {
            var client = httpClientFactory.CreateClient(service.Name);
            using var document = await client.GetFromJsonAsync<JsonDocument>("/api/v1/status", cancellationToken);
            return new BackendStatus(service, true, Flatten(document!.RootElement));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new BackendStatus(service, false, new Dictionary<string, string> { ["error"] = exception.Message });
        }
    }

    private static Dictionary<string, string> Flatten(JsonElement element, string prefix = "")
    {
        var values = new Dictionary<string, string>();
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var (nestedKey, nestedValue) in Flatten(property.Value, key))
                {
                    values[nestedKey] = nestedValue;
                }
            }
            else
            {
                values[key] = property.Value.ToString();
            }
        }
        return values;
    }
}
