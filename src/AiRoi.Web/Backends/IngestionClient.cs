using AiRoi.Web.Accounts;

namespace AiRoi.Web.Backends;

/// <summary>The ingestion API (port 5081): CSV import of historical events. Imports need <see cref="WebPermission.Edit"/>.</summary>
public sealed class IngestionClient(HttpClient http, AccessGate gate) : BackendClient(http, gate, "ingestion")
{
    /// <summary>Imports a CSV file into a use case; a file with any bad row is refused whole, each error with its line.</summary>
    public Task<BackendAnswer<CsvImportSummary>> ImportCsvAsync(string useCaseId, string csv, CancellationToken cancellationToken) =>
        WriteTextAsync<CsvImportSummary>($"/api/v1/use-cases/{Segment(useCaseId)}/events/import", csv, "text/csv", WebPermission.Edit, cancellationToken);
}

/// <summary>What an accepted import wrote.</summary>
/// <param name="Accepted">Events written.</param>
/// <param name="Duplicates">Events already recorded (counted once).</param>
public sealed record CsvImportSummary(int Accepted, int Duplicates);
