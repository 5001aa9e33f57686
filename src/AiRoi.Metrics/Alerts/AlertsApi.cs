using System.Security.Cryptography;
using AiRoi.Domain;
using AiRoi.Domain.Alerts;
using AiRoi.Metrics.UseCases;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.Metrics.Alerts;

/// <summary>
/// <c>/api/v1/alert-rules</c> and <c>/api/v1/alerts</c>: what to be told about, where; and what was told, with every
/// delivery attempt.
/// </summary>
public static class AlertsApi
{
    /// <summary>Longest webhook address.</summary>
    public const int MaxUrlLength = 2000;

    /// <summary>How many alerts the list answers at most.</summary>
    public const int MaxListed = 500;

    private static readonly ProblemType RuleNotFound = new("alert-rules/not-found", StatusCodes.Status404NotFound, "No alert rule has this id.");

    /// <summary>Maps the alert endpoints.</summary>
    public static IEndpointRouteBuilder MapAlertsApiV1(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/v1/alert-rules").WithTags("Alerts");
        rules.MapGet("", ListRulesAsync)
            .WithName("ListAlertRules")
            .WithSummary("The alert rules; a key scoped to use cases sees the rules of those only.")
            .Produces<IReadOnlyList<AlertRule>>();
        rules.MapPost("", CreateRuleAsync)
            .RequireOrganizationKey("managing alert rules")
            .WithName("CreateAlertRule")
            .WithSummary("Adds a rule: kinds (health-check, target-at-risk, guardrail-degraded, sample-ratio-mismatch) for one use case (useCaseId) or every one, posted to webhookUrl as Slack-compatible JSON signed with the secret answered here once (X-AiRoi-Signature: sha256=HMAC of '{X-AiRoi-Timestamp}.{body}'). A rule is told about conditions that start after it exists.")
            .Accepts<AlertRuleRequest>("application/json")
            .Produces<CreatedAlertRule>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        rules.MapDelete("/{ruleId:long}", DeleteRuleAsync)
            .RequireOrganizationKey("managing alert rules")
            .WithName("DeleteAlertRule")
            .WithSummary("Deletes a rule; its alerts not yet delivered are dropped.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/v1/alerts", ListAlertsAsync)
            .WithTags("Alerts")
            .WithName("ListAlerts")
            .WithSummary("The latest alerts (at most 500), newest first, each with its delivery log; useCaseId= for one use case.")
            .Produces<IReadOnlyList<AlertRecord>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    /// <summary>The rules the key may see.</summary>
    public static async Task<Ok<IReadOnlyList<AlertRule>>> ListRulesAsync(HttpContext http, AlertStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListRulesAsync(ApiKeyFilters.KeyHolder(http).UseCaseIds?.ToList(), cancellationToken));

    /// <summary>Adds a rule.</summary>
    public static async Task<Results<Created<CreatedAlertRule>, ProblemHttpResult>> CreateRuleAsync(
        HttpRequest request, AlertStore store, UseCaseRegistry registry, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<AlertRuleRequest>(request, WireJson.Options, cancellationToken);
        var errors = new List<ValidationError>();
        if (body.Kinds is not { Count: > 0 } kinds)
        {
            errors.Add(new("kinds", ValidationCodes.Required, $"kinds must name at least one of: {string.Join(", ", Enum.GetValues<AlertKind>().Select(WireJson.Name))}."));
            kinds = [];
        }
        if (!Uri.TryCreate(body.WebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || body.WebhookUrl!.Length > MaxUrlLength)
        {
            errors.Add(new("webhookUrl", body.WebhookUrl is null ? ValidationCodes.Required : ValidationCodes.InvalidFormat,
                $"webhookUrl must be an absolute http or https address of at most {MaxUrlLength} characters, such as https://hooks.slack.com/services/…"));
        }
        if (body.UseCaseId is { } useCaseId && (!TextFormats.IsSlug(useCaseId) || (await registry.FindRegisteredAsync([useCaseId], cancellationToken)).Count == 0))
        {
            errors.Add(new("useCaseId", ValidationCodes.UnknownValue, $"useCaseId '{useCaseId}' is not a registered use case; leave it out for every use case."));
        }
        if (errors.Count > 0)
        {
            return ValidationFailure.ToProblem(errors);
        }
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var rule = await store.CreateRuleAsync(body.UseCaseId, kinds.Distinct().ToList(), body.WebhookUrl!, secret, ApiKeyFilters.Author(request.HttpContext), cancellationToken);
        return TypedResults.Created($"/api/v1/alert-rules/{rule.Id}", new CreatedAlertRule(rule, secret));
    }

    /// <summary>Deletes a rule.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteRuleAsync(long ruleId, AlertStore store, CancellationToken cancellationToken) =>
        await store.DeleteRuleAsync(ruleId, cancellationToken)
            ? TypedResults.NoContent()
            : RuleNotFound.ToProblem($"No alert rule has the id {ruleId}, or it was deleted.");

    /// <summary>The latest alerts the key may see.</summary>
    public static async Task<Results<Ok<IReadOnlyList<AlertRecord>>, ProblemHttpResult>> ListAlertsAsync(
        [Microsoft.AspNetCore.Mvc.FromQuery] string? useCaseId, HttpContext http, AlertStore store, CancellationToken cancellationToken)
    {
        var holder = ApiKeyFilters.KeyHolder(http);
        if (useCaseId is not null && !TextFormats.IsSlug(useCaseId))
        {
            return ValidationFailure.ToProblem([new ValidationError("useCaseId", ValidationCodes.InvalidFormat, "useCaseId must be a use case's id (lower case, digits, hyphens).")]);
        }
        IReadOnlyList<string>? visible = useCaseId is null ? holder.UseCaseIds?.ToList() : holder.Covers(useCaseId) ? [useCaseId] : [];
        return TypedResults.Ok(await store.ListAlertsAsync(visible, MaxListed, cancellationToken));
    }
}

/// <summary>The body of <c>POST /api/v1/alert-rules</c>.</summary>
public sealed record AlertRuleRequest
{
    /// <summary>The use case to watch; absent for every use case.</summary>
    public string? UseCaseId { get; init; }

    /// <summary>The kinds of condition to be told about.</summary>
    public IReadOnlyList<AlertKind>? Kinds { get; init; }

    /// <summary>Where to post notices (a Slack incoming webhook, or any receiver).</summary>
    public string? WebhookUrl { get; init; }
}
