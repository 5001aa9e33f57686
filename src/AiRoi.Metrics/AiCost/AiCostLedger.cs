using System.Runtime.CompilerServices;
using AiRoi.Contracts.UseCases;
using AiRoi.Domain.AiCost;
using AiRoi.ServiceDefaults.Data;
using Npgsql;
using NpgsqlTypes;

namespace AiRoi.Metrics.AiCost;

/// <summary>
/// One entry of a use case's cost ledger as the grain folds it: what it adds to an outcome event's AI cost, with
/// what the event's earlier entries added and the event itself.
/// </summary>
/// <param name="Position">The entry's number in the use case's ledger.</param>
/// <param name="EventId">The outcome event.</param>
/// <param name="Amount">What it adds to the event's AI cost (a difference, for a recomputation).</param>
/// <param name="UnpricedTokens">What it adds to the tokens that have no price.</param>
/// <param name="Model">The model of the call.</param>
/// <param name="EarlierAmount">What the event's earlier entries added.</param>
/// <param name="EarlierEntries">How many entries the event had before.</param>
/// <param name="EarlierUnpricedTokens">What the event's earlier entries added to its tokens without a price.</param>
/// <param name="EventJson">The event as logged.</param>
public sealed record CostEntry(
    long Position, string EventId, decimal Amount, long UnpricedTokens, string Model, decimal EarlierAmount, long EarlierEntries, long EarlierUnpricedTokens, string EventJson)
{
    /// <summary>
    /// The event's traced AI cost before this entry: null when there was none, or when some of its calls had no price
    /// (its cost is then unknown, never a partial sum or zero).
    /// </summary>
    public decimal? Before => EarlierEntries == 0 || EarlierUnpricedTokens > 0 ? null : EarlierAmount;

    /// <summary>The event's traced AI cost with this entry; null while some of its calls have no price.</summary>
    public decimal? After => EarlierUnpricedTokens + UnpricedTokens > 0 ? null : EarlierAmount + Amount;
}

/// <summary>
/// The model calls received from traces, the trace links, and each use case's cost ledger (ADR-0035). Calls and links
/// are recorded by the intake; the ledger is written only by the use case's grain, its single writer, which numbers
/// the entries. A call joins its outcome event when both are known and the event completed within
/// <see cref="JoinWindow"/> of the call's start.
/// </summary>
public sealed class AiCostLedger(NpgsqlDataSource dataSource, PriceBookStore prices)
{
    /// <summary>How far apart a call and its outcome event may be; a call that finds no event within it is spend with no outcome.</summary>
    public static readonly TimeSpan JoinWindow = TimeSpan.FromDays(7);

    /// <summary>Most calls one join takes into the ledger; the rest wait for the next.</summary>
    public const int MaxJoinedAtOnce = 10_000;

