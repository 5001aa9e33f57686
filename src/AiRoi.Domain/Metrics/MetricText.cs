using System.Globalization;

namespace AiRoi.Domain.Metrics;

/// <summary>
/// How a figure reads in a sentence, by unit: rates as percentages, money with cents only below 100, durations in
/// the largest sensible unit, p-values as a reader expects them. One culture (invariant), so the API's sentences and
/// the web's pages read the same.
/// </summary>
public static class MetricText
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>A finite value in its unit (0.7234 as a ratio → "72.3 %", 4467 seconds → "1.2 h").</summary>
    public static string Value(double number, MetricUnit unit) => unit switch
    {
        MetricUnit.Ratio => Percent(number),
        MetricUnit.Currency => Money(number),
        MetricUnit.Seconds => Duration(number),
        MetricUnit.Minutes => Duration(number * 60),
        MetricUnit.Days => number.ToString("0.#", Culture) + " d",
        MetricUnit.Rating => number.ToString("0.00", Culture),
        MetricUnit.NetPromoterScore => number.ToString("+0.0;-0.0;0", Culture),
        MetricUnit.Count => number.ToString("#,0.##", Culture),
        _ => number.ToString("#,0.###", Culture),
    };

    /// <summary>A fraction as a percentage with one decimal (0.7234 → 72.3 %).</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", Culture) + " %";

    /// <summary>An amount of money, thousands grouped, cents only below 100.</summary>
    public static string Money(double amount) =>
        Math.Abs(amount) < 100 ? amount.ToString("#,0.00", Culture) : amount.ToString("#,0", Culture);

    /// <summary>A duration from seconds, in seconds, minutes, hours or days.</summary>
    public static string Duration(double seconds)
    {
        var size = Math.Abs(seconds);
        var sign = seconds < 0 ? "-" : "";
        return size switch
        {
            < 60 => sign + size.ToString("0.#", Culture) + " s",
            < 3600 => sign + (size / 60).ToString("0.#", Culture) + " min",
            < 172800 => sign + (size / 3600).ToString("0.#", Culture) + " h",
            _ => sign + (size / 86400).ToString("0.#", Culture) + " d",
        };
    }

    /// <summary>A p-value as "p = 0.004", or "p &lt; 0.001" below that (never "6.051E-05").</summary>
    public static string PValue(double p) =>
        p < 0.001 ? "p < 0.001" : "p = " + p.ToString("0.000", Culture);
}
