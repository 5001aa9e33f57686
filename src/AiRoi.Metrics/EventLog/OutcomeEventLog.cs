using System.Runtime.CompilerServices;
using AiRoi.Contracts.UseCases;
using AiRoi.Domain.Events;
using AiRoi.ServiceDefaults.Data;
using Npgsql;
using NpgsqlTypes;

namespace AiRoi.Metrics.EventLog;

/// <summary>An event ready to be written: the parsed event and its canonical JSON document.</summary>
public sealed record LoggedEvent(OutcomeEvent Event, string Json);

/// <summary>An event read back from the log with its sequence number.</summary>
public sealed record SequencedEvent(long Sequence, string Json);

/// <summary>
/// The outcome-event log in PostgreSQL, the source of truth. Written only by each use case's grain (its single
/// writer), one transaction per batch: binary COPY into a temporary table, then new event ids numbered after the
/// use case's last sequence; ids already in the log are reported as duplicates and written again nowhere.
/// </summary>
public sealed class OutcomeEventLog(NpgsqlDataSource dataSource, MonthlyPartitions partitions)
{
    /// <summary>
    /// Writes the batch in one transaction. <paramref name="lastSequence"/> is the use case's last sequence number,
    /// which only its grain advances. Answers each event's outcome in batch order.
    /// </summary>
    public async Task<IReadOnlyList<AppendOutcome>> AppendAsync(
        string useCaseId, long lastSequence, IReadOnlyList<LoggedEvent> batch, CancellationToken cancellationToken)
    {
        await partitions.EnsureAsync(batch.Select(logged => logged.Event.CompletedAt), cancellationToken);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction,
            "create temporary table staged_events (ordinal integer, event_id text, completed_at timestamptz, event jsonb) on commit drop",
            cancellationToken);

        await using (var import = await connection.BeginBinaryImportAsync(
            "copy staged_events (ordinal, event_id, completed_at, event) from stdin (format binary)", cancellationToken))
        {
            for (var ordinal = 0; ordinal < batch.Count; ordinal++)
            {
                var logged = batch[ordinal];
                await import.StartRowAsync(cancellationToken);
                await import.WriteAsync(ordinal, NpgsqlDbType.Integer, cancellationToken);
                await import.WriteAsync(logged.Event.EventId, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(logged.Event.CompletedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await import.WriteAsync(logged.Json, NpgsqlDbType.Jsonb, cancellationToken);
            }
            await import.CompleteAsync(cancellationToken);
        }

        // New ids are numbered in batch order after the last sequence; ids already known keep their number.
        await using (var number = new NpgsqlCommand(
            """
            insert into metrics.event_ids (use_case_id, event_id, sequence)
            select $1, staged.event_id, $2 + row_number() over (order by staged.ordinal)
            from staged_events staged
            where not exists (select 1 from metrics.event_ids known where known.use_case_id = $1 and known.event_id = staged.event_id)
            order by staged.ordinal
            """, connection, transaction)
            .WithValues(useCaseId, lastSequence))
        {
            await number.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var append = new NpgsqlCommand(
            """
            insert into metrics.outcome_events (use_case_id, sequence, event_id, completed_at, event)
            select $1, ids.sequence, staged.event_id, staged.completed_at, staged.event
            from staged_events staged
            join metrics.event_ids ids on ids.use_case_id = $1 and ids.event_id = staged.event_id
            where ids.sequence > $2
            """, connection, transaction)
            .WithValues(useCaseId, lastSequence))
        {
            await append.ExecuteNonQueryAsync(cancellationToken);
        }

        var outcomes = new AppendOutcome[batch.Count];
        await using (var read = new NpgsqlCommand(
            """
            select staged.ordinal, staged.event_id, ids.sequence
            from staged_events staged
            join metrics.event_ids ids on ids.use_case_id = $1 and ids.event_id = staged.event_id
            """, connection, transaction)
            .WithValues(useCaseId))
        {
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var sequence = reader.GetInt64(2);
                outcomes[reader.GetInt32(0)] = new AppendOutcome(reader.GetString(1), Accepted: sequence > lastSequence, sequence);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return outcomes;
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

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
