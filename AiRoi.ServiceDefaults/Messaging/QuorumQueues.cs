namespace AiRoi.ServiceDefaults.Messaging;

/// <summary>
/// The shape of every AiRoi queue on RabbitMQ: a quorum queue (replicated over the broker cluster's nodes, so the
/// loss of one node loses no message; one node locally). A consumer's queue has an explicit delivery limit: a message
/// delivered that many times without being settled (a consumer process that dies on it each time) is moved to the
/// consumer's error queue instead of being tried for ever. Error and skipped queues are quorum queues without a limit,
/// because listing dead letters returns them to the queue, which counts as a delivery (ADR-0038).
/// </summary>
public static class QuorumQueues
{
    /// <summary>Deliveries of one message to a consumer's queue before the broker moves it to the error queue.</summary>
    public const int DeliveryLimit = 20;

    /// <summary>
    /// A consumer queue's arguments: a quorum queue with the delivery limit, and past it the message is dead-lettered
    /// to the error queue's exchange (<c>{queue}_error</c>, declared with the queue when the endpoint starts).
    /// </summary>
    public static IReadOnlyDictionary<string, object?> ConsumerQueueArguments(string queue) => new Dictionary<string, object?>
    {
        ["x-queue-type"] = "quorum",
        ["x-delivery-limit"] = DeliveryLimit,
        ["x-dead-letter-exchange"] = ErrorQueueOf(queue),
    };

    /// <summary>An error or skipped queue's arguments: a quorum queue, nothing more.</summary>
    public static IReadOnlyDictionary<string, object?> ErrorQueueArguments { get; } = new Dictionary<string, object?>
    {
        ["x-queue-type"] = "quorum",
    };

    /// <summary>The error queue MassTransit moves a consumer queue's failed messages to (<c>{queue}_error</c>).</summary>
    public static string ErrorQueueOf(string queue) => queue + "_error";
}
