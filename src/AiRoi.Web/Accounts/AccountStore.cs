using AiRoi.ServiceDefaults.Data;
using Npgsql;

namespace AiRoi.Web.Accounts;

/// <summary>The <c>web.accounts</c> table. Only <see cref="AccountService"/> calls it, after its checks.</summary>
public sealed class AccountStore(NpgsqlDataSource database) : IAccountStore
{
    /// <summary>The connection name the app host gives the web frontend's database.</summary>
    public const string ConnectionName = "webdb";

    private const string Columns = "id, user_name, display_name, role, created_at, disabled_at, security_stamp";

    /// <summary>Whether any account exists (the first admin is created only when none does).</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("select exists (select 1 from web.accounts)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The account with this user name (any case) and its password hash; null when none.</summary>
    public async Task<(WebAccount Account, string PasswordHash)?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"select {Columns}, password_hash from web.accounts where lower(user_name) = lower($1)");
        command.Parameters.AddWithValue(userName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (Read(reader), reader.GetString(7)) : null;
    }

    /// <summary>Every account, by user name.</summary>
    public async Task<IReadOnlyList<WebAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"select {Columns} from web.accounts order by lower(user_name)");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<WebAccount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(Read(reader));
        }
        return accounts;
    }

    /// <summary>Adds an account; false when the user name is taken (in any case).</summary>
    public async Task<bool> TryAddAsync(WebAccount account, string passwordHash, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            """
            insert into web.accounts (id, user_name, display_name, password_hash, role, created_at)
            values ($1, $2, $3, $4, $5, $6)
            on conflict do nothing
            """);
        command.Parameters.AddWithValue(account.Id);
        command.Parameters.AddWithValue(account.UserName);
        command.Parameters.AddWithValue(account.DisplayName);
        command.Parameters.AddWithValue(passwordHash);
        command.Parameters.AddWithValue(account.Role);
        command.Parameters.AddWithValue(account.CreatedAt);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Replaces a password hash (after a sign-in whose hash the hasher wants upgraded).</summary>
    public async Task UpdatePasswordHashAsync(Guid id, string passwordHash, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("update web.accounts set password_hash = $2 where id = $1");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(passwordHash);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Gives the account a new security stamp, ending every sign-in cookie issued before.</summary>
    public async Task RotateSecurityStampAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("update web.accounts set security_stamp = gen_random_uuid() where id = $1").WithValues(id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Changes an account's role; false when there is no such account.</summary>
    public Task<AccountUpdate> SetRoleAsync(Guid id, string role, CancellationToken cancellationToken) =>
        UpdateKeepingAnAdminAsync(id, "role = $2", new NpgsqlParameter { Value = role }, cancellationToken);

    /// <summary>Disables (or enables again) an account, unless that would leave no active admin.</summary>
    public Task<AccountUpdate> SetDisabledAsync(Guid id, DateTimeOffset? disabledAt, CancellationToken cancellationToken) =>
        UpdateKeepingAnAdminAsync(id, "disabled_at = $2",
            new NpgsqlParameter { Value = (object?)disabledAt ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz }, cancellationToken);

    /// <summary>
    /// Applies <paramref name="set"/> to one account and keeps it unless it took away the last active admin. The table lock
    /// takes account changes one at a time, so two admins cannot each remove the other at the same moment.
    /// </summary>
    private async Task<AccountUpdate> UpdateKeepingAnAdminAsync(Guid id, string set, NpgsqlParameter value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var exclusive = new NpgsqlCommand("lock table web.accounts in share row exclusive mode", connection, transaction))
        {
            await exclusive.ExecuteNonQueryAsync(cancellationToken);
        }
        var hadAdmin = await AnyActiveAdminAsync(connection, transaction, cancellationToken);
        await using (var update = new NpgsqlCommand($"update web.accounts set {set} where id = $1", connection, transaction).WithValues(id))
        {
            update.Parameters.Add(value);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return AccountUpdate.NotFound;
            }
        }
        if (hadAdmin && !await AnyActiveAdminAsync(connection, transaction, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return AccountUpdate.LastAdmin;
        }
        await transaction.CommitAsync(cancellationToken);
        return AccountUpdate.Done;
    }

    private static async Task<bool> AnyActiveAdminAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var admins = new NpgsqlCommand(
            $"select exists (select 1 from web.accounts where role = '{WebRole.Admin}' and disabled_at is null)", connection, transaction);
        return (bool)(await admins.ExecuteScalarAsync(cancellationToken))!;
    }

    private static WebAccount Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetFieldValue<DateTimeOffset>(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5))
    {
        SecurityStamp = reader.GetGuid(6),
    };
}
