using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace AiRoi.Stack.Tests;

/// <summary>A message as the broker delivered it to a tap.</summary>
/// <param name="Body">The raw body: a MassTransit envelope, or the message itself when sent as plain JSON.</param>
/// <param name="ContentType">Its content type.</param>
/// <param name="Headers">Its transport headers (MassTransit's message type among them).</param>
public sealed record TappedMessage(byte[] Body, string? ContentType, IDictionary<string, object?>? Headers)
{
    /// <summary>The content type of a message sent as plain JSON, without MassTransit's envelope.</summary>
    public const string PlainJson = "application/json";

    /// <summary>The message: the body itself when sent as plain JSON, else the envelope's message.</summary>
    public JsonObject Message => ContentType == PlainJson ? JsonNode.Parse(Body)!.AsObject() : JsonNode.Parse(Body)!["message"]!.AsObject();
}

/// <summary>
/// A throwaway queue of the test's own bound to a message type's exchange on the stack's broker: it receives a copy
/// of every message published there, without taking any from the services' queues.
/// </summary>
public sealed class BrokerTap : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly ConcurrentQueue<TappedMessage> received = new();

    private BrokerTap(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        Channel = channel;
    }

    /// <summary>The tap's channel, for publishing to the broker as well.</summary>
    public IChannel Channel { get; }

    /// <summary>Opens a tap on <paramref name="exchange"/> (MassTransit names a message type's exchange <c>namespace:type</c>).</summary>
    public static async Task<BrokerTap> OpenAsync(StackFixture stack, string exchange)
    {
        var connection = await new ConnectionFactory { Uri = new Uri((await stack.App.GetConnectionStringAsync("messaging"))!) }.CreateConnectionAsync();
        // Confirmed publishes: a message the test places is in its queue before the next step looks for it.
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var tap = new BrokerTap(connection, channel);
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
        var queue = (await channel.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, exchange, routingKey: "");
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            tap.received.Enqueue(new TappedMessage(delivery.Body.ToArray(), delivery.BasicProperties.ContentType,
                delivery.BasicProperties.Headers is { } headers ? new Dictionary<string, object?>(headers) : null));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return tap;
    }

    /// <summary>The next message that <paramref name="wanted"/> accepts (others are dropped), within <paramref name="wait"/>.</summary>
    public async Task<TappedMessage> NextAsync(Func<TappedMessage, bool> wanted, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < deadline)
        {
            while (received.TryDequeue(out var message))
            {
                if (wanted(message))
                {
                    return message;
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No wanted message within {wait.TotalSeconds:0} s.");
    }

    /// <summary>Publishes a raw body, persistent, with its content type, message id and transport headers.</summary>
    public async Task PublishAsync(string exchange, string routingKey, byte[] body, string? contentType, string messageId, IDictionary<string, object?>? headers) =>
        await Channel.BasicPublishAsync(exchange, routingKey, mandatory: false,
            basicProperties: new BasicProperties { ContentType = contentType, MessageId = messageId, Persistent = true, Headers = headers }, body: body);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}
