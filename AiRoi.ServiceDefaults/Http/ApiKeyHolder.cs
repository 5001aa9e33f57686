namespace AiRoi.ServiceDefaults.Http;

/// <summary>Who presented a valid API key, and what it may write.</summary>
/// <param name="KeyId">The key's id (a fixed id for the development key).</param>
/// <param name="Name">The key's name, for logs and audit.</param>
/// <param name="UseCaseIds">Null when the key is scoped to the whole organization; else the use cases it may write.</param>
/// <param name="IsAdmin">True when the key may also manage API keys.</param>
public sealed record ApiKeyHolder(Guid KeyId, string Name, IReadOnlyList<string>? UseCaseIds, bool IsAdmin)
{
    /// <summary>Whether the key may write events for <paramref name="useCaseId"/>.</summary>
    public bool MayWrite(string useCaseId) => UseCaseIds is null || UseCaseIds.Contains(useCaseId);
}
