using System.Globalization;

namespace AiRoi.Web.Components.Charts;

/// <summary>One stack of a column chart: a name and its value in each period.</summary>
/// <param name="Name">What it counts (a reason, "Events").</param>
/// <param name="Values">Its value per period, in the order of the chart's periods.</param>
public sealed record ColumnSeries(string Name, IReadOnlyList<double> Values);

/// <summary>A period of a column chart.</summary>
/// <param name="Start">Its first day.</param>
/// <param name="Label">How the axis names it; empty where labels are thinned out.</param>
/// <param name="Partial">Not over yet: drawn faint with a dashed outline, never as a full column.</param>
public sealed record ColumnPeriod(DateOnly Start, string Label, bool Partial);

/// <summary>One drawn column segment.</summary>
public sealed record ColumnBar(int Period, int Series, double X, double Y, double Width, double Height, double Value);

/// <summary>
/// The geometry of a column chart in SVG units: one band per period, the series stacked in each, a value axis from
/// zero whose left margin fits its longest label.
/// </summary>
public sealed class ColumnChartLayout
{
    /// <summary>The drawing's width.</summary>
    public const double Width = 720;

    /// <summary>The drawing's height.</summary>
    public const double Height = 240;

    /// <summary>The colours of up to eight series, each at least 3:1 against white; more series repeat them.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#1d4ed8", "#c2410c", "#15803d", "#7c3aed", "#b91c1c", "#0e7490", "#a16207", "#4b5563"];

    private ColumnChartLayout(IReadOnlyList<ColumnPeriod> periods, IReadOnlyList<ColumnSeries> series, ValueAxis value, double left, IReadOnlyList<ColumnBar> bars)
    {
        Periods = periods;
        Series = series;
        Value = value;
        Left = left;
        Bars = bars;
    }

    /// <summary>The periods, oldest first.</summary>
    public IReadOnlyList<ColumnPeriod> Periods { get; }

    /// <summary>The stacked series, bottom first.</summary>
    public IReadOnlyList<ColumnSeries> Series { get; }

    /// <summary>The vertical axis.</summary>
    public ValueAxis Value { get; }

    /// <summary>The plot's left edge.</summary>
    public double Left { get; }

    /// <summary>The plot's right edge.</summary>
    public double Right => Width - 12;

    /// <summary>The plot's top edge.</summary>
    public double Top => 10;

    /// <summary>The plot's bottom edge.</summary>
    public double Bottom => Height - 26;

    /// <summary>Every non-empty column segment.</summary>
    public IReadOnlyList<ColumnBar> Bars { get; }

    /// <summary>The middle of a period's band.</summary>
    public double Middle(int period) => Left + (period + 0.5) * (Right - Left) / Math.Max(1, Periods.Count);

    /// <summary>Where a value is.</summary>
    public double Y(double value) => Value.Y(value, Top, Bottom);

    /// <summary>Lays out <paramref name="series"/> over <paramref name="periods"/>, values labelled by <paramref name="format"/>.</summary>
    public static ColumnChartLayout Of(IReadOnlyList<ColumnPeriod> periods, IReadOnlyList<ColumnSeries> series, Func<double, string> format)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(series);
        var totals = Enumerable.Range(0, periods.Count).Select(period => series.Sum(stack => stack.Values[period])).ToList();
        var value = ValueAxis.Fit(totals, format, fromZero: true);
        var left = 12 + value.Ticks.Max(tick => tick.Label.Length) * TrendChartLayout.CharacterWidth;
        var layout = new ColumnChartLayout(periods, series, value, left, []);
        var band = (layout.Right - left) / Math.Max(1, periods.Count);
        var width = Math.Max(1, band * 0.7);
        var bars = new List<ColumnBar>();
        for (var period = 0; period < periods.Count; period++)
        {
            var below = 0.0;
            for (var stack = 0; stack < series.Count; stack++)
            {
                var amount = series[stack].Values[period];
                if (amount > 0)
                {
                    var top = layout.Y(below + amount);
                    bars.Add(new ColumnBar(period, stack, layout.Middle(period) - width / 2, top, width, layout.Y(below) - top, amount));
                    below += amount;
                }
            }
        }
        return new(periods, series, value, left, bars);
    }

    /// <summary>
    /// Periods from <paramref name="starts"/>, each partial when it ends after <paramref name="today"/>, labelled by
    /// <paramref name="label"/> at most <paramref name="maxLabels"/> times (evenly thinned).
    /// </summary>
    public static IReadOnlyList<ColumnPeriod> PeriodsOf(IReadOnlyList<DateOnly> starts, Func<DateOnly, DateOnly> endOf, DateOnly today, Func<DateOnly, string> label, int maxLabels = 12)
    {
        ArgumentNullException.ThrowIfNull(starts);
        var every = Math.Max(1, (starts.Count + maxLabels - 1) / maxLabels);
        return starts.Select((start, index) => new ColumnPeriod(start, (starts.Count - 1 - index) % every == 0 ? label(start) : "", endOf(start) > today)).ToList();
    }

    /// <summary>A whole count as the axis reads it.</summary>
    public static string Count(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
