using AiRoi.Contracts.Api;
using AiRoi.ServiceDefaults.Data;
using AiRoi.ServiceDefaults.Http;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace AiRoi.Ingestion.ApiKeys;

/// <summary>
/// API keys in <c>ingestion.api_keys</c>, looked up by hash. A key found unknown is remembered as unknown for
/// <see cref="UnknownFor"/> (by hash, at most <see cref="MaxUnknown"/> of them), so a burst of bad keys costs one
/// query each, not one per request; a known key is looked up every time, so a revocation holds at once here.
/// </summary>
public sealed class ApiKeyStore(NpgsqlDataSource dataSource, IHostEnvironment environment) : IApiKeyAuthenticator, IDisposable
{
    /// <summary>How long an unknown key is answered as unknown without a query.</summary>
    public static readonly TimeSpan UnknownFor = TimeSpan.FromSeconds(30);

    /// <summary>Most unknown keys remembered at once; beyond it the oldest are forgotten first.</summary>
    public const int MaxUnknown = 100_000;

    private static readonly Guid DevelopmentKeyId = Guid.Empty;

    private readonly MemoryCache unknown = new(new MemoryCacheOptions { SizeLimit = MaxUnknown, CompactionPercentage = 0.25 });

    /// <inheritdoc />
    public void Dispose() => unknown.Dispose();

    /// <inheritdoc />
    public async Task<ApiKeyHolder?> AuthenticateAsync(string? presented, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }
        if (ApiKeySecret.IsAcceptedDevelopmentKey(presented, environment.IsDevelopment()))
        {
            return new ApiKeyHolder(DevelopmentKeyId, "development key", UseCaseIds: null, IsAdmin: true, ActsForPeople: true);
        }

        var hash = ApiKeySecret.Hash(presented);
        var cacheKey = Convert.ToHexString(hash);
        if (unknown.TryGetValue(cacheKey, out _))
        {
            return null;
        }
        await using var command = dataSource.CreateCommand(
            "select id, name, use_case_ids, is_admin, acts_for_people, read_only from ingestion.api_keys where key_hash = $1 and revoked_at is null")
            .WithValues(hash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            unknown.Set(cacheKey, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = UnknownFor });
            return null;
        }
        var useCases = reader.IsDBNull(2) ? null : reader.GetFieldValue<string[]>(2);
        return new ApiKeyHolder(reader.GetGuid(0), reader.GetString(1), useCases, reader.GetBoolean(3), reader.GetBoolean(4), reader.GetBoolean(5));
    }

    /// <summary>Creates a key and returns it with its one-time secret.</summary>
    public async Task<(ApiKeySummary Summary, string Secret)> CreateAsync(
        string name, IReadOnlyList<string>? useCaseIds, bool isAdmin, bool actsForPeople, bool readOnly, CancellationToken cancellationToken)
    {
        var secret = ApiKeySecret.Generate();
        var id = Guid.CreateVersion7();
        await using var command = dataSource.CreateCommand(
            """
            insert into ingestion.api_keys (id, name, key_hash, key_prefix, use_case_ids, is_admin, acts_for_people, read_only)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            returning created_at
            """)
            .WithValues(id, name, ApiKeySecret.Hash(secret), secret[..ApiKeySecret.VisiblePrefixLength])
            .WithTyped(useCaseIds?.ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text)
            .WithValues(isAdmin, actsForPeople, readOnly);
        var createdAt = (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
        var summary = new ApiKeySummary(id, name, secret[..ApiKeySecret.VisiblePrefixLength], useCaseIds, isAdmin, new DateTimeOffset(createdAt, TimeSpan.Zero), null, actsForPeople, readOnly);
        return (summary, secret);
    }

    /// <summary>Every key, newest first.</summary>
    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select id, name, key_prefix, use_case_ids, is_admin, created_at, revoked_at, acts_for_people, read_only from ingestion.api_keys order by created_at desc");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ApiKeySummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new ApiKeySummary(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<string[]>(3), reader.GetBoolean(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6), reader.GetBoolean(7), reader.GetBoolean(8)));
        }
        return keys;
    }

    /// <summary>Revokes a key; false when no such key exists.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update ingestion.api_keys set revoked_at = coalesce(revoked_at, now()) where id = $1")
            .WithValues(id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
