using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AiRoi.Web.Backends;

/// <summary>Healthy when every backend's <c>/health</c> answers healthy.</summary>
public sealed class BackendHealthCheck(IHttpClientFactory httpClientFactory) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var answers = await Task.WhenAll(BackendService.All.Select(async service =>
        {
            try
            {
                using var response = await httpClientFactory.CreateClient(service.Name).GetAsync("/health", cancellationToken);
                return (service, healthy: response.IsSuccessStatusCode);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return (service, healthy: false);
            }
        }));

        var unhealthy = answers.Where(answer => !answer.healthy).Select(answer => answer.service.Name).ToArray();
        return unhealthy.Length == 0
            ? HealthCheckResult.Healthy("Every backend answers healthy.")
            : HealthCheckResult.Unhealthy($"Not healthy: {string.Join(", ", unhealthy)}.");
    }
}
