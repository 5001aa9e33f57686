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
        receiver.Answer = _ => Interlocked.Decrement(ref failuresLeft) >= 0 ? HttpStatusCode.InternalServerError : HttpStatusCode.OK;

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
            var useCase = $"alerts-{Guid.NewGuid():N}"[..24];
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
