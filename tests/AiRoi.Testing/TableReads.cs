using Npgsql;

namespace AiRoi.Testing;

/// <summary>How many rows of a table a query read, from PostgreSQL's own counters for the running transaction.</summary>
public static class TableReads
{
    /// <summary>
    /// Runs <paramref name="sql"/> with <paramref name="values"/> as its positional parameters in a transaction of
    /// its own and answers how many rows of <paramref name="table"/> (<c>schema.name</c>) it read: index entries its
    /// index scans returned plus rows its sequential scans read. A query that probes a key once per value reads at
    /// most one entry per value; one that reads a range of the key and filters reads the whole range.
    /// </summary>
    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, string table, string sql, params object[] values)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var query = new NpgsqlCommand(sql, connection, transaction))
        {
            foreach (var value in values)
            {
                query.Parameters.Add(new NpgsqlParameter { Value = value });
            }
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                // Every row is read, as the caller of the query would.
            }
        }
        await using var counters = new NpgsqlCommand(
            """
            select pg_stat_get_xact_tuples_returned($1::regclass)
                 + coalesce((select sum(pg_stat_get_xact_tuples_returned(indexrelid)) from pg_index where indrelid = $1::regclass), 0)
            """, connection, transaction);
        counters.Parameters.Add(new NpgsqlParameter { Value = table });
        var read = Convert.ToInt64(await counters.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await transaction.RollbackAsync();
        return read;
    }
}
