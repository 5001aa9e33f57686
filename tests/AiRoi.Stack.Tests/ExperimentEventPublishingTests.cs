using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace AiRoi.Stack.Tests;

[Collection(StackCollection.Name)]
public sealed class ExperimentEventPublishingTests(StackFixture stack)
{
    // MassTransit names a message type's exchange namespace:type.
    private const string Exchange = "AiRoi.Contracts.Messages:ExperimentEventsRecorded";

    // The grain retries unpublished events every 10 s (UseCaseGrain.PublishRetryPeriod); allow a few periods.
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(45);

    // Experiment ids of this test's events end in this, so counts per experiment are this test's alone.
    private readonly string suffix = "-" + Guid.NewGuid().ToString("N")[..8];

    // The experiment service's consumer endpoint: MassTransit binds its exchange to the message type's exchange.
    private const string ConsumerExchange = "experiment-events-recorded";

    [Fact]
    public async Task Experiment_events_are_published_once_a_queue_is_bound_then_one_message_per_batch_and_consumed_once()
    {
        var useCase = $"pub-{Guid.NewGuid():N}"[..24];
        await StackDatabase.RegisterUseCaseAsync(stack, useCase);
        await using var connection = await new ConnectionFactory
        {
            Uri = new Uri((await stack.App.GetConnectionStringAsync("messaging"))!),
        }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true);

        // With the consumer's binding removed no queue is bound: the broker returns the mandatory message, nothing is lost.
        await channel.ExchangeUnbindAsync(ConsumerExchange, Exchange, routingKey: "");
        try
        {
            Assert.Equal(HttpStatusCode.OK, await PostAsync(useCase, [Event(useCase, "early-1", "exp-a"), Event(useCase, "early-2", null)]));
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        finally
        {
            await channel.ExchangeBindAsync(ConsumerExchange, Exchange, routingKey: "");
        }
        Assert.Equal(0, await OutcomesAsync(useCase));

        var queue = (await channel.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, Exchange, routingKey: "");
        var received = new ConcurrentQueue<JsonObject>();
        var raw = new ConcurrentQueue<(byte[] Body, string? ContentType)>();
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            // Published as plain JSON: the body is the message.
            var message = JsonNode.Parse(Encoding.UTF8.GetString(delivery.Body.Span))!.AsObject();
            if (message["useCaseId"]?.GetValue<string>() == useCase)
            {
                received.Enqueue(message);
                raw.Enqueue((delivery.Body.ToArray(), delivery.BasicProperties.ContentType));
            }
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);

        // The retry timer publishes the earlier event from the log.
        var first = await NextAsync(received);
        Assert.All(raw, message => Assert.Equal(TappedMessage.PlainJson, message.ContentType));
        Assert.Equal(["early-1"], EventIds(first));

        // A new batch is published at once, as one message with only its experiment events.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(useCase,
            [Event(useCase, "b-1", "exp-a"), Event(useCase, "b-2", "exp-a"), Event(useCase, "b-3", null), Event(useCase, "b-4", "exp-b")]));
        var second = await NextAsync(received);
        Assert.Equal(["b-1", "b-2", "b-4"], EventIds(second));
        Assert.Equal([3L, 4, 6], second["events"]!.AsArray().Select(e => e!["sequence"]!.GetValue<long>()));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(received);

        // The experiment service kept each event once, each subject's first exposure, and the per-variant counts.
        await WaitForAsync(() => OutcomesAsync(useCase), 4);
        Assert.Equal(3, await StatisticAsync("exp-a", "conversionRate"));

        // The same message delivered again (as after a lost acknowledgement) changes nothing.
        raw.TryDequeue(out _);
        raw.TryDequeue(out var again);
        var properties = new BasicProperties { ContentType = again.ContentType, Persistent = true };
        await channel.BasicPublishAsync(Exchange, routingKey: "", mandatory: false, basicProperties: properties, body: again.Body);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(4, await OutcomesAsync(useCase));
        Assert.Equal(3, await StatisticAsync("exp-a", "conversionRate"));
        Assert.Equal(1, await StatisticAsync("exp-b", "conversionRate"));
    }

    private Task<long> OutcomesAsync(string useCase) =>
        StackDatabase.ScalarAsync(stack, "experimentsdb", "select count(*) from experiments.outcomes where use_case_id = $1", useCase);

    private Task<long> StatisticAsync(string experiment, string metric) =>
        StackDatabase.ScalarAsync(stack, "experimentsdb",
            "select coalesce(sum(n), 0) from experiments.variant_statistics where experiment_id = $1 and metric_key = $2", experiment + suffix, metric);

    private static async Task WaitForAsync(Func<Task<long>> read, long expected)
    {
        var deadline = DateTime.UtcNow + DeliveryWait;
        while (await read() != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        Assert.Equal(expected, await read());
    }

    private static async Task<JsonObject> NextAsync(ConcurrentQueue<JsonObject> received)
    {
        var deadline = DateTime.UtcNow + DeliveryWait;
        while (DateTime.UtcNow < deadline)
        {
            if (received.TryDequeue(out var message))
            {
                return message;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No ExperimentEventsRecorded message within {DeliveryWait.TotalSeconds:0} s.");
    }

    private static IEnumerable<string> EventIds(JsonObject message) =>
        message["events"]!.AsArray().Select(e => e!["event"]!["eventId"]!.GetValue<string>());

    private JsonObject Event(string useCase, string id, string? experiment)
    {
        var outcome = new JsonObject
        {
            ["eventId"] = id,
            ["useCaseId"] = useCase,
            ["subjectId"] = $"customer-{id}",
            ["startedAt"] = "2026-11-20T10:00:00Z",
            ["completedAt"] = "2026-11-20T10:05:00Z",
            ["handler"] = "ai",
            ["converted"] = true,
        };
        if (experiment is not null)
        {
            outcome["experimentId"] = experiment + suffix;
            outcome["variant"] = "treatment";
        }
        return outcome;
    }

    private async Task<HttpStatusCode> PostAsync(string useCase, JsonObject[] events)
    {
        using var client = stack.App.CreateHttpClient("ingestion", "http");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
        {
            Content = new StringContent(new JsonObject { ["events"] = new JsonArray([.. events]) }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", "airoi-dev-key");
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        using var response = await client.SendAsync(request, timeout.Token);
        return response.StatusCode;
    }
}
