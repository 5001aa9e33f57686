namespace AiRoi.Contracts.Api;

/// <summary>What an administrator asks for when creating a key.</summary>
/// <param name="Name">What the key is for (shown in lists), 1–100 characters.</param>
/// <param name="UseCaseIds">The only use cases the key may read and write; omit for a key that covers the whole organization.</param>
/// <param name="Admin">True for a key that may also manage keys.</param>
/// <param name="ActsForPeople">
/// True for a key whose requests may name the person they act for in <c>X-Acting-Person</c>, who is then recorded
/// as the author of baselines, annotations, reviews and decisions (the web's own key).
/// </param>
/// <param name="ReadOnly">True for a key that only reads (dashboards, exports): every request but a GET is refused.</param>
public sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<string>? UseCaseIds, bool Admin = false, bool ActsForPeople = false, bool ReadOnly = false);

/// <summary>A new key: <see cref="Key"/> is the secret, shown this once and never again.</summary>
public sealed record CreatedApiKey(ApiKeySummary ApiKey, string Key);

/// <summary>A key as an administrator sees it: never the secret, only its first characters.</summary>
public sealed record ApiKeySummary(
    Guid Id, string Name, string KeyPrefix, IReadOnlyList<string>? UseCaseIds, bool IsAdmin, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt,
    bool ActsForPeople = false, bool IsReadOnly = false);
