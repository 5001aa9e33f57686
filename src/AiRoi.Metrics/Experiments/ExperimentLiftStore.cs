using AiRoi.Contracts.Messages;
using AiRoi.Domain.Roi;
using AiRoi.ServiceDefaults.Data;
using Npgsql;
using NpgsqlTypes;

namespace AiRoi.Metrics.Experiments;

/// <summary><c>metrics.experiment_lifts</c>: the concluded experiments of each use case, as the experiment service reported them.</summary>
public sealed class ExperimentLiftStore(NpgsqlDataSource dataSource)
{
    /// <summary>Keeps a conclusion; one reported again changes nothing.</summary>
    public async Task RecordAsync(ExperimentConcluded conclusion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conclusion);
        await using var command = dataSource.CreateCommand(
            """
            insert into metrics.experiment_lifts (experiment_id, use_case_id, decision, variant, absolute_lift, low, high, concluded_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            on conflict (experiment_id) do nothing
            """);
        var lift = conclusion.Lift;
        command
            .WithValues(conclusion.ExperimentId, conclusion.UseCaseId, conclusion.Decision, conclusion.Variant, lift?.AbsoluteLift, lift?.Low, lift?.High)
            .WithTyped(conclusion.ConcludedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The conversion lift of the use case's most recently shipped experiment that measured one; null when none.</summary>
    public async Task<ConversionLiftEvidence?> ReadCurrentAsync(string useCaseId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select experiment_id, absolute_lift, low, high from metrics.experiment_lifts
             where use_case_id = $1 and decision = 'ship' and absolute_lift is not null
             order by concluded_at desc, experiment_id limit 1
            """)
            .WithValues(useCaseId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ConversionLiftEvidence(reader.GetString(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3))
            : null;
    }
}
