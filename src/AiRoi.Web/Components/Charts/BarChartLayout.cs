namespace AiRoi.Web.Components.Charts;

/// <summary>One bar: a name, a value and, when known, its 95 % interval; <paramref name="Note"/> is said beside it.</summary>
public sealed record BarItem(string Name, double Value, double? Low, double? High, string Note);

/// <summary>A bar placed: its row, the bar from the zero line to its value, and the interval's whisker.</summary>
public sealed record PlacedBar(BarItem Item, double Y, double X, double Width, double? WhiskerFrom, double? WhiskerTo);

/// <summary>
/// Horizontal bars, one row per item, on a value axis that always holds zero so that a loss reads as a bar to the
/// left of the line and a gain to the right; each bar's 95 % interval drawn as a whisker. Rows keep the given order.
/// </summary>
public sealed class BarChartLayout
{
    /// <summary>The drawing's width in its own units (the SVG scales to the page).</summary>
    public const double Width = 720;

    /// <summary>Room for the names on the left.</summary>
    public const double NamesWidth = 220;

    /// <summary>Height of one row.</summary>
    public const double RowHeight = 26;

    /// <summary>Room below the bars for the value axis.</summary>
    public const double AxisHeight = 24;

    private BarChartLayout(ValueAxis axis, IReadOnlyList<PlacedBar> bars, double height) => (Value, Bars, Height) = (axis, bars, height);

    /// <summary>The value axis, zero included.</summary>
    public ValueAxis Value { get; }

    /// <summary>The bars, in the order given.</summary>
    public IReadOnlyList<PlacedBar> Bars { get; }

    /// <summary>The drawing's height.</summary>
    public double Height { get; }

    /// <summary>Where the plotting area starts.</summary>
    public static double Left => NamesWidth;

    /// <summary>Where it ends (room on the right for the last tick's label).</summary>
    public static double Right => Width - 24;

    /// <summary>The bottom of the last row.</summary>
    public double Bottom => Height - AxisHeight;

    /// <summary>The x of <paramref name="value"/>.</summary>
    public double X(double value) => Left + (value - Value.Min) / (Value.Max - Value.Min) * (Right - Left);

    /// <summary>Lays out <paramref name="items"/>; values and intervals formatted by <paramref name="format"/> on the axis.</summary>
    public static BarChartLayout Of(IReadOnlyList<BarItem> items, Func<double, string> format)
    {
        ArgumentNullException.ThrowIfNull(items);
        var values = items.SelectMany(item => new[] { item.Value, item.Low ?? item.Value, item.High ?? item.Value }).Append(0).ToList();
        var axis = ValueAxis.Fit(values, format, fromZero: true);
        var height = items.Count * RowHeight + AxisHeight + 4;
        var layout = new BarChartLayout(axis, [], height);
        var bars = items.Select((item, row) =>
        {
            var zero = layout.X(0);
            var end = layout.X(item.Value);
            return new PlacedBar(item, 4 + row * RowHeight, Math.Min(zero, end), Math.Abs(end - zero),
                item.Low is { } low ? layout.X(low) : null, item.High is { } high ? layout.X(high) : null);
        }).ToList();
        return new BarChartLayout(axis, bars, height);
    }
}
