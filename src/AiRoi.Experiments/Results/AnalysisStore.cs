using AiRoi.Contracts.Api;
using System.Text.Json;
using AiRoi.ServiceDefaults.Data;
using Npgsql;
using NpgsqlTypes;

namespace AiRoi.Experiments.Results;

/// <summary><c>experiments.analyses</c>: the latest periodic analysis of each experiment.</summary>
public sealed class AnalysisStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Keeps <paramref name="results"/> as the experiment's latest analysis.</summary>
    public async Task SaveAsync(ExperimentResults results, DateTimeOffset analyzedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        await using var command = dataSource.CreateCommand(
            """
            insert into experiments.analyses (experiment_id, analyzed_at, ready_for_decision, results) values ($1, $2, $3, $4)
            on conflict (experiment_id) do update
               set analyzed_at = excluded.analyzed_at, ready_for_decision = excluded.ready_for_decision, results = excluded.results
            """)
            .WithValues(results.ExperimentId)
            .WithTyped(analyzedAt.UtcDateTime, NpgsqlDbType.TimestampTz)
            .WithTyped(JsonSerializer.Serialize(results.ReadyForDecision, Json), NpgsqlDbType.Jsonb)
            .WithTyped(JsonSerializer.Serialize(results, Json), NpgsqlDbType.Jsonb);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
