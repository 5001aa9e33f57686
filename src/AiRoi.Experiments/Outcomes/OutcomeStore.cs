using System.Runtime.InteropServices;
using AiRoi.Contracts;
using AiRoi.Contracts.Messages;
using AiRoi.Domain.Experiments;
using AiRoi.Domain.Rollups;
using AiRoi.ServiceDefaults.Data;
using Npgsql;
using NpgsqlTypes;

namespace AiRoi.Experiments.Outcomes;

/// <summary>
/// <c>experiments.outcomes</c>, <c>exposures</c> and <c>variant_statistics</c>, written together in one
/// transaction per message. New outcomes are written by binary COPY, and looked up by id only when the key refuses
/// one already stored; exposures and statistics are upserts. Every table's rows are written in key order, so two transactions on the same experiment
/// (competing consumers) take their row locks in the same order and never deadlock.
/// </summary>
public sealed class OutcomeStore(NpgsqlDataSource dataSource)
{

    /// <summary>
    /// The event ids of a message (<c>$2</c>) already stored for the use case (<c>$1</c>): one probe of the key per id.
    /// Written as <c>event_id = any($2)</c>, the planner may scan every outcome of the use case and filter, which it
    /// does when its statistics are missing or older than the table's growth, and each message then costs them all.
    /// </summary>
    public const string StoredIdsQuery =
        """
        select stored.event_id from unnest($2::text[]) as sent(event_id),
               lateral (select event_id from experiments.outcomes where use_case_id = $1 and event_id = sent.event_id limit 1) as stored
        """;

