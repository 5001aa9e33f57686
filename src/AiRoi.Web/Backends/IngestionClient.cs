using AiRoi.Web.Accounts;

namespace AiRoi.Web.Backends;

/// <summary>
/// The ingestion API (port 5081): CSV import of historical events (editors) and API keys (admins).
/// </summary>
public sealed class IngestionClient(HttpClient http, AccessGate gate) : BackendClient(http, gate, "ingestion")
{
    /// <summary>Imports a CSV file into a use case; a file with any bad row is refused whole, each error with its line.</summary>
    public Task<BackendAnswer<CsvImportSummary>> ImportCsvAsync(string useCaseId, string csv, CancellationToken cancellationToken) =>
        WriteTextAsync<CsvImportSummary>($"/api/v1/use-cases/{Segment(useCaseId)}/events/import", csv, "text/csv", WebPermission.Edit, cancellationToken);

    /// <summary>Every API key, without secrets (admins).</summary>
    public Task<BackendAnswer<IReadOnlyList<ApiKeySummary>>> ApiKeysAsync(CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<ApiKeySummary>>(HttpMethod.Get, "/api/v1/api-keys", null, WebPermission.Administer, cancellationToken);

    /// <summary>Creates a key (admins); the answer carries the secret, which is never shown again.</summary>
    public Task<BackendAnswer<CreatedApiKey>> CreateApiKeyAsync(string name, IReadOnlyList<string>? useCaseIds, bool admin, CancellationToken cancellationToken) =>
        WriteAsync<CreatedApiKey>(HttpMethod.Post, "/api/v1/api-keys", new { name, useCaseIds, admin }, WebPermission.Administer, cancellationToken);

    /// <summary>Revokes a key at once (admins).</summary>
    public Task<BackendAnswer<object>> RevokeApiKeyAsync(Guid id, CancellationToken cancellationToken) =>
        WriteAsync<object>(HttpMethod.Post, $"/api/v1/api-keys/{id}/revoke", null, WebPermission.Administer, cancellationToken);
}

/// <summary>What an accepted import wrote.</summary>
/// <param name="Accepted">Events written.</param>
/// <param name="Duplicates">Events already recorded (counted once).</param>
public sealed record CsvImportSummary(int Accepted, int Duplicates);

/// <summary>An API key as listed (never its secret).</summary>
/// <param name="Id">Key id.</param>
/// <param name="Name">What it is for.</param>
/// <param name="KeyPrefix">The secret's first characters, to tell keys apart.</param>
/// <param name="UseCaseIds">The use cases it may write; null for every use case of the organization.</param>
/// <param name="IsAdmin">Whether it manages keys.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked; null while valid.</param>
public sealed record ApiKeySummary(Guid Id, string Name, string KeyPrefix, IReadOnlyList<string>? UseCaseIds, bool IsAdmin, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just created, with its secret.</summary>
/// <param name="ApiKey">The key's listing.</param>
/// <param name="Key">The secret, shown once.</param>
public sealed record CreatedApiKey(ApiKeySummary ApiKey, string Key);
