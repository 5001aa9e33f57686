using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiRoi.ServiceDefaults.Messaging;

/// <summary>
/// The one MassTransit setup of the services that use RabbitMQ: kebab-case queue names after the consumer
/// (<c>experiment-events-recorded</c>), the broker from the app host's connection string, every registered
/// consumer's endpoint configured from its <see cref="ConsumerDefinition{TConsumer}"/> (retries, error queue), and
/// every queue a quorum queue with <see cref="QuorumQueues"/>' delivery limit. Replicas of a service consume the
/// same queues as competing consumers.
/// </summary>
public static class AiRoiBusExtensions
{
    /// <summary>Adds MassTransit on RabbitMQ with the consumers <paramref name="consumers"/> registers.</summary>
    /// <param name="builder">The service's builder.</param>
    /// <param name="connectionName">The broker's connection name (<c>ConnectionStrings:{name}</c>), read when the bus starts.</param>
    /// <param name="consumers">Registers the service's consumers, each with its definition.</param>
    /// <param name="readDirectly">
    /// Message types this service consumes in bulk, sent as plain JSON: read straight from the body (see
    /// <see cref="PlainJsonSerializerFactory"/>).
    /// </param>
    public static IHostApplicationBuilder AddAiRoiBus(
        this IHostApplicationBuilder builder, string connectionName, Action<IBusRegistrationConfigurator> consumers, params Type[] readDirectly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(consumers);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            consumers(bus);
            bus.AddConfigureEndpointsCallback((_, name, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator queue)
                {
                    queue.SetQuorumQueue();
                    queue.SetQueueArgument("x-delivery-limit", QuorumQueues.DeliveryLimit);
                    // The error exchange and queue exist from the start, so a message past the limit lands there.
                    var errorQueue = QuorumQueues.ErrorQueueOf(name);
                    queue.BindDeadLetterQueue(errorQueue, errorQueue, error => error.SetQuorumQueue());
                }
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var broker = builder.Configuration.GetConnectionString(connectionName)
                    ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set; the app host provides it.");
                rabbit.Host(new Uri(broker));
                rabbit.UseCompactJson();
                rabbit.AddPlainJson(readDirectly);
                // Error and skipped queues take the consumer queue's arguments; they keep the queue type only.
                rabbit.SendTopology.ConfigureErrorSettings = error => KeepQueueTypeOnly(error);
                rabbit.SendTopology.ConfigureDeadLetterSettings = skipped => KeepQueueTypeOnly(skipped);
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>
    /// Messages as JSON without indentation. MassTransit indents by default, which for a message of a thousand
    /// events made skipping whitespace the consumer's largest single cost (and the message a third larger).
    /// </summary>
    public static void UseCompactJson(this IBusFactoryConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.ConfigureJsonSerializerOptions(options =>
        {
            options.WriteIndented = false;
            return options;
        });
    }

    /// <summary>
    /// Lets the bus send and receive messages as plain JSON (<c>application/json</c>) next to its default envelope.
    /// A message is sent so when its publisher asks (<see cref="SendAsPlainJson"/>); a receiver tells the two apart by
    /// content type. The envelope stays the default for every other message.
    /// </summary>
    /// <param name="bus">The bus being configured.</param>
    /// <param name="readDirectly">Message types read straight from the body rather than through a JSON document.</param>
    public static void AddPlainJson(this IBusFactoryConfigurator bus, IEnumerable<Type> readDirectly)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var plainJson = new PlainJsonSerializerFactory(readDirectly);
        bus.AddSerializer(plainJson, isSerializer: false);
        bus.AddDeserializer(plainJson);
    }

    /// <summary>
    /// Sends this message as plain JSON, without MassTransit's envelope: its identity and type travel as transport
    /// headers instead. A receiver then reads the body once into the message, where the envelope costs a second
    /// reading and a copy of the body, which for a message of a thousand events means large buffers.
    /// </summary>
    public static void SendAsPlainJson(this SendContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Serializer = context.Serialization.TryGetMessageSerializer(SystemTextJsonRawMessageSerializer.JsonContentType, out var plain)
            ? plain
            : throw new InvalidOperationException("This bus does not send plain JSON: configure it with AddPlainJson (AddAiRoiBus does).");
    }

    private static void KeepQueueTypeOnly(IRabbitMqQueueBindingConfigurator queue)
    {
        foreach (var argument in QuorumQueues.ConsumerQueueArguments("").Keys.Except(QuorumQueues.ErrorQueueArguments.Keys))
        {
            queue.SetQueueArgument(argument, null);
        }
        foreach (var (name, value) in QuorumQueues.ErrorQueueArguments)
        {
            queue.SetQueueArgument(name, value);
        }
    }
}
