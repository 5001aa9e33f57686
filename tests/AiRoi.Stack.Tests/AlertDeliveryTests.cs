using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Security.Cryptography;
using System.Text;

namespace AiRoi.Stack.Tests;

/// <summary>
/// Alerts on the whole stack: a rule, a use case whose health checks start to apply, a local receiver that fails the
/// first attempts. Each occurrence reaches the receiver exactly once as a success, signed with the rule's secret,
/// after retries the delivery log records; later looks at the same conditions send nothing more.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class AlertDeliveryTests(StackFixture stack)
{
    [Fact]
    public async Task A_condition_that_starts_is_delivered_once_signed_after_failed_attempts_are_retried()
    {
        await using var receiver = new WebhookReceiver();
        var failuresLeft = 2;
        // The rule is organization-wide: other use cases' conditions may reach this receiver too; only this test's fail.
        var useCase = $"alerts-{Guid.NewGuid():N}"[..24];
        receiver.Answer = request => JsonNode.Parse(request.Body)?["airoi"]?["useCaseId"]?.GetValue<string>() == useCase && Interlocked.Decrement(ref failuresLeft) >= 0
            ? HttpStatusCode.InternalServerError
            : HttpStatusCode.OK;

        var rule = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Post, "/api/v1/alert-rules", new JsonObject
        {
            ["kinds"] = new JsonArray("health-check", "target-at-risk"),
            ["webhookUrl"] = receiver.Url,
        });
        Assert.True(rule.Status == HttpStatusCode.Created, rule.Node?.ToJsonString());
        var ruleId = rule.Body["rule"]!["id"]!.GetValue<long>();
        var secret = rule.Body["secret"]!.GetValue<string>();
        try
        {
            // A new use case without events: "measuring once", "no baseline" and others start to apply at the next look.
            await StackDatabase.RegisterUseCaseAsync(stack, useCase);

            // What holds is what the use case's health report says applies: one alert for each.
            var health = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, $"/api/v1/use-cases/{useCase}/health");
            var expected = health.Body["findings"]!.AsArray().Select(finding => "health:" + finding!["check"]!.GetValue<string>()).Order().ToList();
            Assert.Contains("health:measuring-once", expected);
            var mine = await WaitForAsync(() => Mine(receiver, useCase).Where(request => request.Status == HttpStatusCode.OK).Select(AlertId).Distinct().Count() >= expected.Count,
                () => Mine(receiver, useCase).ToList(), TimeSpan.FromSeconds(60));
            // Further looks at the same conditions (several periods) make no new alert and send nothing again.
            await Task.Delay(StackFixture.AlertPeriod * 4);
            mine = Mine(receiver, useCase).ToList();

            var byAlert = mine.GroupBy(AlertId).ToList();
            Assert.Equal(expected.Count, byAlert.Count);
            Assert.All(byAlert, alert => Assert.Single(alert, request => request.Status == HttpStatusCode.OK));
            Assert.Equal(2, mine.Count(request => request.Status == HttpStatusCode.InternalServerError));
            Assert.Equal(expected,
                byAlert.Select(alert => JsonNode.Parse(alert.First().Body)!["airoi"]!["condition"]!.GetValue<string>()).Order());
            foreach (var request in mine)
            {
                // Checked as a receiver would, from the documented recipe: HMAC-SHA256 of "{timestamp}.{body}".
                var timestamp = long.Parse(request.Headers["X-AiRoi-Timestamp"], CultureInfo.InvariantCulture);
                Assert.InRange(timestamp, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
                Assert.Equal(Signature(secret, timestamp, request.Body), request.Headers["X-AiRoi-Signature"]);
                // Slack's incoming webhooks show text and blocks as they are.
                var body = JsonNode.Parse(request.Body)!;
                Assert.Contains(useCase, body["text"]!.GetValue<string>(), StringComparison.Ordinal);
                Assert.Equal("header", body["blocks"]![0]!["type"]!.GetValue<string>());
            }

            // The delivery log tells the same story: each alert's failed attempts (two in all), then its one success.
            var log = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, $"/api/v1/alerts?useCaseId={useCase}");
            var alerts = log.Array.Select(alert => alert!.AsObject()).ToList();
            Assert.Equal(expected.Count, alerts.Count);
            Assert.All(alerts, alert => Assert.Equal("delivered", alert["state"]!.GetValue<string>()));
            foreach (var alert in alerts)
            {
                var deliveries = alert["deliveries"]!.AsArray().Select(delivery => delivery!.AsObject()).ToList();
                Assert.Equal(Enumerable.Range(1, deliveries.Count), deliveries.Select(delivery => delivery["attempt"]!.GetValue<int>()));
                Assert.Equal([.. Enumerable.Repeat(500, deliveries.Count - 1), 200], deliveries.Select(delivery => delivery["statusCode"]!.GetValue<int>()));
            }
            Assert.Equal(2, alerts.Sum(alert => alert["deliveries"]!.AsArray().Count - 1));
        }
        finally
        {
            var deleted = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Delete, $"/api/v1/alert-rules/{ruleId}");
            Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        }
        var rules = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, "/api/v1/alert-rules");
        Assert.DoesNotContain(rules.Array, listed => listed!["id"]!.GetValue<long>() == ruleId);
    }

    [Fact]
    public async Task A_broken_split_and_a_degraded_guardrail_of_a_running_experiment_are_each_told_once()
    {
        await using var receiver = new WebhookReceiver();
        var useCase = $"alert-exp-{Guid.NewGuid():N}"[..24];
        await StackDatabase.RegisterUseCaseAsync(stack, useCase);
        var rule = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Post, "/api/v1/alert-rules", new JsonObject
        {
            ["useCaseId"] = useCase,
            ["kinds"] = new JsonArray("sample-ratio-mismatch", "guardrail-degraded"),
            ["webhookUrl"] = receiver.Url,
        });
        Assert.Equal(HttpStatusCode.Created, rule.Status);
        var experiment = await StackExperiments.StartAsync(stack, new JsonObject
        {
            ["useCaseId"] = useCase,
            ["name"] = "Shorter replies",
            ["variants"] = new JsonArray(new JsonObject { ["name"] = "control", ["weight"] = 0.5 }, new JsonObject { ["name"] = "short", ["weight"] = 0.5 }),
            ["primaryMetric"] = "conversionRate",
            ["guardrailMetrics"] = new JsonArray("resolutionTimeMean"),
            ["method"] = "frequentist",
        });

        // Planned 50/50, but 400 subjects logged in control and 100 in the treatment, whose tasks take eight times as long.
        var events = new JsonArray();
        for (var i = 0; i < 500; i++)
        {
            var variant = i < 400 ? "control" : "short";
            var minutes = variant == "control" ? 4 : 32;
            events.Add(new JsonObject
            {
                ["eventId"] = $"{experiment}-e-{i}", ["useCaseId"] = useCase, ["subjectId"] = $"s-{i}",
                ["startedAt"] = "2026-11-20T10:00:00Z", ["completedAt"] = $"2026-11-20T10:{minutes:D2}:{i % 60:D2}Z",
                ["handler"] = "ai", ["converted"] = i % 7 == 0, ["experimentId"] = experiment, ["variant"] = variant,
            });
        }
        Assert.Equal(HttpStatusCode.OK, (await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/events", new JsonObject { ["events"] = events })).Status);
        await StackExperiments.WaitForOutcomesAsync(stack, experiment, 500);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Mine(receiver, useCase).Select(AlertId).Distinct().Count() < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Told: {string.Join(" | ", Mine(receiver, useCase).Select(request => request.Body))}");
            await Task.Delay(250);
        }
        // The analysis runs every 2 s and says the same each time: nothing more is sent.
        await Task.Delay(StackFixture.AnalysisPeriod * 4);
        var told = Mine(receiver, useCase).Select(request => JsonNode.Parse(request.Body)!["airoi"]!).ToList();
        Assert.Equal([$"experiment:{experiment}:guardrail:resolutionTimeMean", $"experiment:{experiment}:sample-ratio"],
            told.Select(notice => notice["condition"]!.GetValue<string>()).Order());
        Assert.Contains("Shorter replies", told.Single(notice => notice["kind"]!.GetValue<string>() == "sample-ratio-mismatch")["title"]!.GetValue<string>(), StringComparison.Ordinal);

        // Rolled back straight from running: no analysis follows, so the conclusion closes both conditions.
        Task<long> Open() => StackDatabase.ScalarAsync(stack, "metricsdb",
            "select count(*) from metrics.alert_conditions where use_case_id = $1 and closed_at is null and starts_with(condition_key, $2)",
            useCase, $"experiment:{experiment}:");
        Assert.Equal(2, await Open());
        var concluded = await StackHttp.SendAsync(stack, "experiments", HttpMethod.Post, $"/api/v1/experiments/{experiment}/conclude",
            new JsonObject { ["decision"] = "roll-back", ["note"] = "The split is broken" });
        Assert.True(concluded.Status == HttpStatusCode.OK, concluded.Node?.ToJsonString());
        var closing = DateTime.UtcNow.AddSeconds(30);
        while (await Open() > 0)
        {
            Assert.True(DateTime.UtcNow < closing, "The concluded experiment's conditions are still open.");
            await Task.Delay(250);
        }
        await StackHttp.SendAsync(stack, "metrics", HttpMethod.Delete, $"/api/v1/alert-rules/{rule.Body["rule"]!["id"]!.GetValue<long>()}");
    }

    [Fact]
    public async Task Ai_spend_that_finds_no_outcome_is_told_once()
    {
        await using var receiver = new WebhookReceiver();
        var useCase = $"alert-spend-{Guid.NewGuid():N}"[..24];
        await StackDatabase.RegisterUseCaseAsync(stack, useCase);
        var rule = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Post, "/api/v1/alert-rules", new JsonObject
        {
            ["useCaseId"] = useCase,
            ["kinds"] = new JsonArray("ai-spend-with-no-outcome"),
            ["webhookUrl"] = receiver.Url,
        });
        Assert.True(rule.Status == HttpStatusCode.Created, rule.Node?.ToJsonString());

        // A model call of eight days ago whose outcome event never came.
        var call = OtlpJson.Span(System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString(), root: false, DateTimeOffset.UtcNow.AddDays(-8),
            ("gen_ai.request.model", "gpt-4o"), ("gen_ai.usage.input_tokens", 4_000L), ("airoi.use_case_id", useCase), ("airoi.event_id", "lost"));
        Assert.Equal(HttpStatusCode.OK, (await OtlpJson.PostAsync(stack, OtlpJson.Export(call))).Status);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Mine(receiver, useCase).Any())
        {
            Assert.True(DateTime.UtcNow < deadline, "No alert for the spend with no outcome.");
            await Task.Delay(250);
        }
        await Task.Delay(StackFixture.AlertPeriod * 3);
        var told = Assert.Single(Mine(receiver, useCase));
        var notice = JsonNode.Parse(told.Body)!["airoi"]!;
        Assert.Equal(("ai-spend:no-outcome", "ai-spend-with-no-outcome"), (notice["condition"]!.GetValue<string>(), notice["kind"]!.GetValue<string>()));
        await StackHttp.SendAsync(stack, "metrics", HttpMethod.Delete, $"/api/v1/alert-rules/{rule.Body["rule"]!["id"]!.GetValue<long>()}");
    }

    [Fact]
    public async Task A_rule_with_no_kind_or_a_bad_address_is_refused_naming_the_field()
    {
        var noKind = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Post, "/api/v1/alert-rules",
            new JsonObject { ["kinds"] = new JsonArray(), ["webhookUrl"] = "https://example.com/hook" });
        Assert.Equal(HttpStatusCode.BadRequest, noKind.Status);
        Assert.Equal("kinds", noKind.Body["field"]!.GetValue<string>());

        var badUrl = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Post, "/api/v1/alert-rules",
            new JsonObject { ["kinds"] = new JsonArray("health-check"), ["webhookUrl"] = "ftp://example.com/hook" });
        Assert.Equal("webhookUrl", badUrl.Body["field"]!.GetValue<string>());

        var unknownUseCase = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Post, "/api/v1/alert-rules",
            new JsonObject { ["useCaseId"] = "no-such-use-case", ["kinds"] = new JsonArray("health-check"), ["webhookUrl"] = "https://example.com/hook" });
        Assert.Equal("useCaseId", unknownUseCase.Body["field"]!.GetValue<string>());
    }

    private static IEnumerable<ReceivedWebhook> Mine(WebhookReceiver receiver, string useCase) =>
        receiver.Received.Where(request => JsonNode.Parse(request.Body)?["airoi"]?["useCaseId"]?.GetValue<string>() == useCase);

    private static string AlertId(ReceivedWebhook request) => request.Headers["X-AiRoi-Alert-Id"];

    private static string Signature(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    private static async Task<List<ReceivedWebhook>> WaitForAsync(Func<bool> done, Func<List<ReceivedWebhook>> seen, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not delivered in time; received: {string.Join(" | ", seen().Select(request => $"{request.Status} {request.Body}"))}");
            await Task.Delay(250);
        }
        return seen();
    }
}
