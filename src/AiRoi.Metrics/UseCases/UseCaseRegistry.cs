using AiRoi.Domain;
using System.Text.Json;
using AiRoi.Domain.UseCases;
using AiRoi.ServiceDefaults.Data;
using Npgsql;
using NpgsqlTypes;

namespace AiRoi.Metrics.UseCases;

/// <summary>
/// The use-case registry in <c>metrics.use_cases</c>: one row per use case, the definition as
/// <see cref="UseCaseJson"/> in <c>definition</c>, the archived flag, revision and timestamps beside it. Stores what
/// it is given; callers validate first.
/// </summary>
/// <remarks>
/// The <c>archived</c> column is the truth; the definition's own <c>archived</c> is written with it, so that a
/// reader of the document alone (the use-case grain) sees the same flag.
/// </remarks>
public sealed class UseCaseRegistry(NpgsqlDataSource dataSource)
{
    private const string Columns = "definition::text, archived, revision, created_at, updated_at";

    /// <summary>The use case with this id, or null.</summary>
    public async Task<StoredUseCase?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from metrics.use_cases where id = $1").WithValues(id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>The use case's revision, or null when there is none: a cheap check whether it changed.</summary>
    public async Task<int?> ReadRevisionAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select revision from metrics.use_cases where id = $1").WithValues(id);
        return await command.ExecuteScalarAsync(cancellationToken) as int?;
    }

    /// <summary>The ids of every use case, archived ones too, by id.</summary>
    public async Task<IReadOnlyList<string>> ListIdsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select id from metrics.use_cases order by id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    /// <summary>The ids among <paramref name="ids"/> that are registered, archived ones too.</summary>
    public Task<IReadOnlyList<string>> FindRegisteredAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        // Asked while a refusal is counted, which nobody sends again: a connection from before a database restart must not lose it.
        dataSource.OnceMoreAfterRestartAsync<IReadOnlyList<string>>(async token =>
        {
            await using var command = dataSource.CreateCommand("select id from metrics.use_cases where id = any($1)").WithValues((object)ids.ToArray());
            await using var reader = await command.ExecuteReaderAsync(token);
            var registered = new List<string>();
            while (await reader.ReadAsync(token))
            {
                registered.Add(reader.GetString(0));
            }
            return registered;
        }, cancellationToken);

    /// <summary>Every use case, by id; archived ones only when asked, and only one category when given.</summary>
    public async Task<IReadOnlyList<StoredUseCase>> ListAsync(UseCaseCategory? category, bool includeArchived, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var where = new List<string>();
        if (!includeArchived)
        {
            where.Add("not archived");
        }

        if (category is { } wanted)
        {
            // The stored spelling of the category, so that the filter and the document cannot disagree.
            command.WithValues(WireJson.Name(wanted));
            where.Add("definition->>'category' = $1");
        }

        command.CommandText = $"select {Columns} from metrics.use_cases"
            + (where.Count > 0 ? " where " + string.Join(" and ", where) : "")
            + " order by id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var useCases = new List<StoredUseCase>();
        while (await reader.ReadAsync(cancellationToken))
        {
            useCases.Add(Read(reader));
        }

        return useCases;
    }

    /// <summary>Registers a new use case at revision 1; null when its id is taken (nothing is written then).</summary>
    public async Task<StoredUseCase?> CreateAsync(UseCase useCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(useCase);
        await using var command = dataSource.CreateCommand(
            $"""
            insert into metrics.use_cases (id, definition, archived) values ($1, $2, $3)
            on conflict (id) do nothing
            returning {Columns}
            """)
            .WithValues(useCase.Id)
            .WithTyped(UseCaseJson.Serialize(useCase), NpgsqlDbType.Jsonb)
            .WithValues(useCase.Archived);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>
    /// Changes a use case under a row lock, so that concurrent changes apply one after the other and none is lost.
    /// <paramref name="change"/> sees the current state and returns the new definition (its id is ignored; its
    /// <see cref="UseCase.Archived"/> sets the flag); returning the current definition itself writes nothing, and
    /// an exception from it writes nothing and propagates. Each write adds one to the revision.
    /// </summary>
    /// <returns>The use case after the change; null when no use case has the id.</returns>
    public async Task<StoredUseCase?> UpdateAsync(string id, Func<StoredUseCase, UseCase> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        StoredUseCase current;
        await using (var select = new NpgsqlCommand($"select {Columns} from metrics.use_cases where id = $1 for update", connection, transaction)
            .WithValues(id))
        {
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            current = Read(reader);
        }

        var next = change(current);
        if (ReferenceEquals(next, current.UseCase))
        {
            return current;
        }

        next = next with { Id = current.UseCase.Id };
        StoredUseCase updated;
        await using (var update = new NpgsqlCommand(
            $"""
            update metrics.use_cases
               set definition = $2, archived = $3, revision = revision + 1, updated_at = now()
             where id = $1
            returning {Columns}
            """,
            connection,
            transaction)
            .WithValues(id)
            .WithTyped(UseCaseJson.Serialize(next), NpgsqlDbType.Jsonb)
            .WithValues(next.Archived))
        {
            await using var reader = await update.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            updated = Read(reader);
        }

        await transaction.CommitAsync(cancellationToken);
        return updated;
    }

    private static StoredUseCase Read(NpgsqlDataReader reader) => new(
        UseCaseJson.Deserialize(reader.GetString(0)) with { Archived = reader.GetBoolean(1) },
        reader.GetInt32(2),
        reader.GetFieldValue<DateTimeOffset>(3),
        reader.GetFieldValue<DateTimeOffset>(4));
}
