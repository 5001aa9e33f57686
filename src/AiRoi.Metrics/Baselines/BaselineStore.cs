using AiRoi.Domain.Baselines;
using AiRoi.Domain;
using AiRoi.Metrics.Reports;
using AiRoi.ServiceDefaults.Data;
using Npgsql;

namespace AiRoi.Metrics.Baselines;

/// <summary>
/// Baseline versions in <c>metrics.baselines</c>. Rows are only ever inserted: a new value is a new version, so a
/// report that names a version can always be reproduced. Only the use case's grain inserts, one call at a time,
/// so numbering by "latest + 1" cannot race.
/// </summary>
public sealed class BaselineStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "metric_key, version, method, value, standard_error, low, high, sample_size, period_start, period_end, source, note, created_by, created_at";

    /// <summary>The latest version of each metric's baseline.</summary>
    public async Task<Dictionary<string, BaselineVersion>> ReadCurrentAsync(string useCaseId, CancellationToken cancellationToken)
    {
        var current = new Dictionary<string, BaselineVersion>(StringComparer.Ordinal);
        await foreach (var version in ReadAsync(
            $"select distinct on (metric_key) {Columns} from metrics.baselines where use_case_id = $1 order by metric_key, version desc",
            [useCaseId], cancellationToken))
        {
            current[version.MetricKey] = version;
        }
        return current;
    }

    /// <summary>Every version of every metric's baseline (or of one metric), newest first per metric.</summary>
    public async Task<IReadOnlyList<BaselineVersion>> ReadHistoryAsync(string useCaseId, string? metricKey, CancellationToken cancellationToken)
    {
        var versions = new List<BaselineVersion>();
        var sql = $"select {Columns} from metrics.baselines where use_case_id = $1"
            + (metricKey is null ? "" : " and metric_key = $2")
            + " order by metric_key, version desc";
        await foreach (var version in ReadAsync(sql, metricKey is null ? [useCaseId] : [useCaseId, metricKey], cancellationToken))
        {
            versions.Add(version);
        }
        return versions;
    }

    /// <summary>Stores <paramref name="draft"/> as the metric's next version; answers it with its number and time.</summary>
    public async Task<BaselineVersion> InsertAsync(string useCaseId, BaselineVersion draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var command = dataSource.CreateCommand(
            """
            insert into metrics.baselines (use_case_id, metric_key, version, method, value, standard_error, low, high,
                                           sample_size, period_start, period_end, source, note, created_by)
            select $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13
              from metrics.baselines where use_case_id = $1 and metric_key = $2
            returning version, created_at
            """)
            .WithValues(
                useCaseId, draft.MetricKey, MethodName(draft.Method), draft.Value, draft.StandardError, draft.Low, draft.High,
                draft.SampleSize, draft.PeriodStart, draft.PeriodEnd, draft.Source, draft.Note, draft.CreatedBy);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return draft with { Version = reader.GetInt32(0), CreatedAt = reader.GetFieldValue<DateTimeOffset>(1) };
    }

    /// <summary>The wire and column name of a method (<c>before-go-live</c>).</summary>
    public static string MethodName(BaselineMethod method) => WireJson.Name(method);

    private async IAsyncEnumerable<BaselineVersion> ReadAsync(
        string sql, object[] parameters, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql).WithValues(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new BaselineVersion(
                reader.GetString(0),
                reader.GetInt32(1),
                WireJson.Parse<BaselineMethod>(reader.GetString(2))!.Value,
                reader.GetDouble(3),
                reader.GetString(12),
                reader.GetFieldValue<DateTimeOffset>(13))
            {
                StandardError = reader.IsDBNull(4) ? null : reader.GetDouble(4),
                Low = reader.IsDBNull(5) ? null : reader.GetDouble(5),
                High = reader.IsDBNull(6) ? null : reader.GetDouble(6),
                SampleSize = reader.IsDBNull(7) ? null : reader.GetInt64(7),
                PeriodStart = reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8),
                PeriodEnd = reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9),
                Source = reader.IsDBNull(10) ? null : reader.GetString(10),
                Note = reader.IsDBNull(11) ? null : reader.GetString(11),
            };
        }
    }
}
