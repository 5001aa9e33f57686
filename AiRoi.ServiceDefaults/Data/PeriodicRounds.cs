using Npgsql;

namespace AiRoi.ServiceDefaults.Data;

/// <summary>
/// One round of a periodic job per period across every replica of a service (ADR-0037): each replica's timer ticks,
/// and the first whose tick finds the last round at least 90 % of a period old claims the next one in the service's
/// <c>periodic_rounds</c> table; the others skip their tick. The replicas' timers drift apart, so the 10 % keeps a
/// replica that ticks a little early from being refused a round that is due. A replica that dies mid-round leaves the
/// round unfinished; the next period's round does the work again (every job here is idempotent).
/// </summary>
public static class PeriodicRounds
{
    /// <summary>Claims the round of <paramref name="job"/> in <paramref name="table"/> (e.g. <c>metrics.periodic_rounds</c>) if it is due.</summary>
    public static async Task<bool> TryClaimAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string table, string job, TimeSpan period, CancellationToken cancellationToken)
    {
        await using var claim = new NpgsqlCommand(
            $"""
            insert into {table} as round (job, started_at) values ($1, now())
            on conflict (job) do update set started_at = now() where round.started_at <= now() - $2
            returning 1
            """, connection, transaction).WithValues(job, period * 0.9);
        return await claim.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>As above, on a connection of its own.</summary>
    public static async Task<bool> TryClaimAsync(
        this NpgsqlDataSource dataSource, string table, string job, TimeSpan period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await TryClaimAsync(connection, null, table, job, period, cancellationToken);
    }
}
