using AiRoi.Domain.Experiments;
using AiRoi.Domain;
using AiRoi.ServiceDefaults.Data;
using Npgsql;
using NpgsqlTypes;

namespace AiRoi.Experiments.Lifecycle;

/// <summary>
/// Experiments in <c>experiments.experiments</c>. Changes run under a row lock, so that two lifecycle moves on one
/// experiment apply one after the other; the lifecycle survives restarts because it lives only here.
/// </summary>
public sealed class ExperimentStore(NpgsqlDataSource dataSource)
{
    // The stored document with the latest periodic analysis beside it (kept in its own table, so the analysis never
    // contends with a lifecycle move for the row).
    private const string Select =
        """
        select (e.document || case when a.experiment_id is null then '{}'::jsonb
                else jsonb_build_object('analysis', jsonb_build_object('analyzedAt', a.analyzed_at, 'readyForDecision', a.ready_for_decision)) end)::text
          from experiments.experiments e left join experiments.analyses a on a.experiment_id = e.id
        """;

    /// <summary>Stores a new experiment.</summary>
    public async Task InsertAsync(Experiment experiment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        await using var command = dataSource.CreateCommand(
            "insert into experiments.experiments (id, use_case_id, status, document) values ($1, $2, $3, $4)")
            .WithValues(experiment.Id, experiment.Definition.UseCaseId!, WireJson.Name(experiment.Status))
            .WithTyped(ExperimentJson.Serialize(experiment), NpgsqlDbType.Jsonb);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The experiment with this id, or null.</summary>
    public async Task<Experiment?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"{Select} where e.id = $1").WithValues(id);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? ExperimentJson.Deserialize(json) : null;
    }

    /// <summary>Experiments, newest first; of one use case and one status when given.</summary>
    public async Task<IReadOnlyList<Experiment>> ListAsync(string? useCaseId, ExperimentStatus? status, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"{Select} where ($1::text is null or e.use_case_id = $1) and ($2::text is null or e.status = $2) order by e.created_at desc, e.id")
            .WithTyped(useCaseId, NpgsqlDbType.Text)
            .WithTyped(status is { } s ? WireJson.Name(s) : null, NpgsqlDbType.Text);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var experiments = new List<Experiment>();
        while (await reader.ReadAsync(cancellationToken))
        {
            experiments.Add(ExperimentJson.Deserialize(reader.GetString(0)));
        }
        return experiments;
    }

    /// <summary>
    /// Changes an experiment under a row lock. <paramref name="change"/> answers the new experiment, or a refusal
    /// (nothing is written then); the same object back writes nothing. Null when no experiment has the id.
    /// </summary>
    public async Task<(Experiment? Experiment, string? Refusal)?> UpdateAsync(
        string id, Func<Experiment, (Experiment? Next, string? Refusal)> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Experiment current;
        await using (var select = new NpgsqlCommand("select document::text from experiments.experiments where id = $1 for update", connection, transaction)
            .WithValues(id))
        {
            if (await select.ExecuteScalarAsync(cancellationToken) is not string json)
            {
                return null;
            }
            current = ExperimentJson.Deserialize(json);
        }
        var (next, refusal) = change(current);
        if (next is null || ReferenceEquals(next, current))
        {
            return (next is null ? current : next, refusal);
        }
        await using (var update = new NpgsqlCommand(
            "update experiments.experiments set status = $2, document = $3, revision = revision + 1, updated_at = now() where id = $1", connection, transaction)
            .WithValues(id, WireJson.Name(next.Status))
            .WithTyped(ExperimentJson.Serialize(next), NpgsqlDbType.Jsonb))
        {
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return (next, null);
    }

    /// <summary>Concluded experiments whose conclusion the broker has not confirmed yet, oldest first.</summary>
    public async Task<IReadOnlyList<Experiment>> UnpublishedConclusionsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select document::text from experiments.experiments where status = 'concluded' and conclusion_published_at is null order by updated_at limit 100");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var experiments = new List<Experiment>();
        while (await reader.ReadAsync(cancellationToken))
        {
            experiments.Add(ExperimentJson.Deserialize(reader.GetString(0)));
        }
        return experiments;
    }

    /// <summary>Records that the broker confirmed the experiment's conclusion.</summary>
    public async Task MarkConclusionPublishedAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update experiments.experiments set conclusion_published_at = now() where id = $1")
            .WithValues(id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
