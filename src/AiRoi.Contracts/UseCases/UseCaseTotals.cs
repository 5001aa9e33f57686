namespace AiRoi.Contracts.UseCases;

/// <summary>
/// The running totals a use-case grain keeps as events arrive; equal, after any restart, to a recomputation
/// from the event log (snapshot at <see cref="Sequence"/> plus the events after it).
/// </summary>
[GenerateSerializer]
[Alias("AiRoi.Contracts.UseCases.UseCaseTotals")]
public sealed record UseCaseTotals
{
    /// <summary>The last sequence number applied.</summary>
    [Id(0)] public long Sequence { get; init; }

    /// <summary>Events applied, per handler (<c>ai</c>, <c>human</c>, <c>hybrid</c>).</summary>
    [Id(1)] public IReadOnlyDictionary<string, long> EventsByHandler { get; init; } = new Dictionary<string, long>();

    /// <summary>Events applied, per UTC day of completion.</summary>
    [Id(2)] public IReadOnlyDictionary<DateOnly, long> EventsByDay { get; init; } = new Dictionary<DateOnly, long>();

    /// <summary>The latest completion time seen.</summary>
    [Id(3)] public DateTimeOffset? LastCompletedAt { get; init; }

    /// <summary>The last position of the AI cost ledger applied.</summary>
    [Id(4)] public long CostLedgerPosition { get; init; }

    /// <summary>AI cost priced from traces and added to events that do not state their own.</summary>
    [Id(5)] public decimal TracedAiCost { get; init; }

    /// <summary>AI cost priced from traces of events that state their own <c>aiCost</c>, which they keep.</summary>
    [Id(6)] public decimal TracedAiCostNotAdded { get; init; }

    /// <summary>Tokens of traced model calls that have no price, per model: a cost that is unknown, not zero.</summary>
    [Id(7)] public IReadOnlyDictionary<string, long> UnpricedTokensByModel { get; init; } = new Dictionary<string, long>();
}
