using System.Runtime.CompilerServices;
using AiRoi.Contracts;
using AiRoi.Contracts.UseCases;
using AiRoi.Domain.Events;
using AiRoi.ServiceDefaults.Data;
using Npgsql;
using NpgsqlTypes;

namespace AiRoi.Metrics.EventLog;

/// <summary>An event read back from the log with its sequence number.</summary>
public sealed record SequencedEvent(long Sequence, string Json);

/// <summary>
/// The outcome-event log in PostgreSQL, the source of truth. Written only by each use case's grain (its single
/// writer), one transaction per batch: new events are numbered after the use case's last sequence and written by
/// binary COPY into <c>event_ids</c> and <c>outcome_events</c>, each as its canonical JSON document
/// (<see cref="OutcomeEventJson"/>); ids the log already holds are reported as duplicates. The keys of
/// <c>event_ids</c> (event id, and sequence, per use case) refuse the whole transaction should a second writer ever
/// race this one.
/// </summary>
public sealed class OutcomeEventLog(NpgsqlDataSource dataSource, MonthlyPartitions partitions)
{
    /// <summary>
    /// The ids of a batch (<c>$2</c>) the log of the use case (<c>$1</c>) already holds, with their sequences: one probe
    /// of the key per id. Written as <c>event_id = any($2)</c>, the planner may scan every id of the use case and
    /// filter, which it does when its statistics are missing or older than the use case's growth, and each batch then
    /// costs the use case's whole log.
    /// </summary>
    public const string LoggedIdsQuery =
        """
        select logged.event_id, logged.sequence from unnest($2::text[]) as sent(event_id),
               lateral (select event_id, sequence from metrics.event_ids where use_case_id = $1 and event_id = sent.event_id limit 1) as logged
        """;

