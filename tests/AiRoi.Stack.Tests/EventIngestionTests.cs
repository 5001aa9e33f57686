using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace AiRoi.Stack.Tests;

[Collection(StackCollection.Name)]
public sealed class EventIngestionTests(StackFixture stack)
{
    private const string DevelopmentKey = "airoi-dev-key";

    [Fact]
    public async Task A_valid_batch_is_written_to_the_log_with_gap_free_sequence_numbers()
    {
        var useCase = await NewUseCaseAsync();
        var events = Enumerable.Range(0, 5).Select(i => Event(useCase, $"e{i}", handler: i % 2 == 0 ? "ai" : "human")).ToArray();

        var result = await PostAsync(Batch(events));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(5, result.Body["accepted"]!.GetValue<int>());
        Assert.Equal(0, result.Body["duplicates"]!.GetValue<int>());
        Assert.Equal([1L, 2, 3, 4, 5], result.Body["events"]!.AsArray().Select(e => e!["sequence"]!.GetValue<long>()));
        Assert.Equal(5, await StackDatabase.ScalarAsync(stack, "metricsdb", "select count(*) from metrics.outcome_events where use_case_id = $1", useCase));
        Assert.Equal(5, await StackDatabase.ScalarAsync(stack, "metricsdb", "select max(sequence) from metrics.event_ids where use_case_id = $1", useCase));
    }

