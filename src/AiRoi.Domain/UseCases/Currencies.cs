using System.Globalization;

namespace AiRoi.Domain.UseCases;

/// <summary>
/// The currencies money may be kept in: ISO 4217 codes of the currencies in use in some region, as the platform's
/// culture data (ICU) knows them.
/// </summary>
public static class Currencies
{
    /// <summary>The organization's currency until one is set.</summary>
    public const string Default = "USD";

    private static readonly HashSet<string> Known = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture =>
        {
            try
            {
                return new RegionInfo(culture.Name).ISOCurrencySymbol;
            }
            catch (ArgumentException)
            {
                return null;
            }
        })
        .OfType<string>()
        .Where(code => code.Length == 3 && code.All(char.IsAsciiLetterUpper))
        .Append(Default)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Every known code, sorted.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Known.Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="code"/> is a known ISO 4217 code (upper case, as written).</summary>
    public static bool IsKnown(string? code) => code is not null && Known.Contains(code);
}
