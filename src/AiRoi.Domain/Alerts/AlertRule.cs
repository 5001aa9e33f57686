namespace AiRoi.Domain.Alerts;

/// <summary>An alert rule: which conditions, for one use case or all, sent where.</summary>
/// <param name="Id">The rule.</param>
/// <param name="UseCaseId">The use case it watches; null for every use case of the organization.</param>
/// <param name="Kinds">The kinds of condition it is told about.</param>
/// <param name="WebhookUrl">Where notices are posted.</param>
/// <param name="CreatedBy">Who made it.</param>
/// <param name="CreatedAt">When.</param>
public sealed record AlertRule(long Id, string? UseCaseId, IReadOnlyList<AlertKind> Kinds, string WebhookUrl, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>A new rule as answered once, with the secret its notices are signed with (never shown again).</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Secret">The signing secret (<see cref="WebhookSignature"/>).</param>
public sealed record CreatedAlertRule(AlertRule Rule, string Secret);

/// <summary>One alert and its delivery log.</summary>
/// <param name="Id">The alert (sent as <c>X-AiRoi-Alert-Id</c>).</param>
/// <param name="RuleId">The rule.</param>
/// <param name="UseCaseId">The use case.</param>
/// <param name="Kind">The condition's kind.</param>
/// <param name="Condition">The condition's name within the use case.</param>
/// <param name="Title">One line.</param>
/// <param name="Detail">Why.</param>
/// <param name="OpenedAt">When the condition started to hold.</param>
/// <param name="ClosedAt">When it stopped; null while it holds.</param>
/// <param name="State"><c>pending</c>, <c>delivered</c> or <c>failed</c> (given up after the last attempt).</param>
/// <param name="Deliveries">Every attempt, first first.</param>
public sealed record AlertRecord(
    long Id, long RuleId, string UseCaseId, AlertKind Kind, string Condition, string Title, string Detail, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt,
    string State, IReadOnlyList<AlertDelivery> Deliveries);

/// <summary>One attempt to deliver an alert.</summary>
/// <param name="Attempt">1 for the first.</param>
/// <param name="AttemptedAt">When.</param>
/// <param name="StatusCode">The receiver's HTTP status; null when none came (refused, timed out).</param>
/// <param name="Error">What went wrong; null on success.</param>
/// <param name="Succeeded">Whether the receiver took it (2xx).</param>
public sealed record AlertDelivery(int Attempt, DateTimeOffset AttemptedAt, int? StatusCode, string? Error, bool Succeeded);
