using System.Globalization;
using AiRoi.Domain.Metrics;

namespace AiRoi.Web.Display;

/// <summary>
/// How figures read on the pages, by unit: rates as percentages, money with two decimals at most, durations in
/// the largest sensible unit. Numbers in one culture (invariant), so that a figure reads the same for everyone; dates
/// as the reader's language writes them (<see cref="ReaderLanguage"/>).
/// </summary>
public static class Figures
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>The text shown when there is no figure.</summary>
    public const string None = "—";

    /// <summary>A metric's value in its unit; <see cref="None"/> when absent.</summary>
    public static string Metric(double? value, MetricUnit unit) =>
        value is not { } number || !double.IsFinite(number) ? None : MetricText.Value(number, unit);

    /// <summary>A change (current minus baseline) in the metric's unit, with its sign; rates in percentage points.</summary>
    public static string Change(double? change, MetricUnit unit)
    {
        if (change is not { } number || !double.IsFinite(number))
        {
            return None;
        }
        var sign = number > 0 ? "+" : number < 0 ? "−" : "±";
        var size = Math.Abs(number);
        return unit == MetricUnit.Ratio
            ? sign + (size * 100).ToString("0.0", Culture) + " pp"
            : sign + Metric(size, unit).TrimStart('+');
    }

    /// <summary>A 95 % interval, "low to high" in the unit.</summary>
    public static string Interval(double? low, double? high, MetricUnit unit) =>
        low is null || high is null ? None : $"{Metric(low, unit)} to {Metric(high, unit)}";

    /// <summary>A fraction as a percentage with one decimal (0.7234 → 72.3 %).</summary>
    public static string Percent(double fraction) => MetricText.Percent(fraction);

    /// <summary>An amount of money, thousands grouped, cents only below 100.</summary>
    public static string Money(double amount) => MetricText.Money(amount);

    /// <summary>A duration from seconds, in seconds, minutes, hours or days.</summary>
    public static string Duration(double seconds) => MetricText.Duration(seconds);

    /// <summary>A day as the reader's language writes it (3/12/2026, 12/3/2026, 03.12.2026); yyyy-MM-dd when it is not known.</summary>
    public static string Day(DateOnly day) => ReaderLanguage.Day(day);

    /// <summary>A number of days rounded up, as a phrase: "about 1 day", "about 299 days"; "under a day" below one.</summary>
    public static string AboutDays(double days)
    {
        var whole = Math.Ceiling(days);
        return whole <= 0 ? "under a day" : whole == 1 ? "about 1 day" : $"about {whole.ToString("#,0", Culture)} days";
    }

    /// <summary>A moment in UTC, its day as <see cref="Day"/> writes it, then HH:mm UTC; <see cref="None"/> when absent.</summary>
    public static string Moment(DateTimeOffset? moment) =>
        moment is { } value ? $"{Day(DateOnly.FromDateTime(value.UtcDateTime))} {value.UtcDateTime.ToString("HH:mm", Culture)} UTC" : None;
}

/// <summary>
/// <see cref="Figures"/> for one use case or total whose money is in <paramref name="Currency"/> (ISO 4217): amounts
/// carry the code ("4.44 EUR"), so figures in different currencies are never read as one. Without a currency, as
/// <see cref="Figures"/>.
/// </summary>
/// <param name="Currency">The currency, or null when unknown.</param>
public sealed record FiguresIn(string? Currency)
{
    /// <summary>A metric's value in its unit, money with its currency.</summary>
    public string Metric(double? value, MetricUnit unit) => WithCurrency(Figures.Metric(value, unit), unit);

    /// <summary>A change in the metric's unit, money with its currency.</summary>
    public string Change(double? change, MetricUnit unit) => WithCurrency(Figures.Change(change, unit), unit);

    /// <summary>A 95 % interval, money with its currency.</summary>
    public string Interval(double? low, double? high, MetricUnit unit) =>
        low is null || high is null ? Figures.None : $"{Figures.Metric(low, unit)} to {Metric(high, unit)}";

    /// <summary>An amount of money with its currency.</summary>
    public string Money(double amount) => WithCurrency(Figures.Money(amount), MetricUnit.Currency);

    private string WithCurrency(string text, MetricUnit unit) =>
        unit == MetricUnit.Currency && Currency is not null && text != Figures.None ? $"{text} {Currency}" : text;
}
