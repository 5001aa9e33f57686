namespace AiRoi.Domain.AiCost;

/// <summary>
/// The organization's prices and the built-in list prices, answering what a model call cost. The rules:
/// <list type="bullet">
/// <item>A cost the span reports is kept as reported.</item>
/// <item>Each kind of token is priced with the entry in force at the call's start. The organization's own entries for
/// the model win over built-in ones; an exact model name wins over a pattern, a longer pattern over a shorter; among
/// the tiers of that entry the highest one the call's input exceeds applies; among versions the latest in force.</item>
/// <item>Cached and cache-creation input without a price of their own are priced as input, reasoning without one as
/// output: the provider bills them at most at that rate.</item>
/// <item>A call with any tokens that find no price, or only a price in another currency, is not priced: its tokens are
/// counted as unpriced and its amount is unknown, never zero. Prices are never converted between currencies.</item>
/// </list>
/// </summary>
/// <param name="prices">Every entry, built-in and the organization's.</param>
public sealed class PriceBook(IReadOnlyList<ModelPrice> prices)
{
    private const decimal TokensPerPriceUnit = 1_000_000m;

    /// <summary>Every entry.</summary>
    public IReadOnlyList<ModelPrice> Prices { get; } = prices;

    /// <summary>What <paramref name="usage"/> cost in <paramref name="currency"/>.</summary>
    public PricedUsage Price(ModelUsage usage, string currency)
    {
        ArgumentNullException.ThrowIfNull(usage);
        if (usage.ReportedCost is { } reported)
        {
            return new PricedUsage(reported, Reported: true, [], 0, null);
        }
        var amount = 0m;
        var used = new List<long>();
        foreach (var (type, tokens) in usage.TokensByType())
        {
            if (tokens == 0)
            {
                continue;
            }
            var price = Find(usage, type) ?? Find(usage, Fallback(type));
            if (price is null)
            {
                return Unpriced(usage, $"No price for {Describe(usage)} ({WireJson.Name(type)} tokens) on {usage.StartedAt:yyyy-MM-dd}.");
            }
            if (price.Currency != currency)
            {
                return Unpriced(usage, $"{Describe(usage)} is priced in {price.Currency}; the use case counts money in {currency}, and prices are never converted.");
            }
            amount += tokens * price.PerMillionTokens / TokensPerPriceUnit;
            if (!used.Contains(price.Id))
            {
                used.Add(price.Id);
            }
        }
        return new PricedUsage(amount, Reported: false, used, 0, null);
    }

    /// <summary>The entry that prices <paramref name="type"/> tokens of the call, or null.</summary>
    public ModelPrice? Find(ModelUsage usage, UsageType type)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var candidates = Prices.Where(price => price.Usage == type && price.EffectiveFrom <= usage.StartedAt && price.Covers(usage.Provider, usage.Model)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        var chosen = candidates
            .OrderBy(price => price.BuiltIn)
            .ThenByDescending(price => price.Specificity)
            .ThenBy(price => price.Provider == "*")
            .First();
        return candidates
            .Where(price => price.BuiltIn == chosen.BuiltIn && price.Model == chosen.Model && price.Provider == chosen.Provider)
            .Where(price => price.AboveInputTokens is not { } threshold || usage.InputTokens > threshold)
            .OrderByDescending(price => price.AboveInputTokens ?? -1)
            .ThenByDescending(price => price.EffectiveFrom)
            .ThenByDescending(price => price.Id)
            .FirstOrDefault();
    }

    private static UsageType Fallback(UsageType type) => type switch
    {
        UsageType.CachedInput or UsageType.CacheCreation => UsageType.Input,
        UsageType.Reasoning => UsageType.Output,
        _ => type,
    };

    private static PricedUsage Unpriced(ModelUsage usage, string note) => new(null, Reported: false, [], usage.TotalTokens, note);

    private static string Describe(ModelUsage usage) => usage.Provider.Length == 0 ? usage.Model : $"{usage.Provider}/{usage.Model}";
}
