namespace AiRoi.Domain.AiCost;

/// <summary>
/// A use case's traced model calls that never found their outcome event within the join window: AI spend with no
/// measured value. Priced like any call; tokens of models without a price are counted apart, never as zero.
/// </summary>
/// <param name="Calls">How many calls.</param>
/// <param name="Tokens">Their tokens.</param>
/// <param name="Amount">Their priced cost, in the use case's currency.</param>
/// <param name="UnpricedTokens">Of <paramref name="Tokens"/>, those of calls without a price.</param>
public sealed record AiSpendWithNoOutcome(long Calls, long Tokens, decimal Amount, long UnpricedTokens)
{
    /// <summary>Totals of <paramref name="calls"/> priced with <paramref name="book"/> in <paramref name="currency"/>; null when there are none.</summary>
    public static AiSpendWithNoOutcome? Of(IReadOnlyCollection<ModelUsage> calls, PriceBook book, string currency)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(book);
        if (calls.Count == 0)
        {
            return null;
        }
        var priced = calls.Select(call => book.Price(call, currency)).ToList();
        return new AiSpendWithNoOutcome(calls.Count, calls.Sum(call => call.TotalTokens), priced.Sum(price => price.Amount ?? 0m), priced.Sum(price => price.UnpricedTokens));
    }
}
