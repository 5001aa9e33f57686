using AiRoi.Web.Accounts;

namespace AiRoi.Web.Backends;

/// <summary>
/// The ingestion API (port 5081): CSV import of historical events (editors), API keys (admins), and what it refused.
/// </summary>
public sealed class IngestionClient(HttpClient http, AccessGate gate) : BackendClient(http, gate, "ingestion")
{
    /// <summary>Refused events of the last <paramref name="days"/> UTC days, per use case and reason.</summary>
    public Task<BackendAnswer<RejectionsReport>> RejectionsAsync(int days, CancellationToken cancellationToken) =>
        GetAsync<RejectionsReport>($"/api/v1/rejections{Query(("days", days.ToString(System.Globalization.CultureInfo.InvariantCulture)))}", cancellationToken);

    /// <summary>Imports a CSV file into a use case; a file with any bad row is refused whole, each error with its line.</summary>
    public Task<BackendAnswer<CsvImportSummary>> ImportCsvAsync(string useCaseId, string csv, CancellationToken cancellationToken) =>
        WriteTextAsync<CsvImportSummary>($"/api/v1/use-cases/{Segment(useCaseId)}/events/import", csv, "text/csv", WebPermission.Edit, cancellationToken);

    /// <summary>Every API key, without secrets (admins).</summary>
    public Task<BackendAnswer<IReadOnlyList<ApiKeySummary>>> ApiKeysAsync(CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<ApiKeySummary>>(HttpMethod.Get, "/api/v1/api-keys", null, WebPermission.Administer, cancellationToken);

    /// <summary>Creates a key (admins); the answer carries the secret, which is never shown again.</summary>
    public Task<BackendAnswer<CreatedApiKey>> CreateApiKeyAsync(
        string name, IReadOnlyList<string>? useCaseIds, bool admin, bool actsForPeople, CancellationToken cancellationToken) =>
        WriteAsync<CreatedApiKey>(HttpMethod.Post, "/api/v1/api-keys", new { name, useCaseIds, admin, actsForPeople }, WebPermission.Administer, cancellationToken);

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
/// <param name="ActsForPeople">Whether its requests may name the person they act for (the web's own key).</param>
public sealed record ApiKeySummary(
    Guid Id, string Name, string KeyPrefix, IReadOnlyList<string>? UseCaseIds, bool IsAdmin, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt,
    bool ActsForPeople = false);

/// <summary>A key just created, with its secret.</summary>
/// <param name="ApiKey">The key's listing.</param>
/// <param name="Key">The secret, shown once.</param>
public sealed record CreatedApiKey(ApiKeySummary ApiKey, string Key);

/// <summary>Refused events over a period (<c>GET /api/v1/rejections</c>).</summary>
/// <param name="Days">The period, in UTC days up to today.</param>
/// <param name="Since">Its first day.</param>
/// <param name="Events">Events refused in all.</param>
/// <param name="UseCases">Per use case, the latest refusal first.</param>
public sealed record RejectionsReport(int Days, DateOnly Since, long Events, IReadOnlyList<UseCaseRejections> UseCases)
{
    /// <summary>The use case's refusals; null when it had none.</summary>
    public UseCaseRejections? For(string useCaseId) => UseCases.FirstOrDefault(useCase => useCase.UseCaseId == useCaseId);
}

/// <summary>A use case's refused events.</summary>
/// <param name="UseCaseId">The use case as the events named it; empty when none could be read.</param>
/// <param name="Events">Events refused.</param>
/// <param name="LastAt">The latest refusal.</param>
/// <param name="Reasons">By reason and source, most events first.</param>
public sealed record UseCaseRejections(string UseCaseId, long Events, DateTimeOffset LastAt, IReadOnlyList<RejectionReason> Reasons);

/// <summary>Refused events for one reason from one source.</summary>
/// <param name="Code">The error code, or <c>refused-with-batch</c> for valid events refused with the others.</param>
/// <param name="Source"><c>events</c> (the events API) or <c>csv</c> (an import).</param>
/// <param name="Requests">Refused requests.</param>
/// <param name="Events">Events refused.</param>
/// <param name="LastAt">The latest.</param>
/// <param name="Example">The latest message, saying what to fix.</param>
public sealed record RejectionReason(string Code, string Source, long Requests, long Events, DateTimeOffset LastAt, string Example)
{
    /// <summary>Whether these were valid events, refused because others in their batch or file were not.</summary>
    public bool RefusedWithOthers => Code == "refused-with-batch";
}
