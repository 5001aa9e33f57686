namespace AiRoi.Web.Components.Charts;

/// <summary>
/// A chart's vertical axis: a range with round ticks (1, 2, 2.5 or 5 times a power of ten) that covers every value
/// drawn, and where a value sits between the plot's top and bottom.
/// </summary>
/// <param name="Min">The bottom of the axis.</param>
/// <param name="Max">The top of the axis.</param>
/// <param name="Ticks">The tick values, bottom to top, each with its label.</param>
public sealed record ValueAxis(double Min, double Max, IReadOnlyList<(double Value, string Label)> Ticks)
{
    /// <summary>About this many intervals between ticks.</summary>
    private const int Intervals = 4;

    /// <summary>
    /// The axis for <paramref name="values"/> (non-finite ones ignored), labelled by <paramref name="format"/>; from
    /// zero when <paramref name="fromZero"/> and every value is positive (counts, amounts).
    /// </summary>
    public static ValueAxis Fit(IEnumerable<double> values, Func<double, string> format, bool fromZero = false)
    {
        ArgumentNullException.ThrowIfNull(format);
        var finite = values.Where(double.IsFinite).ToList();
        var low = finite.Count == 0 ? 0 : finite.Min();
        var high = finite.Count == 0 ? 1 : finite.Max();
        if (fromZero && low > 0)
        {
            low = 0;
        }
        if (high - low < 1e-12 * Math.Max(1, Math.Abs(high)))
        {
            // One value: a band around it, so the line sits in the middle rather than on an edge.
            var pad = Math.Abs(high) > 0 ? Math.Abs(high) * 0.1 : 1;
            (low, high) = (fromZero && low >= 0 ? 0 : low - pad, high + pad);
        }
        var step = NiceStep((high - low) / Intervals);
        var min = Math.Floor(low / step) * step;
        var max = Math.Ceiling(high / step) * step;
        var ticks = new List<(double, string)>();
        for (var i = 0; min + i * step <= max + step / 1e6; i++)
        {
            // Rounded to the step's precision, so 0.30000000000000004 reads 0.3.
            var value = Math.Round(min + i * step, 12);
            ticks.Add((value, format(value)));
        }
        return new(min, max, ticks);
    }

    /// <summary>The position of <paramref name="value"/> between <paramref name="bottom"/> (at <see cref="Min"/>) and <paramref name="top"/>.</summary>
    public double Y(double value, double top, double bottom) =>
        bottom - (value - Min) / (Max - Min) * (bottom - top);

    /// <summary>The round step nearest above <paramref name="rough"/>: 1, 2, 2.5 or 5 times a power of ten.</summary>
    public static double NiceStep(double rough)
    {
        if (!(rough > 0) || !double.IsFinite(rough))
        {
            return 1;
        }
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        return power * (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10);
    }
}
