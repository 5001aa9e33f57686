using AiRoi.Metrics.EventLog;
using AiRoi.ServiceDefaults.Data;
using AiRoi.Testing;

namespace AiRoi.Metrics.Tests;

/// <summary>The event log's duplicate check costs one key probe per event of a batch, however long the use case's log.</summary>
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
        Assert.InRange(await TableReads.CountAsync(cluster.Database, "metrics.event_ids", OutcomeEventLog.LoggedIdsQuery, useCase, batch), 250, batch.Length);
    }

    private async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var command = cluster.Database.CreateCommand(sql).WithValues(values);
        await command.ExecuteNonQueryAsync();
    }
}
