using System.Globalization;
using AiRoi.Domain.Annotations;
using AiRoi.Web.Components.UseCases;

namespace AiRoi.Web.Components.Charts;

/// <summary>An annotation's place: the x of its date, and the row of the label band its label sits in.</summary>
/// <param name="Annotation">What changed.</param>
/// <param name="X">Where its date is on the time axis.</param>
/// <param name="Row">Its label's row above the plot (0 nearest the top), chosen so no two labels overlap.</param>
/// <param name="LeftAnchored">The label starts at <paramref name="X"/>; otherwise it ends there (near the right edge).</param>
public sealed record MarkerPlace(Annotation Annotation, double X, int Row, bool LeftAnchored)
{
    /// <summary>The label's text.</summary>
    public string Label => $"▼ {Annotation.Title}";
}

/// <summary>
/// The geometry of a trend chart in SVG units: a plot whose left margin fits the longest value label, a band above
/// it with as many rows as the annotation labels need so none overlaps another, and the time and value axes.
/// </summary>
public sealed class TrendChartLayout
{
    /// <summary>The drawing's width.</summary>
    public const double Width = 720;

    /// <summary>The drawing's height without annotation rows.</summary>
    private const double BaseHeight = 280;

    /// <summary>Height of one row of annotation labels.</summary>
    public const double RowHeight = 15;

    /// <summary>Most rows of annotation labels; beyond them labels share the last row.</summary>
    private const int MaxRows = 4;

    /// <summary>Width of one character of an 11-unit label, generously (digits and capitals run wider than average).</summary>
    public const double CharacterWidth = 6.6;

    private TrendChartLayout(TrendChartModel model, TimeAxis time, ValueAxis value, IReadOnlyList<MarkerPlace> markers, double left, double top)
    {
        Model = model;
        Time = time;
        Value = value;
        Markers = markers;
        Left = left;
        Top = top;
        Height = BaseHeight + top;
    }

    /// <summary>What is drawn.</summary>
    public TrendChartModel Model { get; }

    /// <summary>The horizontal axis.</summary>
    public TimeAxis Time { get; }

    /// <summary>The vertical axis.</summary>
    public ValueAxis Value { get; }

    /// <summary>The annotations with their places.</summary>
    public IReadOnlyList<MarkerPlace> Markers { get; }

    /// <summary>The plot's left edge: right of the longest value label.</summary>
    public double Left { get; }

    /// <summary>The plot's right edge.</summary>
    public double Right => Width - 24;

    /// <summary>The plot's top edge: below the annotation rows.</summary>
    public double Top { get; }

    /// <summary>The plot's bottom edge: above the month labels.</summary>
    public double Bottom => Height - 28;

    /// <summary>The drawing's height.</summary>
    public double Height { get; }

    /// <summary>Lays out <paramref name="model"/> (which must have periods) with values labelled by <paramref name="format"/>.</summary>
    public static TrendChartLayout Of(TrendChartModel model, Func<double, string> format)
    {
        ArgumentNullException.ThrowIfNull(model);
        var time = model.Time ?? throw new ArgumentException("A trend chart needs at least one period.", nameof(model));
        var values = model.Points.Select(point => point.Value)
            .Concat(model.Counterfactual.SelectMany(point => new[] { point.Low, point.High }))
            .Concat(new[] { model.Baseline, model.Target }.OfType<double>());
        var value = ValueAxis.Fit(values, format);
        var left = 12 + value.Ticks.Max(tick => tick.Label.Length) * CharacterWidth;
        var right = Width - 24;

        var rowEnds = new List<double>();
        var markers = new List<MarkerPlace>();
        foreach (var annotation in model.Markers)
        {
            var x = time.X(annotation.Date, left, right);
            var width = ($"▼ {annotation.Title}".Length + 1) * CharacterWidth;
            var leftAnchored = x + width <= Width;
            var (start, end) = leftAnchored ? (x - 4, x + width) : (x - width, x + 4);
            var row = rowEnds.FindIndex(rowEnd => start > rowEnd + 8);
            if (row < 0)
            {
                row = Math.Min(rowEnds.Count, MaxRows - 1);
                if (row == rowEnds.Count)
                {
                    rowEnds.Add(double.NegativeInfinity);
                }
            }
            rowEnds[row] = Math.Max(rowEnds[row], end);
            markers.Add(new MarkerPlace(annotation, x, row, leftAnchored));
        }
        var top = 12 + rowEnds.Count * RowHeight;
        return new(model, time, value, markers, left, top);
    }

    /// <summary>Where a day starts.</summary>
    public double X(DateOnly day) => Time.X(day, Left, Right);

    /// <summary>Where a period's figure is drawn: the middle of the period.</summary>
    public double X(DateOnly start, DateOnly end) => Time.Middle(start, end, Left, Right);

    /// <summary>Where a value is.</summary>
    public double Y(double value) => Value.Y(value, Top, Bottom);

    /// <summary>The baseline of an annotation label's row.</summary>
    public double RowY(int row) => 10 + (row + 1) * RowHeight - 4;

    /// <summary>An SVG path through the points, in order.</summary>
    public static string Path(IEnumerable<(double X, double Y)> points) =>
        string.Join(" ", points.Select((point, index) => $"{(index == 0 ? "M" : "L")}{Number(point.X)} {Number(point.Y)}"));

    /// <summary>A coordinate as SVG writes it.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
