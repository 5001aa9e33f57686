using AiRoi.Contracts.Api;
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
    public Task<BackendAnswer<EventBatchResult>> ImportCsvAsync(string useCaseId, string csv, CancellationToken cancellationToken) =>
        WriteTextAsync<EventBatchResult>($"/api/v1/use-cases/{Segment(useCaseId)}/events/import", csv, "text/csv", WebPermission.Edit, cancellationToken);

    /// <summary>Every API key, without secrets (admins).</summary>
    public Task<BackendAnswer<IReadOnlyList<ApiKeySummary>>> ApiKeysAsync(CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<ApiKeySummary>>(HttpMethod.Get, "/api/v1/api-keys", null, WebPermission.Administer, cancellationToken);

    /// <summary>Creates a key (admins); the answer carries the secret, which is never shown again.</summary>
    public Task<BackendAnswer<CreatedApiKey>> CreateApiKeyAsync(
        string name, IReadOnlyList<string>? useCaseIds, bool admin, bool actsForPeople, bool readOnly, CancellationToken cancellationToken) =>
        WriteAsync<CreatedApiKey>(HttpMethod.Post, "/api/v1/api-keys", new { name, useCaseIds, admin, actsForPeople, readOnly }, WebPermission.Administer, cancellationToken);

    /// <summary>Revokes a key at once (admins).</summary>
    public Task<BackendAnswer<object>> RevokeApiKeyAsync(Guid id, CancellationToken cancellationToken) =>
        WriteAsync<object>(HttpMethod.Post, $"/api/v1/api-keys/{id}/revoke", null, WebPermission.Administer, cancellationToken);
}
