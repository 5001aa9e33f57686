using System.Globalization;
using System.Text.Json.Nodes;

namespace AiRoi.Domain.Alerts;

/// <summary>
/// One alert as a webhook receives it: a body Slack's incoming webhooks (and Mattermost's, Teams' workflows) show as
/// it is (<c>text</c> and <c>blocks</c>), with the same facts under <c>airoi</c> for a program to read.
/// </summary>
/// <param name="AlertId">The alert; the same on every retry.</param>
/// <param name="RuleId">The rule it answers.</param>
/// <param name="UseCaseId">The use case.</param>
/// <param name="UseCaseName">Its name, when known.</param>
/// <param name="Kind">What kind of condition.</param>
/// <param name="ConditionKey">The condition's name within the use case.</param>
/// <param name="Title">One line.</param>
/// <param name="Detail">Why.</param>
/// <param name="OpenedAt">When the condition started to hold (as seen).</param>
public sealed record AlertNotice(
    long AlertId, long RuleId, string UseCaseId, string? UseCaseName, AlertKind Kind, string ConditionKey, string Title, string Detail, DateTimeOffset OpenedAt)
{
    /// <summary>The JSON body.</summary>
    public string ToJson()
    {
        var who = UseCaseName is { Length: > 0 } name ? $"{name} ({UseCaseId})" : UseCaseId;
        var since = OpenedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        var body = new JsonObject
        {
            ["text"] = $"AiRoi · {who}: {Title}. {Detail}",
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Title } },
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = $"*{who}*\n{Detail}" } },
                new JsonObject
                {
                    ["type"] = "context",
                    ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = $"Since {since} · alert {AlertId} · rule {RuleId}" }),
                }),
            ["airoi"] = new JsonObject
            {
                ["alertId"] = AlertId,
                ["ruleId"] = RuleId,
                ["useCaseId"] = UseCaseId,
                ["kind"] = WireJson.Name(Kind),
                ["condition"] = ConditionKey,
                ["title"] = Title,
                ["detail"] = Detail,
                ["openedAt"] = OpenedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            },
        };
        return body.ToJsonString();
    }
}
