using Aspire.Hosting.Testing;
using AiRoi.ServiceDefaults.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace AiRoi.Stack.Tests;

/// <summary>
/// Every consumer queue is a quorum queue with the delivery limit, its error queue a quorum queue too, and the two
/// experiment services consume the experiment events' queue side by side.
/// </summary>
[Collection(ScaleOutStackCollection.Name)]
public sealed class QuorumQueueTests(ScaleOutStackFixture stack)
{
    /// <summary>The consumers' queues: the experiment service's one, and the metrics service's two.</summary>
    public static TheoryData<string, int> ConsumerQueues => new()
    {
        { "experiment-events-recorded", 2 },
        { "experiment-concluded", 2 },
        { "experiment-analyzed", 2 },
    };

    [Theory]
    [MemberData(nameof(ConsumerQueues))]
    public async Task A_consumer_queue_is_a_quorum_queue_with_a_delivery_limit_and_each_replica_consumes_it(string queue, int consumers)
    {
        await using var connection = await ConnectAsync();

        // Declaring with the very arguments the services use is accepted only if the queue has exactly them. Each
        // replica's consumer is counted once its bus has connected (a silo restarted by another test may still be).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        uint counted;
        do
        {
            await using var channel = await connection.CreateChannelAsync();
            counted = (await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                arguments: QuorumQueues.ConsumerQueueArguments(queue).ToDictionary())).ConsumerCount;
        }
        while (counted < consumers && DateTime.UtcNow < deadline && await Pause());
        Assert.Equal((uint)consumers, counted);
        // A classic queue of that name is refused: the broker says the existing queue's type differs.
        await using (var channel = await connection.CreateChannelAsync())
        {
            var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() => channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = "classic" }));
            Assert.Equal((ushort)406, refused.ShutdownReason?.ReplyCode);
        }
    }

    [Fact]
    public async Task A_consumer_queue_s_error_queue_is_a_quorum_queue_without_a_delivery_limit()
    {
        await using var connection = await ConnectAsync();
        var errorQueue = QuorumQueues.ErrorQueueOf("experiment-events-recorded");
        // MassTransit declared it when the endpoint started, before any message failed.
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclarePassiveAsync(errorQueue);
        }
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync(errorQueue, durable: true, exclusive: false, autoDelete: false, arguments: QuorumQueues.ErrorQueueArguments.ToDictionary());
        }
        await using (var channel = await connection.CreateChannelAsync())
        {
            var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() => channel.QueueDeclareAsync(errorQueue, durable: true, exclusive: false, autoDelete: false,
                arguments: QuorumQueues.ConsumerQueueArguments(errorQueue).ToDictionary()));
            Assert.Equal((ushort)406, refused.ShutdownReason?.ReplyCode);
        }
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(500);
        return true;
    }

    private async Task<IConnection> ConnectAsync() =>
        await new ConnectionFactory { Uri = new Uri((await stack.App.GetConnectionStringAsync("messaging"))!) }.CreateConnectionAsync();
}
