using System.Globalization;

namespace AiRoi.Statistics.Attribution;

/// <summary>
/// The AI's effect on a metric without an experiment: a segmented regression of the weekly series on its own
/// history, so that the trend (and, with a year of history, the season) it already had is not credited to the AI.
/// </summary>
/// <remarks>
/// <para>
/// Model, with t the week counted from go-live: yₜ = a + b·t + δ·[t ≥ 0] + γ·t·[t ≥ 0] + seasonₜ + eₜ, where δ is
/// the step at go-live and γ the change of slope. With at least <see cref="AttributionResult.PeriodsPerYear"/>
/// weeks of history, seasonₜ is two harmonics of the year (sin and cos of 2πkt/52.18, k = 1, 2). Weeks weigh by
/// their tasks; errors may be autocorrelated (see <see cref="AutocorrelatedRegression"/>).
/// </para>
/// <para>
/// The effect is the task-weighted mean of δ + γ·t over the weeks since go-live: what the metric was, minus what
/// the history's trend says it would have been. The counterfactual is the model with δ and γ set to zero, with a
/// 95 % band of its mean. Needs <see cref="AttributionResult.MinimumPeriodsEachSide"/> weeks with data on each side.
/// </para>
/// </remarks>
public static class InterruptedTimeSeries
{
    private const double WeeksPerYear = 365.25 / 7;
    private const int Harmonics = 2;

    /// <summary>Analyses <paramref name="series"/>, whose periods count weeks from go-live (period 0).</summary>
    /// <exception cref="StatisticsInputException">A value or weight is not finite, a weight is negative, or a period appears twice.</exception>
    public static AttributionResult Analyze(IReadOnlyList<SeriesPoint> series)
    {
        var points = AttributionSeries.Prepare(series, "series");
        if (AttributionSeries.TooShort(points, "An interrupted time series") is { } reason)
        {
            return AttributionResult.Refused(AttributionMethod.InterruptedTimeSeries, reason);
        }
        var seasonal = Seasonal(points);
        if (Fit(points, seasonal) is not { } fit)
        {
            return AttributionResult.Refused(AttributionMethod.InterruptedTimeSeries,
                "The weeks with data do not allow a trend to be fitted before and after go-live (they leave the model's terms indistinguishable).");
        }

        var columns = Columns(seasonal);
        var meanPeriod = AttributionSeries.MeanPeriodAfter(points);
        var effect = fit.Combination(EffectWeights(columns, meanPeriod));
        var level = EffectWeights(columns, 0);
        var slope = Unit(columns, 3);
        var model = new EffectModel(fit.Coefficients[2], fit.Coefficients[3],
            fit.Covariance(level, level), fit.Covariance(slope, slope), fit.Covariance(level, slope), fit.DegreesOfFreedom);

        var counterfactual = points.Select(point =>
        {
            var expected = fit.Combination(Row(point.Period, seasonal, withEffect: false));
            return new CounterfactualPoint(point.Period, point.Value, expected.Value, expected.Low, expected.High);
        }).ToList();

        var history = points.Where(point => point.Period < 0).ToList();
        var placebo = PlaceboTest.Run(history, fake =>
        {
            var shifted = AttributionSeries.Shifted(history, fake);
            return Fit(shifted, seasonal) is { } placeboFit
                ? placeboFit.Combination(EffectWeights(Columns(seasonal), AttributionSeries.MeanPeriodAfter(shifted))).PValue
                : null;
        });

        return new AttributionResult(AttributionMethod.InterruptedTimeSeries, null, effect, model, counterfactual, placebo,
            [PlaceboCheck(placebo), SeasonalityCheck(seasonal, history.Count)]);
    }

    /// <summary>Whether the history before go-live is a year long, enough to separate the season from the trend.</summary>
    private static bool Seasonal(IReadOnlyList<SeriesPoint> points) =>
        points.Count(point => point.Period < 0) >= AttributionResult.PeriodsPerYear;

    private static AutocorrelatedRegression? Fit(IReadOnlyList<SeriesPoint> points, bool seasonal) => AutocorrelatedRegression.Fit(
        points.Select(point => Row(point.Period, seasonal, withEffect: true)).ToList(),
        points.Select(point => point.Value).ToList(),
        points.Select(point => point.Weight).ToList());

    private static int Columns(bool seasonal) => 4 + (seasonal ? 2 * Harmonics : 0);

    private static double[] Row(int period, bool seasonal, bool withEffect)
    {
        var row = new double[Columns(seasonal)];
        row[0] = 1;
        row[1] = period;
        if (withEffect && period >= 0)
        {
            row[2] = 1;
            row[3] = period;
        }
        if (seasonal)
        {
            for (var k = 1; k <= Harmonics; k++)
            {
                var angle = 2 * Math.PI * k * period / WeeksPerYear;
                row[2 + 2 * k] = Math.Sin(angle);
                row[3 + 2 * k] = Math.Cos(angle);
            }
        }
        return row;
    }

    private static double[] EffectWeights(int columns, double meanPeriod)
    {
        var weights = new double[columns];
        weights[2] = 1;
        weights[3] = meanPeriod;
        return weights;
    }

    private static double[] Unit(int columns, int index)
    {
        var weights = new double[columns];
        weights[index] = 1;
        return weights;
    }

    internal static AttributionCheck PlaceboCheck(PlaceboResult? placebo) => placebo switch
    {
        null => new("placebo", null,
            $"The history is too short for a placebo test (it needs {2 * PlaceboTest.PeriodsEachSide} weeks before go-live)."),
        { Fired: true } => new("placebo", false,
            $"At fake go-live dates before the real one the method finds an \"effect\" (adjusted p = {Text(placebo.AdjustedPValue)}): something other than the AI moves this metric."),
        _ => new("placebo", true,
            $"At {placebo.Periods.Count} fake go-live dates before the real one the method finds no effect (adjusted p = {Text(placebo.AdjustedPValue)})."),
    };

    private static AttributionCheck SeasonalityCheck(bool seasonal, int history) => seasonal
        ? new("seasonality", true, $"{history} weeks of history: the yearly season is modelled and not credited to the AI.")
        : new("seasonality", null, $"Only {history} weeks of history, less than a year: a seasonal swing at go-live cannot be told apart from the AI's effect.");

    internal static string Text(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
