using AiRoi.Contracts.Api;
using AiRoi.ServiceDefaults.Data;
using Npgsql;

namespace AiRoi.Metrics.Organization;

/// <summary><c>metrics.organization</c>: the organization's one row of settings.</summary>
public sealed class OrganizationStore(NpgsqlDataSource dataSource)
{
    /// <summary>The settings.</summary>
    public async Task<OrganizationSettings> ReadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select currency, updated_by, updated_at from metrics.organization");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new OrganizationSettings(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2))
            : new OrganizationSettings(AiRoi.Domain.UseCases.Currencies.Default, "default", DateTimeOffset.UnixEpoch);
    }

    /// <summary>Sets the currency; answers the settings as stored.</summary>
    public async Task<OrganizationSettings> SetCurrencyAsync(string currency, string updatedBy, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into metrics.organization (currency, updated_by) values ($1, $2)
            on conflict (singleton) do update set currency = excluded.currency, updated_by = excluded.updated_by, updated_at = now()
            returning currency, updated_by, updated_at
            """).WithValues(currency, updatedBy);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OrganizationSettings(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2));
    }
}
