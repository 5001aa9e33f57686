using System.Text;
using System.Text.Json;
using AiRoi.Contracts.Messages;
using AiRoi.ServiceDefaults.Messaging;
using RabbitMQ.Client;

namespace AiRoi.Experiments.DeadLetters;

/// <summary>
/// The experiment-events consumer's error queue (<c>experiment-events-recorded_error</c>), where MassTransit moves a
/// message after its retries fail: listed without being consumed, and moved back to the consumer's queue on request.
/// The consumer is idempotent, so a replayed message that was partly seen before counts nothing twice.
/// </summary>
public sealed class DeadLetterQueue(IConfiguration configuration) : IAsyncDisposable
{
    /// <summary>The consumer's queue, as MassTransit's kebab-case endpoint names it.</summary>
    public const string ConsumerQueue = "experiment-events-recorded";

    /// <summary>Its error queue.</summary>
    public static readonly string ErrorQueue = QuorumQueues.ErrorQueueOf(ConsumerQueue);

    /// <summary>Most messages one list or replay reads: bounds the time and memory of a call.</summary>
    public const int MaxMessages = 1000;

    private readonly SemaphoreSlim gate = new(1, 1);
    private IConnection? connection;

    /// <summary>The count and the first <paramref name="limit"/> messages, oldest first; nothing is consumed.</summary>
    public async Task<DeadLetterList> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var channel = await (await ConnectionAsync(cancellationToken)).CreateChannelAsync(cancellationToken: cancellationToken);
        var count = await DeclareAsync(channel, cancellationToken);
        var messages = new List<DeadLetter>();
        // Read without acknowledging; closing the channel puts every message back where it was. Read until the queue
        // answers none rather than up to the declared count: a quorum queue counts a message another channel is just
        // putting back only once that is done.
        while (messages.Count < limit && await channel.BasicGetAsync(ErrorQueue, autoAck: false, cancellationToken) is { } delivery)
        {
            messages.Add(Describe(delivery));
        }
        return new DeadLetterList(ErrorQueue, Math.Max(count, messages.Count), messages);
    }

    /// <summary>Moves the named messages (every one when <paramref name="messageIds"/> is null) back to the consumer's queue.</summary>
    public async Task<ReplayResult> ReplayAsync(IReadOnlySet<string>? messageIds, CancellationToken cancellationToken)
    {
        await using var channel = await (await ConnectionAsync(cancellationToken)).CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var count = await DeclareAsync(channel, cancellationToken);
        var replayed = 0;
        // At most the messages there when the replay began: one that fails again while the replay runs is not read twice.
        for (var read = 0; read < Math.Min(count, MaxMessages); read++)
        {
            if (await channel.BasicGetAsync(ErrorQueue, autoAck: false, cancellationToken) is not { } delivery)
            {
                break;
            }
            if (messageIds is not null && !messageIds.Contains(delivery.BasicProperties.MessageId ?? ""))
            {
                continue;
            }
            var properties = new BasicProperties(delivery.BasicProperties) { Persistent = true };
            // Confirmed before the error queue lets go of it, so a crash in between keeps a copy (a duplicate is harmless).
            await channel.BasicPublishAsync("", ConsumerQueue, mandatory: true, properties, delivery.Body, cancellationToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
            replayed++;
        }
        await channel.CloseAsync(cancellationToken);
        return new ReplayResult(replayed, count - replayed);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
        gate.Dispose();
    }

    /// <summary>Declares the error queue as MassTransit does (durable, a quorum queue), so listing works before any fault; answers its count.</summary>
    private static async Task<long> DeclareAsync(IChannel channel, CancellationToken cancellationToken) =>
        (await channel.QueueDeclareAsync(ErrorQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: QuorumQueues.ErrorQueueArguments.ToDictionary(), cancellationToken: cancellationToken)).MessageCount;

    /// <summary>The content type of a message published as plain JSON, without MassTransit's envelope (ADR-0042).</summary>
    private const string PlainJson = "application/json";

    private static DeadLetter Describe(BasicGetResult delivery)
    {
        var headers = delivery.BasicProperties.Headers;
        string? Header(string name)
        {
            object? value = null;
            _ = headers?.TryGetValue(name, out value);
            return value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value?.ToString();
        }
        string? useCase = null;
        int? events = null;
        try
        {
            using var document = JsonDocument.Parse(delivery.Body);
            // Published as plain JSON, the body is the message; in MassTransit's envelope, it is the envelope's "message".
            var root = document.RootElement;
            var message = delivery.BasicProperties.ContentType == PlainJson ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var inner) ? inner
                : default;
            if (message.ValueKind == JsonValueKind.Object)
            {
                useCase = message.TryGetProperty("useCaseId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                events = message.TryGetProperty("events", out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : null;
            }
        }
        catch (JsonException)
        {
            // A body that is not JSON is listed with what its headers say.
        }
        return new DeadLetter(delivery.BasicProperties.MessageId, useCase, events,
            Header("MT-Fault-Timestamp"), Header("MT-Fault-ExceptionType"), Header("MT-Fault-Message") ?? Header("MT-Reason"));
    }

    private async Task<IConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (connection is { IsOpen: true } open)
        {
            return open;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (connection is { IsOpen: true } again)
            {
                return again;
            }
            var broker = configuration.GetConnectionString(Broker.ConnectionName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{Broker.ConnectionName} is not set; the app host provides it.");
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            connection = await new ConnectionFactory { Uri = new Uri(broker), ClientProvidedName = "airoi-experiments-dead-letters" }.CreateConnectionAsync(cancellationToken);
            return connection;
        }
        finally
        {
            gate.Release();
        }
    }
}
