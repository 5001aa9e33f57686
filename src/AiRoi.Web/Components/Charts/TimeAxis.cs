using System.Globalization;

namespace AiRoi.Web.Components.Charts;

/// <summary>
/// A chart's horizontal axis in days: <c>[From, Until)</c> spread evenly over the plot's width, so any date, an
/// annotation's included, sits at its own place; ticks at the start of months.
/// </summary>
/// <param name="From">The first day drawn (the left edge).</param>
/// <param name="Until">The day after the last day drawn (the right edge).</param>
public sealed record TimeAxis(DateOnly From, DateOnly Until)
{
    /// <summary>Most month labels on one axis; more months label every second or third.</summary>
    private const int MaxLabels = 12;

    /// <summary>The position of the start of <paramref name="day"/> between <paramref name="left"/> and <paramref name="right"/>.</summary>
    public double X(DateOnly day, double left, double right) =>
        left + (day.DayNumber - From.DayNumber) / (double)Math.Max(1, Until.DayNumber - From.DayNumber) * (right - left);

    /// <summary>The middle of the period <c>[start, end)</c>, where its figure is drawn.</summary>
    public double Middle(DateOnly start, DateOnly end, double left, double right) =>
        (X(start, left, right) + X(end, left, right)) / 2;

    /// <summary>
    /// Each month start within the axis, with its label ("Sep"; the year on the first and on January, "Jan 2027")
    /// or an empty label where labels are thinned out.
    /// </summary>
    public IReadOnlyList<(DateOnly Day, string Label)> MonthTicks()
    {
        var ticks = new List<DateOnly>();
        for (var month = new DateOnly(From.Year, From.Month, 1).AddMonths(From.Day == 1 ? 0 : 1); month < Until; month = month.AddMonths(1))
        {
            ticks.Add(month);
        }
        var every = (ticks.Count + MaxLabels - 1) / Math.Max(1, MaxLabels);
        return ticks.Select((day, index) => (day, index % Math.Max(1, every) != 0 ? ""
            : index == 0 || day.Month == 1 ? day.ToString("MMM yyyy", CultureInfo.InvariantCulture)
            : day.ToString("MMM", CultureInfo.InvariantCulture))).ToList();
    }
}