    /// <summary>
    /// Writes the batch in one transaction. <paramref name="lastSequence"/> is the use case's last sequence number,
    /// which only its grain advances. Answers each event's outcome in batch order.
    /// </summary>
    /// <remarks>
    /// Almost every batch is new events, so the batch is first written as it is, numbered in batch order: the key on
    /// event ids refuses it whole if any id is already logged. Only then (a batch sent again after a lost answer) are
    /// its ids looked up, and the new ones among them written. A refusal by the key on sequences means a second
    /// writer, and is thrown.
    /// </remarks>
    public async Task<IReadOnlyList<AppendOutcome>> AppendAsync(
        string useCaseId, long lastSequence, IReadOnlyList<OutcomeEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }
        await partitions.EnsureAsync(batch.Select(outcomeEvent => outcomeEvent.CompletedAt), cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        var outcomes = new AppendOutcome[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            outcomes[i] = new AppendOutcome(Accepted: true, lastSequence + i + 1);
        }
        try
        {
            await WriteAsync(connection, useCaseId, batch, outcomes, cancellationToken);
            return outcomes;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation && exception.ConstraintName == EventIdKey)
        {
            // Some ids are already logged: they keep the sequence they were given, and the others are numbered after the last.
        }

        var known = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var lookup = new NpgsqlCommand(LoggedIdsQuery, connection)
            .WithValues(useCaseId, batch.Select(outcomeEvent => outcomeEvent.EventId).ToArray()))
        {
            await using var reader = await lookup.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                known[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        var sequence = lastSequence;
        for (var i = 0; i < batch.Count; i++)
        {
            outcomes[i] = known.TryGetValue(batch[i].EventId, out var logged)
                ? new AppendOutcome(Accepted: false, logged)
                : new AppendOutcome(Accepted: true, ++sequence);
        }
        if (sequence > lastSequence)
        {
            await WriteAsync(connection, useCaseId, batch, outcomes, cancellationToken);
        }
        return outcomes;
    }

    /// <summary>The key of <c>event_ids</c> on (use case, event id), whose refusal means an id is already logged.</summary>
    private const string EventIdKey = "event_ids_pkey";

    /// <summary>Writes the accepted events of the batch by binary COPY in one transaction.</summary>
    private static async Task WriteAsync(
        NpgsqlConnection connection, string useCaseId, IReadOnlyList<OutcomeEvent> batch, AppendOutcome[] outcomes, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var ids = await connection.BeginBinaryImportAsync(
            "copy metrics.event_ids (use_case_id, event_id, sequence) from stdin (format binary)", cancellationToken))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (!outcomes[i].Accepted)
                {
                    continue;
                }
                await ids.StartRowAsync(cancellationToken);
                await ids.WriteAsync(useCaseId, NpgsqlDbType.Text, cancellationToken);
                await ids.WriteAsync(batch[i].EventId, NpgsqlDbType.Text, cancellationToken);
                await ids.WriteAsync(outcomes[i].Sequence, NpgsqlDbType.Bigint, cancellationToken);
            }
            await ids.CompleteAsync(cancellationToken);
        }
        await using (var events = await connection.BeginBinaryImportAsync(
            "copy metrics.outcome_events (use_case_id, sequence, event_id, completed_at, event) from stdin (format binary)", cancellationToken))
        {
            using var documents = new OutcomeEventJson.Documents();
            for (var i = 0; i < batch.Count; i++)
            {
                if (!outcomes[i].Accepted)
                {
                    continue;
                }
                await events.StartRowAsync(cancellationToken);
                await events.WriteAsync(useCaseId, NpgsqlDbType.Text, cancellationToken);
                await events.WriteAsync(outcomes[i].Sequence, NpgsqlDbType.Bigint, cancellationToken);
                await events.WriteAsync(batch[i].EventId, NpgsqlDbType.Text, cancellationToken);
                await events.WriteAsync(batch[i].CompletedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await events.WriteAsync(documents.Of(batch[i]), NpgsqlDbType.Jsonb, cancellationToken);
            }
            await events.CompleteAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The last sequence number written for the use case (0 before any event).</summary>
    public async Task<long> ReadLastSequenceAsync(string useCaseId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select coalesce(max(sequence), 0) from metrics.event_ids where use_case_id = $1")
            .WithValues(useCaseId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The events after <paramref name="afterSequence"/>, in sequence order.</summary>
    public async IAsyncEnumerable<SequencedEvent> ReadAfterAsync(
        string useCaseId, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select sequence, event::text from metrics.outcome_events where use_case_id = $1 and sequence > $2 order by sequence")
            .WithValues(useCaseId, afterSequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new SequencedEvent(reader.GetInt64(0), reader.GetString(1));
        }
    }

    /// <summary>The grain's last snapshot: the sequence it covers, its state document and how far experiment events were published; or null.</summary>
    public async Task<(long Sequence, string State, long PublishedUpTo)?> ReadSnapshotAsync(string useCaseId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select sequence, state::text, published_up_to from metrics.use_case_snapshots where use_case_id = $1")
            .WithValues(useCaseId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)) : null;
    }

    /// <summary>Replaces the grain's snapshot.</summary>
    public async Task WriteSnapshotAsync(string useCaseId, long sequence, string state, long publishedUpTo, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into metrics.use_case_snapshots (use_case_id, sequence, state, published_up_to) values ($1, $2, $3::jsonb, $4)
            on conflict (use_case_id) do update
            set sequence = excluded.sequence, state = excluded.state, published_up_to = excluded.published_up_to, taken_at = now()
            """)
            .WithValues(useCaseId, sequence, state, publishedUpTo);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Records how far experiment events were published in the grain's snapshot row without rewriting its state (the
    /// state is stored apart from the row and stays as it is). False when the use case has no snapshot yet.
    /// </summary>
    public async Task<bool> RecordPublishedAsync(string useCaseId, long publishedUpTo, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update metrics.use_case_snapshots set published_up_to = greatest(published_up_to, $2) where use_case_id = $1")
            .WithValues(useCaseId, publishedUpTo);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>The first <paramref name="limit"/> experiment-bearing events with sequences in (<paramref name="after"/>, <paramref name="upTo"/>], in order.</summary>
    public async Task<IReadOnlyList<SequencedEvent>> ReadExperimentEventsAsync(
        string useCaseId, long after, long upTo, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select sequence, event::text from metrics.outcome_events
            where use_case_id = $1 and sequence > $2 and sequence <= $3 and event ? 'experimentId'
            order by sequence
            limit $4
            """)
            .WithValues(useCaseId, after, upTo, limit);
        var events = new List<SequencedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new SequencedEvent(reader.GetInt64(0), reader.GetString(1)));
        }
        return events;
    }
}
