using System.Text.Json.Nodes;
using AiRoi.Domain.Alerts;

namespace AiRoi.Domain.Tests;

public class AlertTests
{
    [Fact]
    public void A_signature_is_hmac_sha256_of_the_timestamp_a_dot_and_the_body_and_any_change_breaks_it()
    {
        // Computed independently: printf '1764763200.{"text":"hi"}' | openssl dgst -sha256 -hmac 'secret'
        var signature = WebhookSignature.Sign("secret", 1764763200, """{"text":"hi"}""");
        Assert.Equal("sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            "secret"u8.ToArray(), "1764763200.{\"text\":\"hi\"}"u8.ToArray())), signature);
        Assert.NotEqual(signature, WebhookSignature.Sign("secret", 1764763201, """{"text":"hi"}"""));
        Assert.NotEqual(signature, WebhookSignature.Sign("secret", 1764763200, """{"text":"hi!"}"""));
        Assert.NotEqual(signature, WebhookSignature.Sign("other", 1764763200, """{"text":"hi"}"""));
    }

    [Fact]
    public void An_experiment_names_a_broken_split_and_each_degraded_guardrail_once()
    {
        var conditions = AlertConditions.ForExperiment("exp-7", "Prompt v4", sampleRatioMismatch: true, ["csatMean", "csatMean", "escalationRate"]);

        Assert.Equal(["experiment:exp-7:sample-ratio", "experiment:exp-7:guardrail:csatMean", "experiment:exp-7:guardrail:escalationRate"],
            conditions.Select(condition => condition.Key));
        Assert.Equal([AlertKind.SampleRatioMismatch, AlertKind.GuardrailDegraded, AlertKind.GuardrailDegraded], conditions.Select(condition => condition.Kind));
        Assert.Contains("'Prompt v4' (exp-7)", conditions[0].Title, StringComparison.Ordinal);
        Assert.All(conditions, condition => Assert.StartsWith(AlertConditions.ExperimentPrefix("exp-7"), condition.Key, StringComparison.Ordinal));
        Assert.Empty(AlertConditions.ForExperiment("exp-7", null, sampleRatioMismatch: false, []));
    }

    [Fact]
    public void A_notice_is_a_slack_message_with_the_facts_for_programs_beside_it()
    {
        var notice = new AlertNotice(41, 3, "support-bot", "Support bot", AlertKind.HealthCheck, "health:no-baseline", "No baseline",
            "fcrRate has no baseline, so improvement cannot be shown.", new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.Zero));

        var body = JsonNode.Parse(notice.ToJson())!;

        Assert.Equal("AiRoi · Support bot (support-bot): No baseline. fcrRate has no baseline, so improvement cannot be shown.", body["text"]!.GetValue<string>());
        Assert.Equal(["header", "section", "context"], body["blocks"]!.AsArray().Select(block => block!["type"]!.GetValue<string>()));
        Assert.Equal("health-check", body["airoi"]!["kind"]!.GetValue<string>());
        Assert.Equal(41, body["airoi"]!["alertId"]!.GetValue<long>());
        Assert.Equal("2026-12-03T09:30:00.0000000Z", body["airoi"]!["openedAt"]!.GetValue<string>());
    }
}