    /// <summary>
    /// Stores the outcomes not stored before, the first exposures among them, and the per-variant sufficient
    /// statistics of exactly those; answers how many were new.
    /// </summary>
    /// <remarks>
    /// Almost every message is new outcomes, so they are first stored as they are: the key on (use case, event id)
    /// refuses the whole transaction if any was stored before (a redelivered message, a batch republished after a
    /// crash, another consumer's store of the same) or repeats within the message. Only then are the ids looked up,
    /// and the new ones stored. Should a second consumer store one of those between the lookup and the commit, the
    /// key refuses this transaction too and the consumer's retry skips what that one stored.
    /// </remarks>
    public async Task<int> AddAsync(string useCaseId, IReadOnlyList<RecordedOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            return 0;
        }
        outcomes = [.. outcomes.OrderBy(o => o.Event.EventId, StringComparer.Ordinal)];
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return await StoreAsync(connection, useCaseId, outcomes, cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation && exception.ConstraintName == OutcomeKey)
        {
            // Some were stored before: only the others are stored, below.
        }

        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using (var lookup = new NpgsqlCommand(StoredIdsQuery, connection)
            .WithValues(useCaseId, outcomes.Select(o => o.Event.EventId).ToArray()))
        {
            await using var reader = await lookup.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stored.Add(reader.GetString(0));
            }
        }
        // The grain publishes each event once per message; an id repeated within a message counts once, as the key
        // would refuse its second row.
        var added = outcomes.Where(o => !stored.Contains(o.Event.EventId)).DistinctBy(o => o.Event.EventId, StringComparer.Ordinal).ToList();
        return added.Count == 0 ? 0 : await StoreAsync(connection, useCaseId, added, cancellationToken);
    }

    /// <summary>The key of <c>experiments.outcomes</c> on (use case, event id), whose refusal means an outcome is already stored.</summary>
    private const string OutcomeKey = "outcomes_pkey";

    /// <summary>Stores <paramref name="added"/> (outcomes in event id order, none stored before) in one transaction.</summary>
    private static async Task<int> StoreAsync(NpgsqlConnection connection, string useCaseId, IReadOnlyList<RecordedOutcome> added, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy experiments.outcomes (use_case_id, event_id, sequence, experiment_id, variant, subject_id, completed_at, event) from stdin (format binary)",
            cancellationToken))
        {
            using var documents = new OutcomeEventJson.Documents();
            foreach (var outcome in added)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(useCaseId, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(outcome.Event.EventId, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(outcome.Sequence, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(outcome.Event.ExperimentId!, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(outcome.Event.Variant!, NpgsqlDbType.Text, cancellationToken);
                if (outcome.Event.SubjectId is { } subject)
                {
                    await copy.WriteAsync(subject, NpgsqlDbType.Text, cancellationToken);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken);
                }
                await copy.WriteAsync(outcome.Event.CompletedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(documents.Of(outcome.Event), NpgsqlDbType.Jsonb, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }

        var first = FirstExposures(added);
        if (first.Count > 0)
        {
            await using var exposures = new NpgsqlCommand(
                """
                insert into experiments.exposures (experiment_id, subject_id, variant, first_exposed_at, event_id)
                select * from unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[])
                on conflict (experiment_id, subject_id) do update
                   set variant = excluded.variant, first_exposed_at = excluded.first_exposed_at, event_id = excluded.event_id
                 where excluded.first_exposed_at < experiments.exposures.first_exposed_at
                """, connection, transaction);
            exposures
                .WithValues(
                    first.Select(o => o.Event.ExperimentId!).ToArray(),
                    first.Select(o => o.Event.SubjectId!).ToArray(),
                    first.Select(o => o.Event.Variant!).ToArray())
                .WithTyped(first.Select(o => o.Event.CompletedAt.UtcDateTime).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
                .WithValues((object)first.Select(o => o.Event.EventId).ToArray());
            await exposures.ExecuteNonQueryAsync(cancellationToken);
        }

        var moments = Statistics(added);
        if (moments.Count > 0)
        {
            await using var upsert = new NpgsqlCommand(
                """
                insert into experiments.variant_statistics (experiment_id, variant, metric_key, n, sum, sum_of_squares)
                select * from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::float8[], $6::float8[])
                on conflict (experiment_id, variant, metric_key) do update
                   set n = experiments.variant_statistics.n + excluded.n,
                       sum = experiments.variant_statistics.sum + excluded.sum,
                       sum_of_squares = experiments.variant_statistics.sum_of_squares + excluded.sum_of_squares
                """, connection, transaction)
                .WithValues(
                    moments.Select(m => m.Experiment).ToArray(),
                    moments.Select(m => m.Variant).ToArray(),
                    moments.Select(m => m.Metric).ToArray(),
                    moments.Select(m => m.Moments.N).ToArray(),
                    moments.Select(m => m.Moments.Sum).ToArray(),
                    moments.Select(m => m.Moments.SumOfSquares).ToArray());
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return added.Count;
    }

    /// <summary>
    /// Each subject's earliest event among <paramref name="added"/>, in key order (experiment, subject): the rows of
    /// one insert may not conflict with each other. Ties in time go to the smaller event id.
    /// </summary>
    private static List<RecordedOutcome> FirstExposures(IReadOnlyList<RecordedOutcome> added)
    {
        var exposed = added.Where(o => o.Event.SubjectId is not null).ToList();
        exposed.Sort(static (a, b) =>
        {
            var order = string.CompareOrdinal(a.Event.ExperimentId, b.Event.ExperimentId);
            order = order != 0 ? order : string.CompareOrdinal(a.Event.SubjectId, b.Event.SubjectId);
            order = order != 0 ? order : a.Event.CompletedAt.CompareTo(b.Event.CompletedAt);
            return order != 0 ? order : string.CompareOrdinal(a.Event.EventId, b.Event.EventId);
        });
        var first = new List<RecordedOutcome>(exposed.Count);
        foreach (var outcome in exposed)
        {
            if (first.Count == 0 || first[^1].Event.ExperimentId != outcome.Event.ExperimentId || first[^1].Event.SubjectId != outcome.Event.SubjectId)
            {
                first.Add(outcome);
            }
        }
        return first;
    }

    /// <summary>The per-variant moments of the new outcomes, in key order (experiment, variant, metric).</summary>
    private static List<(string Experiment, string Variant, string Metric, Moments Moments)> Statistics(IReadOnlyList<RecordedOutcome> added)
    {
        // By variant, then by metric name: a key of one string is hashed with a cheap hash, one of several strings
        // with the randomized one, and an event has a dozen metrics.
        var byVariant = new Dictionary<(string Experiment, string Variant), Dictionary<string, Moments>>();
        foreach (var outcome in added)
        {
            var key = (outcome.Event.ExperimentId!, outcome.Event.Variant!);
            if (!byVariant.TryGetValue(key, out var metrics))
            {
                metrics = new Dictionary<string, Moments>(StringComparer.Ordinal);
                byVariant.Add(key, metrics);
            }
            foreach (var (metric, value) in ExperimentMeasures.Of(outcome.Event))
            {
                ref var moments = ref CollectionsMarshal.GetValueRefOrAddDefault(metrics, metric, out _);
                moments = moments.Add(value);
            }
        }
        return [.. byVariant
            .SelectMany(variant => variant.Value.Select(metric => (variant.Key.Experiment, variant.Key.Variant, Metric: metric.Key, Moments: metric.Value)))
            .OrderBy(m => m.Experiment, StringComparer.Ordinal).ThenBy(m => m.Variant, StringComparer.Ordinal).ThenBy(m => m.Metric, StringComparer.Ordinal)];
    }
}
