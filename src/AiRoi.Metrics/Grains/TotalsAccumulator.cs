using AiRoi.Domain;
using System.Text.Json;
using AiRoi.Contracts.UseCases;
using AiRoi.Domain.Events;

namespace AiRoi.Metrics.Grains;

/// <summary>
/// The running totals of one use case, updated event by event. Order-independent sums, so a snapshot plus a
/// replay of the log after it equals a recomputation from the whole log.
/// </summary>
public sealed class TotalsAccumulator
{
    private readonly Dictionary<string, long> byHandler = [];
    private readonly SortedDictionary<DateOnly, long> byDay = [];
    private readonly Dictionary<string, long> unpricedTokensByModel = new(StringComparer.Ordinal);
    private DateTimeOffset? lastCompletedAt;
    private decimal tracedAiCost;
    private decimal tracedAiCostNotAdded;

    /// <summary>Tokens of traced model calls that found no price, per model.</summary>
    public IReadOnlyDictionary<string, long> UnpricedTokensByModel => unpricedTokensByModel;

    /// <summary>The last position of the AI cost ledger applied.</summary>
    public long CostLedgerPosition { get; private set; }

    /// <summary>The last sequence number applied.</summary>
    public long Sequence { get; private set; }

    /// <summary>Adds one event that the log numbered <paramref name="sequence"/>.</summary>
    public void Apply(long sequence, OutcomeEvent outcomeEvent)
    {
        var handler = WireJson.Name(outcomeEvent.Handler);
        byHandler[handler] = byHandler.GetValueOrDefault(handler) + 1;
        var day = DateOnly.FromDateTime(outcomeEvent.CompletedAt.UtcDateTime);
        byDay[day] = byDay.GetValueOrDefault(day) + 1;
        if (lastCompletedAt is null || outcomeEvent.CompletedAt > lastCompletedAt)
        {
            lastCompletedAt = outcomeEvent.CompletedAt;
        }
        Sequence = sequence;
    }

    /// <summary>Adds one entry of the AI cost ledger; <paramref name="statesOwnCost"/> when its event states its own AI cost, which it keeps.</summary>
    public void ApplyCost(long position, decimal amount, string model, long unpricedTokens, bool statesOwnCost)
    {
        if (statesOwnCost)
        {
            tracedAiCostNotAdded += amount;
        }
        else
        {
            tracedAiCost += amount;
        }
        var unpriced = unpricedTokensByModel.GetValueOrDefault(model) + unpricedTokens;
        if (unpriced == 0)
        {
            unpricedTokensByModel.Remove(model);
        }
        else
        {
            unpricedTokensByModel[model] = unpriced;
        }
        CostLedgerPosition = position;
    }

    /// <summary>The totals as the grain answers them.</summary>
    public UseCaseTotals ToTotals() => new()
    {
        Sequence = Sequence,
        EventsByHandler = new Dictionary<string, long>(byHandler),
        EventsByDay = new Dictionary<DateOnly, long>(byDay),
        LastCompletedAt = lastCompletedAt,
        CostLedgerPosition = CostLedgerPosition,
        TracedAiCost = tracedAiCost,
        TracedAiCostNotAdded = tracedAiCostNotAdded,
        UnpricedTokensByModel = new Dictionary<string, long>(unpricedTokensByModel),
    };

    /// <summary>Restores totals from what <see cref="ToTotals"/> answered.</summary>
    public static TotalsAccumulator FromTotals(UseCaseTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var accumulator = new TotalsAccumulator
        {
            Sequence = totals.Sequence,
            lastCompletedAt = totals.LastCompletedAt,
            CostLedgerPosition = totals.CostLedgerPosition,
            tracedAiCost = totals.TracedAiCost,
            tracedAiCostNotAdded = totals.TracedAiCostNotAdded,
        };
        foreach (var (model, tokens) in totals.UnpricedTokensByModel ?? new Dictionary<string, long>())
        {
            accumulator.unpricedTokensByModel[model] = tokens;
        }
        foreach (var (handler, count) in totals.EventsByHandler)
        {
            accumulator.byHandler[handler] = count;
        }
        foreach (var (day, count) in totals.EventsByDay)
        {
            accumulator.byDay[day] = count;
        }
        return accumulator;
    }
}
