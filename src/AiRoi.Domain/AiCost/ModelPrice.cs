namespace AiRoi.Domain.AiCost;

/// <summary>
/// One entry of the price book: what a million tokens of one kind cost for a provider's model from a date on. Entries
/// are never changed: a new price is a new entry with a later <see cref="EffectiveFrom"/>, and its id is the version a
/// priced call records.
/// </summary>
/// <param name="Id">The entry's id: the price version.</param>
/// <param name="Provider">The provider, lower case, or <c>*</c> for any.</param>
/// <param name="Model">The model's exact name, or a pattern where <c>*</c> stands for any characters (<c>gpt-4o-mini*</c>).</param>
/// <param name="Usage">Which tokens it prices.</param>
/// <param name="PerMillionTokens">The price of one million tokens.</param>
/// <param name="Currency">The ISO 4217 currency of the price.</param>
/// <param name="EffectiveFrom">From when it applies (by the call's start).</param>
public sealed record ModelPrice(long Id, string Provider, string Model, UsageType Usage, decimal PerMillionTokens, string Currency, DateTimeOffset EffectiveFrom)
{
    /// <summary>A tier: the price applies only to calls with more input tokens than this (a longer context costs more).</summary>
    public long? AboveInputTokens { get; init; }

    /// <summary>A list price that comes with AiRoi; any price of the organization's own for the model wins over it.</summary>
    public bool BuiltIn { get; init; }

    /// <summary>Whether this entry is for <paramref name="provider"/>'s <paramref name="model"/> (names compared ignoring case).</summary>
    public bool Covers(string provider, string model) =>
        (Provider == "*" || string.Equals(Provider, provider, StringComparison.OrdinalIgnoreCase)) && Matches(Model, model);

    /// <summary>How exactly the entry names its model: an exact name beats any pattern, a longer pattern a shorter one.</summary>
    public int Specificity => Model.Contains('*', StringComparison.Ordinal) ? Model.Count(character => character != '*') : int.MaxValue;

    /// <summary>Whether <paramref name="name"/> fits <paramref name="pattern"/>, where <c>*</c> stands for any characters.</summary>
    public static bool Matches(string pattern, string name)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(name);
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern, name, StringComparison.OrdinalIgnoreCase);
        }
        if (!name.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase) || !name.EndsWith(parts[^1], StringComparison.OrdinalIgnoreCase)
            || name.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }
        var position = parts[0].Length;
        var end = name.Length - parts[^1].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = name.IndexOf(parts[i], position, StringComparison.OrdinalIgnoreCase);
            if (found < 0 || found + parts[i].Length > end)
            {
                return false;
            }
            position = found + parts[i].Length;
        }
        return true;
    }
}
