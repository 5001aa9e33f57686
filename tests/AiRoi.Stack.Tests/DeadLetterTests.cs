using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AiRoi.Stack.Tests;

/// <summary>
/// The experiment-events consumer's error queue: a message it cannot keep is retried, then dead-lettered and listed
/// with its reason; a dead-lettered message is replayed to the consumer, once.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class DeadLetterTests(StackFixture stack)
{
    private const string MessageExchange = "AiRoi.Contracts.Messages:ExperimentEventsRecorded";
    private const string ConsumerExchange = "experiment-events-recorded";
    private const string ErrorQueue = "experiment-events-recorded_error";

    // Retries at 0.5, 2 and 10 s (the consumer's configuration), then the error queue; with room for a slow machine.
    private static readonly TimeSpan DeadLetterWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_message_that_keeps_failing_is_listed_with_its_reason_and_a_dead_letter_is_replayed_once()
    {
        var useCase = $"dead-{Guid.NewGuid():N}"[..24];
        var experiment = $"exp-dl-{Guid.NewGuid():N}"[..20];
        await StackDatabase.RegisterUseCaseAsync(stack, useCase);
        // A real message as the grain publishes it, caught on a queue of our own.
        await using var tap = await BrokerTap.OpenAsync(stack, MessageExchange);
        var sent = await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/events", new JsonObject
        {
            ["events"] = new JsonArray(new JsonObject
            {
                ["eventId"] = "dl-seed", ["useCaseId"] = useCase, ["subjectId"] = "s-1", ["startedAt"] = "2026-11-20T10:00:00Z",
                ["completedAt"] = "2026-11-20T10:01:00Z", ["handler"] = "ai", ["converted"] = true, ["experimentId"] = experiment, ["variant"] = "control",
            }),
        });
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        // Sent again below as the grain sent it: plain JSON, with MassTransit's message type header.
        var (body, contentType, headers) = await tap.NextAsync(m => Encoding.UTF8.GetString(m.Body).Contains(useCase, StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        // A poison message: the same without its use case, which the consumer cannot store, however often it tries.
        var poisonId = Guid.NewGuid().ToString();
        Assert.Equal(TappedMessage.PlainJson, contentType);
        var poison = JsonNode.Parse(body)!.AsObject();
        poison["useCaseId"] = null;
        await tap.PublishAsync(ConsumerExchange, "", Encoding.UTF8.GetBytes(poison.ToJsonString()), contentType, poisonId, WithMessageId(headers, poisonId));
        var listed = await Until(async () =>
        {
            var list = await StackHttp.SendAsync(stack, "experiments", HttpMethod.Get, "/api/v1/dead-letters?limit=1000");
            Assert.Equal(HttpStatusCode.OK, list.Status);
            return list.Body["messages"]!.AsArray().FirstOrDefault(m => m!["messageId"]?.GetValue<string>() == poisonId);
        }, DeadLetterWait);
        Assert.Equal(1, listed["events"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(listed["reason"]?.GetValue<string>()), listed.ToJsonString());
        Assert.NotNull(listed["exceptionType"]);

        // A dead letter whose cause has gone (here: placed in the error queue as MassTransit places one) is replayed and kept once.
        var replayId = Guid.NewGuid().ToString();
        var replayable = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("dl-seed", "dl-replayed", StringComparison.Ordinal));
        await tap.PublishAsync("", ErrorQueue, replayable, contentType, replayId, WithMessageId(headers, replayId));
        var replay = await StackHttp.SendAsync(stack, "experiments", HttpMethod.Post, "/api/v1/dead-letters/replay",
            new JsonObject { ["messageIds"] = new JsonArray(replayId) });
        Assert.Equal(HttpStatusCode.OK, replay.Status);
        Assert.Equal(1, replay.Body["replayed"]!.GetValue<int>());
        await StackExperiments.WaitForOutcomesAsync(stack, experiment, 2);
        Assert.Equal(1, await StackDatabase.ScalarAsync(stack, "experimentsdb",
            "select count(*) from experiments.outcomes where use_case_id = $1 and event_id = 'dl-replayed'", useCase));

        var again = await StackHttp.SendAsync(stack, "experiments", HttpMethod.Post, "/api/v1/dead-letters/replay",
            new JsonObject { ["messageIds"] = new JsonArray(replayId) });
        Assert.Equal(0, again.Body["replayed"]!.GetValue<int>());
        // The poison message is still there (once the replay's channel has put it back: the broker does that a moment
        // after the channel closes), and the replayed one is not.
        var remaining = await Until(async () =>
        {
            var list = await StackHttp.SendAsync(stack, "experiments", HttpMethod.Get, "/api/v1/dead-letters?limit=1000");
            return list.Body["messages"]!.AsArray().Any(m => m!["messageId"]?.GetValue<string>() == poisonId) ? list.Body["messages"]!.AsArray() : null;
        }, TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(remaining, m => m!["messageId"]?.GetValue<string>() == replayId);
    }

    [Fact]
    public async Task Dead_letters_need_an_admin_key_and_a_bounded_limit()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await StackHttp.SendAsync(stack, "experiments", HttpMethod.Get, "/api/v1/dead-letters", key: null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await StackHttp.SendAsync(stack, "experiments", HttpMethod.Post, "/api/v1/dead-letters/replay", key: null)).Status);
        var bad = await StackHttp.SendAsync(stack, "experiments", HttpMethod.Get, "/api/v1/dead-letters?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("limit", bad.Node!.ToJsonString());
    }

    /// <summary>The tapped message's headers as a new message's: plain JSON carries its message id in a header too.</summary>
    private static Dictionary<string, object?> WithMessageId(IDictionary<string, object?>? headers, string messageId) =>
        new(headers ?? new Dictionary<string, object?>()) { ["MessageId"] = messageId };

    private static async Task<T> Until<T>(Func<Task<T?>> read, TimeSpan wait) where T : class
    {
        var deadline = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < deadline)
        {
            if (await read() is { } value)
            {
                return value;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Not seen within {wait.TotalSeconds:0} s.");
    }
}
