namespace AiRoi.ServiceDefaults.Http;

/// <summary>
/// Says who holds an API key. The ingestion service, which owns the key table, looks keys up by hash; the other
/// services ask it (and cache the answer briefly).
/// </summary>
public interface IApiKeyAuthenticator
{
    /// <summary>The holder of <paramref name="presented"/>, or null when it is missing, unknown or revoked.</summary>
    Task<ApiKeyHolder?> AuthenticateAsync(string? presented, CancellationToken cancellationToken);
}
