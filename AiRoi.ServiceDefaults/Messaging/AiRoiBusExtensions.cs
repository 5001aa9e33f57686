using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiRoi.ServiceDefaults.Messaging;

/// <summary>
/// The one MassTransit setup of the services that use RabbitMQ: kebab-case queue names after the consumer
/// (<c>experiment-events-recorded</c>), the broker from the app host's connection string, and every registered
/// consumer's endpoint configured from its <see cref="ConsumerDefinition{TConsumer}"/> (retries, error queue).
/// </summary>
public static class AiRoiBusExtensions
{
    /// <summary>Adds MassTransit on RabbitMQ with the consumers <paramref name="consumers"/> registers.</summary>
    /// <param name="builder">The service's builder.</param>
    /// <param name="connectionName">The broker's connection name (<c>ConnectionStrings:{name}</c>), read when the bus starts.</param>
    /// <param name="consumers">Registers the service's consumers, each with its definition.</param>
    public static IHostApplicationBuilder AddAiRoiBus(
        this IHostApplicationBuilder builder, string connectionName, Action<IBusRegistrationConfigurator> consumers)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(consumers);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            consumers(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var broker = builder.Configuration.GetConnectionString(connectionName)
                    ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set; the app host provides it.");
                rabbit.Host(new Uri(broker));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
