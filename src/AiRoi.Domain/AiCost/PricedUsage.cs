namespace AiRoi.Domain.AiCost;

/// <summary>
/// What one model call cost, and on what grounds: priced from the price book (the entries used are listed),
/// reported by the span itself, or not priced at all, in which case its tokens are counted as unpriced and the amount
/// is unknown, never zero.
/// </summary>
/// <param name="Amount">The cost; null when the call could not be priced.</param>
/// <param name="Reported">Whether the span carried the cost itself.</param>
/// <param name="PriceIds">The price-book entries (versions) the amount was computed with.</param>
/// <param name="UnpricedTokens">The call's tokens when it could not be priced; 0 otherwise.</param>
/// <param name="Note">Why it could not be priced, in words; null when it was.</param>
public sealed record PricedUsage(decimal? Amount, bool Reported, IReadOnlyList<long> PriceIds, long UnpricedTokens, string? Note)
{
    /// <summary>Whether the call has a known cost.</summary>
    public bool IsPriced => Amount is not null;
}
