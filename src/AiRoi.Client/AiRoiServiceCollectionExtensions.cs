using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiRoi.Client;

/// <summary>Registers the AiRoi client in an application's services.</summary>
public static class AiRoiServiceCollectionExtensions
{
    /// <summary>
    /// Adds one <see cref="AiRoiClient"/> for the application, configured by <paramref name="configure"/>, and a
    /// hosted service that sends what is queued when the host stops.
    /// </summary>
    public static IServiceCollection AddAiRoi(this IServiceCollection services, Action<AiRoiOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AiRoiOptions>().Configure(configure);
        services.TryAddSingleton(provider => new AiRoiClient(
            provider.GetRequiredService<IOptions<AiRoiOptions>>().Value,
            httpClient: null,
            provider.GetService<ILogger<AiRoiClient>>(),
            provider.GetService<IMeterFactory>()));
        services.AddHostedService<AiRoiClientLifetime>();
        return services;
    }

    /// <summary>Starts the client with the host, and on shutdown sends what is queued.</summary>
    private sealed class AiRoiClientLifetime(AiRoiClient client) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            client.RefreshExperimentsAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);

        public async Task StopAsync(CancellationToken cancellationToken) => await client.DisposeAsync().ConfigureAwait(false);
    }
}
