using AiRoi.Contracts.Api;
using AiRoi.Contracts.UseCases;
using AiRoi.ServiceDefaults.Data;
using AiRoi.ServiceDefaults.Http;
using Npgsql;
using NpgsqlTypes;

namespace AiRoi.Ingestion.Rejections;

/// <summary>Where refused events came in: the events API or a CSV import.</summary>
public enum RejectionSource
{
    /// <summary><c>POST /api/v1/events</c>.</summary>
    Events,

    /// <summary><c>POST /api/v1/use-cases/{id}/events/import</c>.</summary>
    Csv,
}

/// <summary>
/// <c>ingestion.rejections</c>: refused events counted per day, use case, source and reason. A refusal adds to its
/// counters in one statement; nothing of the request itself is kept beyond one message per counter.
/// </summary>
public sealed partial class RejectionLog(NpgsqlDataSource dataSource, IClusterClient cluster, TimeProvider clock, ILogger<RejectionLog> logger)
{
    /// <summary>Longest example message kept.</summary>
    public const int ExampleLength = 500;

    /// <summary>How long a refusal waits to be counted before it is answered anyway.</summary>
    public static readonly TimeSpan CountWithin = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Adds one refused request's events, as <paramref name="rejection"/> tallies them, to today's counters, under
    /// the use cases <paramref name="holder"/> may write and the registry knows (<see cref="Rejection.GroupsFor"/>). The refusal is answered
    /// whether or not it could be counted: a failure here, in the tally or the database, is logged, never thrown,
    /// and waits at most <see cref="CountWithin"/>.
    /// </summary>
    public async Task RecordAsync(RejectionSource source, Func<Rejection> rejection, ApiKeyHolder holder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(rejection);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(CountWithin);
        try
        {
            var tally = rejection();
            var registered = await RegisteredAsync(tally.NamedUseCases(holder.MayWrite), bounded.Token);
            await InsertAsync(source, tally.GroupsFor(holder.MayWrite, registered), clock.GetUtcNow(), bounded.Token);
        }
#pragma warning disable CA1031 // Counting must never change the answer to the refused request.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogNotCounted(logger, SourceName(source), exception);
        }
    }

    /// <summary>Which of <paramref name="named"/> are registered, in one read; null when the registry does not answer in time.</summary>
    private async Task<IReadOnlySet<string>?> RegisteredAsync(IReadOnlyList<string> named, CancellationToken cancellationToken)
    {
        if (named.Count == 0)
        {
            return new HashSet<string>();
        }
        try
        {
            var registered = await cluster.GetGrain<IRegisteredUseCasesGrain>(0).AmongAsync(named).WaitAsync(cancellationToken);
            return registered.ToHashSet(StringComparer.Ordinal);
        }
#pragma warning disable CA1031 // Without the registry the events still count, under no use case.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogRegistryUnanswered(logger, exception);
            return null;
        }
    }

    private async Task InsertAsync(RejectionSource source, IReadOnlyList<RejectedEvents> groups, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (groups.Count == 0)
        {
            return;
        }
        await using var command = dataSource.CreateCommand(
            """
            insert into ingestion.rejections (day, use_case_id, source, code, requests, events, last_at, example)
            select ($1 at time zone 'UTC')::date, use_case_id, $2, code, 1, events, $1, example
            from unnest($3::text[], $4::text[], $5::bigint[], $6::text[]) as refused (use_case_id, code, events, example)
            on conflict (use_case_id, day, source, code) do update
            set requests = rejections.requests + 1,
                events = rejections.events + excluded.events,
                last_at = greatest(rejections.last_at, excluded.last_at),
                example = excluded.example
            """)
            .WithTyped(at.UtcDateTime, NpgsqlDbType.TimestampTz)
            .WithValues(
                SourceName(source),
                groups.Select(group => group.UseCaseId).ToArray(),
                groups.Select(group => group.Code).ToArray(),
                groups.Select(group => (long)group.Events).ToArray(),
                groups.Select(group => Shorten(group.Example)).ToArray());
        // Nobody sends a refused request again to have it counted, so a connection left over from before a
        // database restart must not lose the count.
        await dataSource.OnceMoreAfterRestartAsync(command.ExecuteNonQueryAsync, cancellationToken);
    }

    /// <summary>
    /// Refused events from <paramref name="since"/> (UTC days) on, per use case, most recent first; only the
    /// <paramref name="useCaseIds"/> when given (a scoped key sees its own use cases).
    /// </summary>
    public async Task<IReadOnlyList<UseCaseRejections>> ReadAsync(DateOnly since, IReadOnlyList<string>? useCaseIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select use_case_id, code, source, sum(requests), sum(events), max(last_at),
                   (array_agg(example order by last_at desc))[1]
            from ingestion.rejections
            where day >= $1 and ($2::text[] is null or use_case_id = any($2))
            group by use_case_id, code, source
            """)
            .WithValues(since)
            .WithTyped(useCaseIds?.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        var reasons = new List<(string UseCaseId, RejectionReason Reason)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                reasons.Add((reader.GetString(0), new RejectionReason(reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4),
                    new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero), reader.GetString(6))));
            }
        }
        return reasons.GroupBy(entry => entry.UseCaseId, StringComparer.Ordinal)
            .Select(group => new UseCaseRejections(group.Key, group.Sum(entry => entry.Reason.Events), group.Max(entry => entry.Reason.LastAt),
                group.Select(entry => entry.Reason).OrderByDescending(reason => reason.Events).ThenBy(reason => reason.Code, StringComparer.Ordinal).ToList()))
            .OrderByDescending(useCase => useCase.LastAt)
            .ToList();
    }

    /// <summary>At most <see cref="ExampleLength"/> characters, never cutting a surrogate pair in two.</summary>
    public static string Shorten(string example)
    {
        ArgumentNullException.ThrowIfNull(example);
        if (example.Length <= ExampleLength)
        {
            return example;
        }
        var end = char.IsHighSurrogate(example[ExampleLength - 1]) ? ExampleLength - 1 : ExampleLength;
        return example[..end];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The registry did not say which use cases a refused request names are registered; its events count under no use case")]
    private static partial void LogRegistryUnanswered(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A refused {Source} request could not be counted")]
    private static partial void LogNotCounted(ILogger logger, string source, Exception exception);

    /// <summary>The source as stored and answered.</summary>
    public static string SourceName(RejectionSource source) => source == RejectionSource.Csv ? "csv" : "events";
}
