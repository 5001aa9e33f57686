using System.Collections.Concurrent;
using Npgsql;

namespace AiRoi.Metrics.EventLog;

/// <summary>
/// Creates the monthly partitions of <c>metrics.outcome_events</c> before events for that month are written.
/// Runs in its own short transaction, never inside a write: creating a partition locks the parent table, and
/// doing that while holding a write transaction could deadlock with another use case's write.
/// </summary>
public sealed class MonthlyPartitions(NpgsqlDataSource dataSource)
{
    // Months known to exist; a partition is never dropped while the service runs.
    private readonly ConcurrentDictionary<DateOnly, bool> known = new();

    /// <summary>Makes sure a partition exists for every month in <paramref name="completedAt"/>.</summary>
    public async Task EnsureAsync(IEnumerable<DateTimeOffset> completedAt, CancellationToken cancellationToken)
    {
        foreach (var month in completedAt.Select(MonthOf).Distinct())
        {
            if (known.ContainsKey(month))
            {
                continue;
            }
            await CreateAsync(month, cancellationToken);
            known[month] = true;
        }
    }

    /// <summary>The partition's name for a month, e.g. <c>outcome_events_2026_11</c>.</summary>
    public static string NameOf(DateOnly month) => $"outcome_events_{month.Year:D4}_{month.Month:D2}";

    private static DateOnly MonthOf(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new DateOnly(utc.Year, utc.Month, 1);
    }

    private async Task CreateAsync(DateOnly month, CancellationToken cancellationToken)
    {
        // Bounds with an explicit UTC offset: without one PostgreSQL reads them in the session's time zone, and an
        // event near a month boundary would miss the partition made for it.
        var from = month.ToString("yyyy-MM-dd") + " 00:00:00+00";
        var to = month.AddMonths(1).ToString("yyyy-MM-dd") + " 00:00:00+00";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two silos may meet the same new month at once; the lock makes "if not exists" safe between them.
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext('metrics.outcome_events partitions'))", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var create = new NpgsqlCommand(
            $"create table if not exists metrics.{NameOf(month)} partition of metrics.outcome_events for values from ('{from}') to ('{to}')",
            connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