    /// <summary>Records calls and links (a resent one is ignored) and answers the use cases that may now have calls to join.</summary>
    public async Task<IReadOnlyList<string>> RecordAsync(IReadOnlyList<ModelUsage> calls, IReadOnlyList<TraceLink> links, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Links first, so that a call recorded with its trace's link gets its owner at once.
        if (links.Count > 0)
        {
            await InsertLinksAsync(connection, transaction, links, "span", cancellationToken);
        }
        if (calls.Count > 0)
        {
            await using var insert = new NpgsqlCommand(
                """
                insert into metrics.ai_spans (trace_id, span_id, started_at, provider, model, operation, input_tokens, cached_input_tokens,
                    cache_creation_tokens, output_tokens, reasoning_tokens, reported_cost, use_case_id, event_id, owner_use_case_id, owner_event_id)
                select c.*,
                       case when c.use_case_id is not null and c.event_id is not null then c.use_case_id else l.use_case_id end,
                       case when c.use_case_id is not null and c.event_id is not null then c.event_id else l.event_id end
                from unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[],
                    $9::bigint[], $10::bigint[], $11::bigint[], $12::numeric[], $13::text[], $14::text[])
                    as c (trace_id, span_id, started_at, provider, model, operation, input_tokens, cached_input_tokens,
                          cache_creation_tokens, output_tokens, reasoning_tokens, reported_cost, use_case_id, event_id)
                left join metrics.trace_links l on l.trace_id = c.trace_id
                on conflict (trace_id, span_id) do nothing
                """, connection, transaction);
            insert.WithTyped(calls.Select(call => call.TraceId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
                .WithTyped(calls.Select(call => call.SpanId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
                .WithTyped(calls.Select(call => call.StartedAt.ToUniversalTime()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
                .WithTyped(calls.Select(call => call.Provider).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
                .WithTyped(calls.Select(call => call.Model).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
                .WithTyped(calls.Select(call => call.Operation).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
                .WithTyped(calls.Select(call => call.InputTokens).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint)
                .WithTyped(calls.Select(call => call.CachedInputTokens).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint)
                .WithTyped(calls.Select(call => call.CacheCreationTokens).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint)
                .WithTyped(calls.Select(call => call.OutputTokens).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint)
                .WithTyped(calls.Select(call => call.ReasoningTokens).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint)
                .WithTyped(calls.Select(call => call.ReportedCost).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Numeric)
                .WithTyped(calls.Select(call => call.UseCaseId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
                .WithTyped(calls.Select(call => call.EventId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        var traces = calls.Select(call => call.TraceId).Concat(links.Select(link => link.TraceId)).Distinct(StringComparer.Ordinal).ToArray();
        var owners = new List<string>();
        await using (var find = new NpgsqlCommand(
            "select distinct owner_use_case_id from metrics.ai_spans where trace_id = any($1) and joined_use_case_id is null and owner_use_case_id is not null",
            connection, transaction).WithTyped(traces, NpgsqlDbType.Array | NpgsqlDbType.Text))
        {
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                owners.Add(reader.GetString(0));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return owners;
    }

    /// <summary>Records the links of outcome events that name their trace (the first link of a trace holds).</summary>
    public async Task LinkEventsAsync(IReadOnlyList<TraceLink> links, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertLinksAsync(connection, transaction, links, "event", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the use case's calls whose outcome event is logged into its ledger, priced in <paramref name="currency"/>
    /// with the price in force at each call's start, numbered after its last entry; answers how many joined. Only the
    /// use case's grain calls this.
    /// </summary>
    public async Task<int> JoinAsync(string useCaseId, string currency, CancellationToken cancellationToken)
    {
        var book = await prices.ReadAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var joined = new List<(ModelUsage Call, string EventId)>();
        await using (var find = new NpgsqlCommand(
            """
            select s.trace_id, s.span_id, s.started_at, s.provider, s.model, s.input_tokens, s.cached_input_tokens, s.cache_creation_tokens,
                   s.output_tokens, s.reasoning_tokens, s.reported_cost, s.owner_event_id
            from metrics.ai_spans s
            join metrics.event_ids i on i.use_case_id = s.owner_use_case_id and i.event_id = s.owner_event_id
            join metrics.outcome_events o on o.use_case_id = i.use_case_id and o.sequence = i.sequence
            where s.joined_use_case_id is null and s.owner_use_case_id = $1
              and o.completed_at between s.started_at - $2 and s.started_at + $2
            order by s.started_at, s.trace_id, s.span_id
            limit $3
            """, connection, transaction).WithValues(useCaseId, JoinWindow, MaxJoinedAtOnce))
        {
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                joined.Add((ReadCall(reader), reader.GetString(11)));
            }
        }
        if (joined.Count == 0)
        {
            return 0;
        }

        var position = await LastPositionAsync(connection, transaction, useCaseId, cancellationToken);
        var rows = joined.Select(entry =>
        {
            var priced = book.Price(entry.Call, currency);
            var kind = priced.Reported ? "reported" : priced.IsPriced ? "priced" : "unpriced";
            return (Position: ++position, entry.EventId, entry.Call, Kind: kind, Amount: priced.Amount ?? 0m, priced.UnpricedTokens, priced.PriceIds);
        }).ToList();
        await using (var append = new NpgsqlCommand(
            """
            insert into metrics.ai_cost_ledger (use_case_id, position, event_id, trace_id, span_id, kind, amount, unpriced_tokens, model, price_ids, recorded_by)
            select $1, entry.position, entry.event_id, entry.trace_id, entry.span_id, entry.kind, entry.amount, entry.unpriced_tokens, entry.model,
                   entry.price_ids::bigint[], 'trace receiver'
            from unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::bigint[], $9::text[], $10::text[])
                as entry (position, event_id, trace_id, span_id, kind, amount, unpriced_tokens, model, price_ids)
            """, connection, transaction))
        {
            append.WithValues(useCaseId)
                .WithTyped(rows.Select(row => row.Position).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint)
                .WithTyped(rows.Select(row => row.EventId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
                .WithTyped(rows.Select(row => row.Call.TraceId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
                .WithTyped(rows.Select(row => row.Call.SpanId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
                .WithTyped(rows.Select(row => row.Kind).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
                .WithTyped(rows.Select(row => row.Amount).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Numeric)
                .WithTyped(rows.Select(row => row.UnpricedTokens).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint)
                .WithTyped(rows.Select(row => row.Call.Model).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
                .WithTyped(rows.Select(row => "{" + string.Join(',', row.PriceIds) + "}").ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            await append.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var mark = new NpgsqlCommand(
            "update metrics.ai_spans s set joined_use_case_id = $1 from unnest($2::text[], $3::text[]) as j (trace_id, span_id) where s.trace_id = j.trace_id and s.span_id = j.span_id",
            connection, transaction))
        {
            mark.WithValues(useCaseId)
                .WithTyped(rows.Select(row => row.Call.TraceId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
                .WithTyped(rows.Select(row => row.Call.SpanId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    /// <summary>
    /// Whether calls of the use case are waiting for their outcome event (started within <see cref="JoinWindow"/>): the
    /// grain then joins after each batch of events it logs.
    /// </summary>
    public async Task<bool> HasWaitingCallsAsync(string useCaseId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select exists (select 1 from metrics.ai_spans where joined_use_case_id is null and owner_use_case_id = $1 and started_at > now() - $2)")
            .WithValues(useCaseId, JoinWindow);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Most calls with no outcome read for one use case's figure.</summary>
    public const int MaxCallsWithNoOutcome = 100_000;

    /// <summary>
    /// The use case's traced calls with no outcome, priced in <paramref name="currency"/>: calls that name it (or whose
    /// trace does) and started more than <see cref="JoinWindow"/> ago without joining an outcome event; null when none.
    /// </summary>
    public async Task<AiSpendWithNoOutcome?> ReadSpendWithNoOutcomeAsync(string useCaseId, string currency, CancellationToken cancellationToken)
    {
        var calls = new List<ModelUsage>();
        await using (var command = dataSource.CreateCommand(
            """
            select trace_id, span_id, started_at, provider, model, input_tokens, cached_input_tokens, cache_creation_tokens,
                   output_tokens, reasoning_tokens, reported_cost
            from metrics.ai_spans
            where joined_use_case_id is null and owner_use_case_id = $1 and started_at <= now() - $2
            order by started_at desc
            limit $3
            """).WithValues(useCaseId, JoinWindow, MaxCallsWithNoOutcome))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                calls.Add(ReadCall(reader));
            }
        }
        return calls.Count == 0 ? null : AiSpendWithNoOutcome.Of(calls, await prices.ReadAsync(cancellationToken), currency);
    }

    /// <summary>The use cases whose ledger has entries.</summary>
    public async Task<IReadOnlyList<string>> UseCasesWithCostAsync(CancellationToken cancellationToken)
    {
        var useCases = new List<string>();
        await using var command = dataSource.CreateCommand("select distinct use_case_id from metrics.ai_cost_ledger order by use_case_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            useCases.Add(reader.GetString(0));
        }
        return useCases;
    }

    /// <summary>The ledger's entries after <paramref name="afterPosition"/>, in order, each with its event and what the event's earlier entries added.</summary>
    public async IAsyncEnumerable<CostEntry> ReadAfterAsync(string useCaseId, long afterPosition, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select entry.position, entry.event_id, entry.amount, entry.unpriced_tokens, entry.model, entry.earlier_amount, entry.earlier_entries,
                   entry.earlier_unpriced, o.event::text
            from (
                select l.position, l.event_id, l.amount, l.unpriced_tokens, l.model,
                       coalesce(sum(l.amount) over earlier, 0) as earlier_amount, count(*) over earlier as earlier_entries,
                       coalesce(sum(l.unpriced_tokens) over earlier, 0)::bigint as earlier_unpriced
                from metrics.ai_cost_ledger l
                where l.use_case_id = $1
                  and l.event_id in (select event_id from metrics.ai_cost_ledger where use_case_id = $1 and position > $2)
                window earlier as (partition by l.event_id order by l.position rows between unbounded preceding and 1 preceding)
            ) entry
            join metrics.event_ids i on i.use_case_id = $1 and i.event_id = entry.event_id
            join metrics.outcome_events o on o.use_case_id = $1 and o.sequence = i.sequence
            where entry.position > $2
            order by entry.position
            """)
            .WithValues(useCaseId, afterPosition);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new CostEntry(reader.GetInt64(0), reader.GetString(1), reader.GetDecimal(2), reader.GetInt64(3), reader.GetString(4),
                reader.GetDecimal(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetString(8));
        }
    }

    /// <summary>
    /// Prices the use case's joined calls again with the prices in force now (calls whose cost the span reported are
    /// kept) and, when <paramref name="apply"/>, appends a <c>repriced</c> entry for each call whose cost changed;
    /// answers the totals before and after. Only the use case's grain calls this.
    /// </summary>
    public async Task<AiCostRepricing> RepriceAsync(string useCaseId, string currency, bool apply, string author, CancellationToken cancellationToken)
    {
        var book = await prices.ReadAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var calls = new List<(ModelUsage Call, string EventId, decimal Amount, long Unpriced)>();
        await using (var read = new NpgsqlCommand(
            """
            select s.trace_id, s.span_id, s.started_at, s.provider, s.model, s.input_tokens, s.cached_input_tokens, s.cache_creation_tokens,
                   s.output_tokens, s.reasoning_tokens, s.reported_cost, l.event_id, sum(l.amount), sum(l.unpriced_tokens)::bigint
            from metrics.ai_cost_ledger l
            join metrics.ai_spans s on s.trace_id = l.trace_id and s.span_id = l.span_id
            where l.use_case_id = $1 and s.reported_cost is null
            group by s.trace_id, s.span_id, l.event_id
            order by min(l.position)
            """, connection, transaction).WithValues(useCaseId))
        {
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                calls.Add((ReadCall(reader), reader.GetString(11), reader.GetDecimal(12), reader.GetInt64(13)));
            }
        }
        var position = await LastPositionAsync(connection, transaction, useCaseId, cancellationToken);
        var changes = new List<(long Position, string EventId, ModelUsage Call, decimal Amount, long Unpriced, IReadOnlyList<long> PriceIds)>();
        decimal after = 0m;
        long unpricedAfter = 0;
        foreach (var (call, eventId, amount, unpriced) in calls)
        {
            var priced = book.Price(call, currency);
            after += priced.Amount ?? 0m;
            unpricedAfter += priced.UnpricedTokens;
            if ((priced.Amount ?? 0m) != amount || priced.UnpricedTokens != unpriced)
            {
                changes.Add((++position, eventId, call, (priced.Amount ?? 0m) - amount, priced.UnpricedTokens - unpriced, priced.PriceIds));
            }
        }
        var result = new AiCostRepricing
        {
            UseCaseId = useCaseId,
            Calls = calls.Count,
            Changed = changes.Count,
            AmountBefore = calls.Sum(call => call.Amount),
            AmountAfter = after,
            UnpricedTokensBefore = calls.Sum(call => call.Unpriced),
            UnpricedTokensAfter = unpricedAfter,
            Applied = apply,
        };
        if (!apply || changes.Count == 0)
        {
            return result;
        }
        await using (var append = new NpgsqlCommand(
            """
            insert into metrics.ai_cost_ledger (use_case_id, position, event_id, trace_id, span_id, kind, amount, unpriced_tokens, model, price_ids, recorded_by)
            select $1, entry.position, entry.event_id, entry.trace_id, entry.span_id, 'repriced', entry.amount, entry.unpriced_tokens, entry.model, entry.price_ids::bigint[], $2
            from unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::bigint[], $9::text[], $10::text[])
                as entry (position, event_id, trace_id, span_id, amount, unpriced_tokens, model, price_ids)
            """, connection, transaction))
        {
            append.WithValues(useCaseId, author)
                .WithTyped(changes.Select(change => change.Position).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint)
                .WithTyped(changes.Select(change => change.EventId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
                .WithTyped(changes.Select(change => change.Call.TraceId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
                .WithTyped(changes.Select(change => change.Call.SpanId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
                .WithTyped(changes.Select(change => change.Amount).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Numeric)
                .WithTyped(changes.Select(change => change.Unpriced).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint)
                .WithTyped(changes.Select(change => change.Call.Model).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
                .WithTyped(changes.Select(change => "{" + string.Join(',', change.PriceIds) + "}").ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            await append.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static async Task<long> LastPositionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string useCaseId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select coalesce(max(position), 0) from metrics.ai_cost_ledger where use_case_id = $1", connection, transaction)
            .WithValues(useCaseId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task InsertLinksAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TraceLink> links, string source, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            """
            insert into metrics.trace_links (trace_id, use_case_id, event_id, source)
            select *, $4 from unnest($1::text[], $2::text[], $3::text[]) on conflict (trace_id) do nothing
            """, connection, transaction);
        insert.WithTyped(links.Select(link => link.TraceId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
            .WithTyped(links.Select(link => link.UseCaseId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
            .WithTyped(links.Select(link => link.EventId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
            .WithValues(source);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        // Calls of these traces recorded before their link now belong to what the trace's (first) link names.
        await using var own = new NpgsqlCommand(
            """
            update metrics.ai_spans s set owner_use_case_id = l.use_case_id, owner_event_id = l.event_id
            from metrics.trace_links l
            where l.trace_id = any($1) and s.trace_id = l.trace_id and s.owner_use_case_id is null and s.joined_use_case_id is null
            """, connection, transaction)
            .WithTyped(links.Select(link => link.TraceId).Distinct(StringComparer.Ordinal).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        await own.ExecuteNonQueryAsync(cancellationToken);
    }

    private static ModelUsage ReadCall(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetString(4))
        {
            InputTokens = reader.GetInt64(5),
            CachedInputTokens = reader.GetInt64(6),
            CacheCreationTokens = reader.GetInt64(7),
            OutputTokens = reader.GetInt64(8),
            ReasoningTokens = reader.GetInt64(9),
            ReportedCost = reader.IsDBNull(10) ? null : reader.GetDecimal(10),
        };
}
