using Npgsql;

namespace AiRoi.ServiceDefaults;

/// <summary>What a service's database answers: its name, the server version and the last migration applied.</summary>
/// <param name="Database">The database the service owns.</param>
/// <param name="ServerVersion">PostgreSQL's own version string.</param>
/// <param name="SchemaVersion">The name of the last migration script applied (services start only after migrations ran).</param>
public sealed record DatabaseStatus(string Database, string ServerVersion, string? SchemaVersion)
{
    /// <summary>Asks the database; throws when it does not answer.</summary>
    public static async Task<DatabaseStatus> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select current_database(),
                   current_setting('server_version'),
                   (select scriptname from public.schemaversions order by schemaversionsid desc limit 1)
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new DatabaseStatus(
            reader.GetString(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2));
    }
}
