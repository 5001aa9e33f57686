using AiRoi.ServiceDefaults.Messaging;
using System.Globalization;
using AiRoi.Contracts;
using AiRoi.Domain.Events;
using AiRoi.Metrics.EventLog;
using MassTransit;
using Microsoft.Extensions.Logging.Abstractions;
using AiRoi.ServiceDefaults.Data;
using AiRoi.Testing;

namespace AiRoi.Metrics.Tests;

/// <summary>
/// The event log against a real PostgreSQL: its duplicate check costs one key probe per event of a batch, however long
/// the use case's log; the published position of experiment events is recorded only when there is something to record.
/// </summary>
[Collection(MetricsClusterCollection.Name)]
public sealed class EventLogTests(MetricsCluster cluster)
{
    [Fact]
    public async Task Looking_up_a_batch_reads_one_key_per_event_even_when_the_statistics_predate_the_use_cases_growth()
    {
        var useCase = $"uc-{Guid.NewGuid():N}"[..20];
        // Statistics taken before the use case's log grew, as after a backfill that autovacuum has not yet seen.
        await ExecuteAsync("analyze metrics.event_ids");
        await ExecuteAsync(
            "insert into metrics.event_ids (use_case_id, event_id, sequence) select $1, 'e' || i, i from generate_series(1, 20000) as i", useCase);
        var batch = Enumerable.Range(19_751, 500).Select(i => $"e{i}").ToArray(); // the last 250 logged, then 250 new

        await using (var lookup = cluster.Database.CreateCommand(OutcomeEventLog.LoggedIdsQuery).WithValues(useCase, batch))
        {
            await using var reader = await lookup.ExecuteReaderAsync();
            var found = 0;
            while (await reader.ReadAsync())
            {
                Assert.Equal(long.Parse(reader.GetString(0)[1..], System.Globalization.CultureInfo.InvariantCulture), reader.GetInt64(1));
                found++;
            }
            Assert.Equal(250, found);
        }
        // One probe per id reads at most one entry each, plus the few the planner reads at the key's ends to estimate
        // (more when refused writes left dead entries there); a scan of the use case's range reads 20,000 or more.
        Assert.InRange(await TableReads.CountAsync(cluster.Database, "metrics.event_ids", OutcomeEventLog.LoggedIdsQuery, useCase, batch), 250, 2 * batch.Length);
    }

    [Fact]
    public async Task A_batch_meeting_logged_ids_keeps_their_sequences_and_numbers_only_the_new_ones_without_gaps()
    {
        var useCase = $"uc-{Guid.NewGuid():N}"[..20];
        var log = new OutcomeEventLog(cluster.Database, new MonthlyPartitions(cluster.Database));
        await log.AppendAsync(useCase, 0, [.. Enumerable.Range(1, 3).Select(i => Event(useCase, i))], CancellationToken.None);

        // A resent batch with new events among the logged ones: the first write is refused by the key, none of it kept.
        var mixed = await log.AppendAsync(useCase, 3, [Event(useCase, 2), Event(useCase, 4), Event(useCase, 3), Event(useCase, 5)], CancellationToken.None);
        Assert.Equal([new(false, 2), new(true, 4), new(false, 3), new(true, 5)], mixed);

        var resent = await log.AppendAsync(useCase, 5, [Event(useCase, 5), Event(useCase, 1)], CancellationToken.None);
        Assert.Equal([new(false, 5), new(false, 1)], resent);

        Assert.Equal(5, await log.ReadLastSequenceAsync(useCase, CancellationToken.None));
        var logged = await log.ReadAfterAsync(useCase, 0, CancellationToken.None).ToListAsync();
        Assert.Equal([1L, 2, 3, 4, 5], logged.Select(e => e.Sequence));
        Assert.Equal(["e1", "e2", "e3", "e4", "e5"], logged.Select(e => OutcomeEventJson.DeserializeStored(e.Json).EventId));

        // A sequence already taken means a second writer: refused and thrown, never read as duplicates.
        var clash = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => log.AppendAsync(useCase, 4, [Event(useCase, 6)], CancellationToken.None));
        Assert.Equal(Npgsql.PostgresErrorCodes.UniqueViolation, clash.SqlState);
        Assert.Equal(5, await log.ReadLastSequenceAsync(useCase, CancellationToken.None));
    }

    [Fact]
    public async Task The_published_position_is_worth_recording_only_once_experiment_events_went_out()
    {
        var useCase = $"uc-{Guid.NewGuid():N}"[..20];
        var log = new OutcomeEventLog(cluster.Database, new MonthlyPartitions(cluster.Database));
        // As the silo's bus (AddAiRoiBus): experiment events go out as plain JSON.
        var bus = Bus.Factory.CreateUsingInMemory(memory => memory.AddPlainJson([]));
        await bus.StartAsync();
        try
        {
            var outbox = new ExperimentEventOutbox(useCase, log, new ExperimentEventPublisher(bus, NullLogger<ExperimentEventPublisher>.Instance), publishedUpTo: 0);
            // Three events without an experiment are in the log, none published: republishing finds nothing to send.
            await log.AppendAsync(useCase, 0, [.. Enumerable.Range(1, 3).Select(i => Event(useCase, i))], CancellationToken.None);
            Assert.False(await outbox.RepublishAsync(3, CancellationToken.None));
            Assert.Equal((3, 0), (outbox.PublishedUpTo, outbox.Published));

            // A batch without experiment events moves the position, not the count: nothing is worth recording.
            await outbox.PublishCommittedAsync(3, 5, []);
            Assert.Equal((5, 0), (outbox.PublishedUpTo, outbox.Published));

            // A batch with two experiment events moves both.
            await outbox.PublishCommittedAsync(5, 7, [new(6, Event(useCase, 6) with { ExperimentId = "exp", Variant = "a" }), new(7, Event(useCase, 7) with { ExperimentId = "exp", Variant = "b" })]);
            Assert.Equal((7, 2), (outbox.PublishedUpTo, outbox.Published));
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    [Fact]
    public async Task Recording_the_published_position_updates_the_snapshot_row_and_never_moves_it_back()
    {
        var useCase = $"uc-{Guid.NewGuid():N}"[..20];
        var log = new OutcomeEventLog(cluster.Database, new MonthlyPartitions(cluster.Database));
        Assert.False(await log.RecordPublishedAsync(useCase, 10, CancellationToken.None)); // no snapshot yet: the grain writes one

        await log.WriteSnapshotAsync(useCase, 40, """{"kept":true}""", 20, CancellationToken.None);
        Assert.True(await log.RecordPublishedAsync(useCase, 35, CancellationToken.None));
        Assert.True(await log.RecordPublishedAsync(useCase, 30, CancellationToken.None));
        var (sequence, state, publishedUpTo) = (await log.ReadSnapshotAsync(useCase, CancellationToken.None))!.Value;
        Assert.Equal((40, 35), (sequence, publishedUpTo));
        Assert.Contains("kept", state, StringComparison.Ordinal);
    }

    private static OutcomeEvent Event(string useCase, int n) =>
        new($"e{n}", useCase, DateTimeOffset.Parse("2026-11-20T10:00:00Z", CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-11-20T10:05:00Z", CultureInfo.InvariantCulture), Handler.Ai);


    private async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var command = cluster.Database.CreateCommand(sql).WithValues(values);
        await command.ExecuteNonQueryAsync();
    }
}
