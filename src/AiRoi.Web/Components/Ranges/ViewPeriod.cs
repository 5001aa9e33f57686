using System.Globalization;
using AiRoi.Web.Display;

namespace AiRoi.Web.Components.Ranges;

/// <summary>
/// The period a page shows, as its address carries it (<c>?from=2026-09-01&amp;to=2026-11-30&amp;compare=previous</c>, ISO
/// dates so a shared link means the same day everywhere): both days included. Without <see cref="From"/> a page shows
/// its usual window. <see cref="Compare"/> sets each figure beside the same figure for the period just before, of the
/// same length.
/// </summary>
/// <param name="From">The first day; null for the page's usual window.</param>
/// <param name="To">The last day; null for today.</param>
/// <param name="Compare">Whether to compare with the previous period.</param>
public sealed record ViewPeriod(DateOnly? From, DateOnly? To, bool Compare)
{
    /// <summary>The longest period a page shows: the reports' own limit.</summary>
    public const int MaxDays = 3653;

    /// <summary>No period chosen: the page's usual window, nothing compared.</summary>
    public static ViewPeriod Usual { get; } = new(null, null, false);

    /// <summary>The ready-made periods, by key, as the picker offers them.</summary>
    public static IReadOnlyList<(string Key, string Label)> Presets { get; } =
    [
        ("last-30-days", "Last 30 days"), ("last-90-days", "Last 90 days"), ("this-quarter", "This quarter so far"),
        ("last-quarter", "Last quarter"), ("year-to-date", "Year to date"), ("last-12-months", "Last 12 months"),
    ];

    /// <summary>Whether a period was chosen.</summary>
    public bool IsChosen => From is not null;

    /// <summary>
    /// The period in an address; a day that is not yyyy-MM-dd, a "from" after "to" or a period over
    /// <see cref="MaxDays"/> falls back to the usual window, so a mangled link still opens the page.
    /// </summary>
    public static ViewPeriod Parse(string? from, string? to, string? compare, DateOnly today)
    {
        var first = Day(from);
        var last = Day(to);
        if (first is not { } start || start > (last ?? today) || (last ?? today).DayNumber - start.DayNumber + 1 > MaxDays)
        {
            return Usual;
        }
        return new(start, last, compare == "previous");
    }

    /// <summary>A ready-made period ending on <paramref name="today"/>; null for an unknown key.</summary>
    public static ViewPeriod? Preset(string key, DateOnly today, bool compare)
    {
        var quarter = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        return key switch
        {
            "last-30-days" => new(today.AddDays(-29), today, compare),
            "last-90-days" => new(today.AddDays(-89), today, compare),
            "this-quarter" => new(quarter, today, compare),
            "last-quarter" => new(quarter.AddMonths(-3), quarter.AddDays(-1), compare),
            "year-to-date" => new(new DateOnly(today.Year, 1, 1), today, compare),
            "last-12-months" => new(today.AddMonths(-12).AddDays(1), today, compare),
            _ => null,
        };
    }

    /// <summary>The last day shown.</summary>
    public DateOnly End(DateOnly today) => To ?? today;

    /// <summary>How many days the period covers; null for the usual window.</summary>
    public int? Days(DateOnly today) => From is { } start ? End(today).DayNumber - start.DayNumber + 1 : null;

    /// <summary>The period just before, of the same length (what <see cref="Compare"/> compares with).</summary>
    public ViewPeriod Previous(DateOnly today)
    {
        if (From is not { } start)
        {
            throw new InvalidOperationException("The usual window has no previous period here; choose a period first.");
        }
        var days = Days(today)!.Value;
        return new(start.AddDays(-days), start.AddDays(-1), Compare: false);
    }

    /// <summary>The period in words, with the days in the reader's form ("1/9/2026 to 30/11/2026").</summary>
    public string Describe(DateOnly today) =>
        From is { } start ? $"{Figures.Day(start)} to {Figures.Day(End(today))}" : "the usual window";

    /// <summary>The address's parameters for this period, ISO dates; none for the usual window.</summary>
    public IEnumerable<(string Name, string Value)> Parameters()
    {
        if (From is not { } start)
        {
            yield break;
        }
        yield return ("from", Iso(start));
        if (To is { } end)
        {
            yield return ("to", Iso(end));
        }
        if (Compare)
        {
            yield return ("compare", "previous");
        }
    }

    /// <summary>A day as the address writes it.</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