    [Fact]
    public async Task Sending_the_same_events_again_counts_them_once()
    {
        var useCase = await NewUseCaseAsync();
        var first = new[] { Event(useCase, "a"), Event(useCase, "b") };
        await PostAsync(Batch(first));

        var again = await PostAsync(Batch([.. first, Event(useCase, "c")]));

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(1, again.Body["accepted"]!.GetValue<int>());
        Assert.Equal(2, again.Body["duplicates"]!.GetValue<int>());
        Assert.Equal(["duplicate", "duplicate", "accepted"], again.Body["events"]!.AsArray().Select(e => e!["status"]!.GetValue<string>()));
        Assert.Equal(3, again.Body["events"]![2]!["sequence"]!.GetValue<long>());
        Assert.Equal(3, await StackDatabase.ScalarAsync(stack, "metricsdb", "select count(*) from metrics.outcome_events where use_case_id = $1", useCase));
        var totals = await EventLogAsync(useCase);
        Assert.Equal(3, totals["sequence"]!.GetValue<long>());
        Assert.Equal(3, totals["eventsByHandler"]!["ai"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_batch_with_one_invalid_event_is_refused_whole_naming_the_event_and_field()
    {
        var useCase = await NewUseCaseAsync();
        var bad = Event(useCase, "bad");
        bad["csat"] = 9;
        bad["completedAt"] = "2026-01-01T00:00:00Z";

        var result = await PostAsync(Batch([Event(useCase, "ok"), bad]));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("application/problem+json", result.ContentType);
        Assert.Equal("https://airoi.dev/problems/validation-failed", result.Body["type"]!.GetValue<string>());
        Assert.Contains("out-of-range", Codes(result, "events[1].csat"));
        Assert.Contains("completed-before-started", Codes(result, "events[1].completedAt"));
        Assert.Equal(0, await StackDatabase.ScalarAsync(stack, "metricsdb", "select count(*) from metrics.event_ids where use_case_id = $1", useCase));
    }

    [Fact]
    public async Task Refused_events_are_counted_per_use_case_and_reason_and_a_scoped_key_sees_only_its_own()
    {
        var useCase = await NewUseCaseAsync();
        var other = await NewUseCaseAsync();
        var bad = Event(useCase, "bad");
        bad["csat"] = 9;
        var unknownField = Event(other, "odd");
        unknownField["mood"] = "sunny";

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(Batch([Event(useCase, "ok"), bad, unknownField]))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(Batch([Event("not-registered-anywhere", "x1")]))).Status);
        var invalidAndMadeUp = Event("made-up-and-invalid", "x2");
        invalidAndMadeUp["csat"] = 9;
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(Batch([invalidAndMadeUp]))).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Batch([Event(useCase, "fine")]))).Status);

        var answer = await StackRejections.ReadAsync(stack);
        Assert.Equal(new Dictionary<string, long> { ["out-of-range/events"] = 1, ["refused-with-batch/events"] = 1 }, StackRejections.ByReason(answer, useCase));
        Assert.Equal(new Dictionary<string, long> { ["unknown-field/events"] = 1 }, StackRejections.ByReason(answer, other));
        // Made-up use cases share one bucket: a stream of junk ids adds one row, not one each.
        Assert.Empty(StackRejections.ByReason(answer, "not-registered-anywhere"));
        Assert.Empty(StackRejections.ByReason(answer, "made-up-and-invalid"));
        Assert.True(StackRejections.ByReason(answer, "(unregistered)")["unknown-use-case/events"] >= 1);
        Assert.True(StackRejections.ByReason(answer, "(unregistered)")["out-of-range/events"] >= 1);
        var mine = answer["useCases"]!.AsArray().Single(entry => entry!["useCaseId"]!.GetValue<string>() == useCase)!;
        Assert.Equal(2, mine["events"]!.GetValue<long>());
        Assert.Contains("events[1]: csat", mine["reasons"]!.AsArray().Single(reason => reason!["code"]!.GetValue<string>() == "out-of-range")!["example"]!.GetValue<string>());

        // Counted again, not overwritten; and a key scoped to one use case reads only that one.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(Batch([bad]))).Status);
        Assert.Equal(2, (await StackRejections.ByReasonAsync(stack, useCase))["out-of-range/events"]);
        using var ingestion = stack.App.CreateHttpClient("ingestion", "http");
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/api-keys")
        {
            Content = JsonContent.Create(new { name = "scoped reader", useCaseIds = new[] { other } }),
        };
        create.Headers.Add("X-Api-Key", DevelopmentKey);
        using var created = await ingestion.SendAsync(create);
        var scopedKey = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
        var scoped = await StackRejections.ReadAsync(stack, scopedKey);
        Assert.Equal([other], scoped["useCases"]!.AsArray().Select(entry => entry!["useCaseId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_same_event_id_twice_in_one_batch_is_refused()
    {
        var useCase = await NewUseCaseAsync();
        var result = await PostAsync(Batch([Event(useCase, "twice"), Event(useCase, "twice")]));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("duplicate", Codes(result, "events[1].eventId"));
    }

    [Theory]
    [InlineData("""{"events": [""", "$", "malformed-json")]
    [InlineData("""{"events": [], "extra": 1}""", "extra", "unknown-field")]
    [InlineData("""{"events": []}""", "events", "required")]
    [InlineData("""[1, 2]""", "$", "invalid-value")]
    public async Task Malformed_bodies_get_problem_details_naming_the_field(string body, string field, string code)
    {
        var result = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains(code, Codes(result, field));
    }

    [Fact]
    public async Task Wrong_types_and_unknown_fields_in_an_event_name_the_event()
    {
        var useCase = await NewUseCaseAsync();
        var wrongType = Event(useCase, "w");
        wrongType["csat"] = "five";
        var unknownField = Event(useCase, "u");
        unknownField["confidence"] = 0.99;
        var unknownHandler = Event(useCase, "h");
        unknownHandler["handler"] = "robot";

        var result = await PostAsync(Batch([wrongType, unknownField, unknownHandler]));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("invalid-value", Codes(result, "events[0].csat"));
        Assert.Contains("unknown-field", Codes(result, "events[1].confidence"));
        Assert.Contains("invalid-value", Codes(result, "events[2].handler"));
    }

    [Fact]
    public async Task Events_for_an_unknown_or_archived_use_case_are_refused()
    {
        var archived = $"archived-{Guid.NewGuid():N}"[..30];
        await StackDatabase.RegisterUseCaseAsync(stack, archived, archived: true);
        var unknown = $"unknown-{Guid.NewGuid():N}"[..30];

        var result = await PostAsync(Batch([Event(unknown, "x"), Event(archived, "y")]));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("unknown-use-case", Codes(result, "events[0].useCaseId"));
        Assert.Contains("archived-use-case", Codes(result, "events[1].useCaseId"));
    }

    [Fact]
    public async Task Too_many_events_or_too_large_a_body_are_refused()
    {
        var useCase = await NewUseCaseAsync();
        var tooMany = await PostAsync(Batch(Enumerable.Range(0, 10_001).Select(i => Event(useCase, $"m{i}")).ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.Contains("too-many", Codes(tooMany, "events"));

        var padding = new string('x', 9 * 1024 * 1024);
        // Expect: 100-continue lets the server refuse on the declared length before the body is sent; without it the
        // server may close the connection while the client is still writing, and the client sees a broken pipe.
        var tooLarge = await PostRawAsync($$"""{"events": [], "padding": "{{padding}}"}""", expectContinue: true);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.Status);
        Assert.Equal("https://airoi.dev/problems/payload-too-large", tooLarge.Body["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Writes_need_a_valid_key_and_a_scoped_key_writes_only_its_use_cases()
    {
        var mine = await NewUseCaseAsync();
        var theirs = await NewUseCaseAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(Batch([Event(mine, "k0")]), key: null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(Batch([Event(mine, "k0")]), key: "airoi_not-a-key")).Status);

        using var ingestion = stack.App.CreateHttpClient("ingestion", "http");
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/api-keys")
        {
            Content = JsonContent.Create(new { name = "scoped", useCaseIds = new[] { mine } }),
        };
        create.Headers.Add("X-Api-Key", DevelopmentKey);
        using var created = await ingestion.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var createdBody = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var scopedKey = createdBody["key"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Batch([Event(mine, "k1")]), scopedKey)).Status);
        var refused = await PostAsync(Batch([Event(theirs, "k2")]), scopedKey);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("forbidden", Codes(refused, "events[0].useCaseId"));

        // The key may not manage keys, and once revoked it writes nothing.
        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/v1/api-keys");
        list.Headers.Add("X-Api-Key", scopedKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await ingestion.SendAsync(list)).StatusCode);
        using var revoke = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/api-keys/{createdBody["apiKey"]!["id"]!.GetValue<string>()}/revoke");
        revoke.Headers.Add("X-Api-Key", DevelopmentKey);
        Assert.Equal(HttpStatusCode.NoContent, (await ingestion.SendAsync(revoke)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(Batch([Event(mine, "k3")]), scopedKey)).Status);

        // Only the hash is stored: the row holds sha256(key), and no text column holds the secret.
        Assert.Equal(1, await StackDatabase.ScalarAsync(stack, "ingestiondb",
            "select count(*) from ingestion.api_keys where key_hash = sha256(convert_to($1, 'UTF8'))", scopedKey));
        Assert.Equal(0, await StackDatabase.ScalarAsync(stack, "ingestiondb",
            "select count(*) from ingestion.api_keys where strpos(name || key_prefix || coalesce(array_to_string(use_case_ids, ','), ''), $1) > 0", scopedKey));
    }

    [Fact]
    public async Task After_the_silo_restarts_the_grain_totals_equal_a_recomputation_from_the_log()
    {
        var useCase = await NewUseCaseAsync();
        await PostAsync(Batch(Enumerable.Range(0, 30).Select(i => Event(useCase, $"r{i}", handler: i % 3 == 0 ? "human" : "ai")).ToArray()));

        // A graceful restart: the grain snapshots on deactivation and loads the snapshot when it comes back.
        await RestartMetricsAsync();
        await WriteWhenReadyAsync(Batch([Event(useCase, "after-restart", handler: "hybrid")]));
        await AssertTotalsEqualTheLogAsync(useCase, expectedSequence: 31);

        // Without a snapshot the grain replays the whole log.
        await RestartMetricsAsync();
        await StackDatabase.ScalarAsync(stack, "metricsdb", "with gone as (delete from metrics.use_case_snapshots where use_case_id = $1 returning 1) select count(*) from gone", useCase);
        await AssertTotalsEqualTheLogAsync(useCase, expectedSequence: 31);

        // Leave the stack as found: the ingestion service's client has found the restarted silo.
        await WriteWhenReadyAsync(Batch([Event(useCase, "after-second-restart")]));
    }

    private async Task RestartMetricsAsync()
    {
        await StackProcesses.RestartAsync(stack, "metrics");
        using var timeout = new CancellationTokenSource(StackFixture.StartTimeout);
        await stack.App.ResourceNotifications.WaitForResourceHealthyAsync("ingestion", timeout.Token);
    }

    /// <summary>Posts until the ingestion service's Orleans client has found the restarted silo (bounded).</summary>
    private async Task WriteWhenReadyAsync(string batch)
    {
        var deadline = DateTime.UtcNow + StackFixture.StartTimeout;
        Answer answer;
        do
        {
            answer = await PostAsync(batch);
            if (answer.Status == HttpStatusCode.OK)
            {
                return;
            }
            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"The batch was not written after the restart: {answer.Status} {answer.Body.ToJsonString()}");
    }

    private async Task AssertTotalsEqualTheLogAsync(string useCase, long expectedSequence)
    {
        var totals = await EventLogAsync(useCase);
        foreach (var handler in new[] { "ai", "human", "hybrid" })
        {
            var recomputed = await StackDatabase.ScalarAsync(stack, "metricsdb",
                "select count(*) from metrics.outcome_events where use_case_id = $1 and event->>'handler' = $2", useCase, handler);
            Assert.Equal(recomputed, totals["eventsByHandler"]![handler]?.GetValue<long>() ?? 0);
        }
        Assert.Equal(expectedSequence, totals["sequence"]!.GetValue<long>());
    }

    private async Task<string> NewUseCaseAsync()
    {
        var id = $"uc-{Guid.NewGuid():N}"[..24];
        await StackDatabase.RegisterUseCaseAsync(stack, id);
        return id;
    }

    private static JsonObject Event(string useCaseId, string eventId, string handler = "ai") => new()
    {
        ["eventId"] = eventId,
        ["useCaseId"] = useCaseId,
        ["startedAt"] = "2026-11-20T10:00:00Z",
        ["completedAt"] = "2026-11-20T10:07:30Z",
        ["handler"] = handler,
        ["resolved"] = true,
        ["csat"] = 5,
        ["aiCost"] = 0.04,
    };

    private static string Batch(JsonObject[] events) => new JsonObject { ["events"] = new JsonArray([.. events.Select(e => e.DeepClone())]) }.ToJsonString();

    private Task<Answer> PostAsync(string body, string? key = DevelopmentKey) => PostRawAsync(body, key);

    private async Task<Answer> PostRawAsync(string body, string? key = DevelopmentKey, bool expectContinue = false)
    {
        using var client = stack.App.CreateHttpClient("ingestion", "http");
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        request.Headers.ExpectContinue = expectContinue;
        using var response = await client.SendAsync(request, timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject());
    }

    private async Task<JsonObject> EventLogAsync(string useCase)
    {
        // Right after a restart the silo may still answer 503 (a dependency it needs not yet reached): read again,
        // bounded, as a client told "send the request again shortly" would; anything else fails at once, with the log.
        var deadline = DateTime.UtcNow + StackFixture.StartTimeout;
        while (true)
        {
            var answer = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, $"/api/v1/use-cases/{useCase}/event-log");
            if (answer.Status == HttpStatusCode.OK)
            {
                return answer.Body;
            }
            if (answer.Status != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                var log = await stack.ReadLogAsync("metrics");
                Assert.Fail($"The event log answered {answer.Status}: {answer.Node?.ToJsonString()}\n{log[Math.Max(0, log.Length - 20_000)..]}");
            }
            await Task.Delay(500);
        }
    }

    private static IEnumerable<string> Codes(Answer answer, string field) =>
        answer.Body["codes"]?[field]?.AsArray().Select(code => code!.GetValue<string>())
        ?? throw new Xunit.Sdk.XunitException($"No codes for {field} in {answer.Body.ToJsonString()}");

    private sealed record Answer(HttpStatusCode Status, string? ContentType, JsonObject Body);
}
