namespace AiRoi.Statistics.Attribution;

/// <summary>Checks a series handed to an attribution method and puts it in period order.</summary>
internal static class AttributionSeries
{
    /// <summary>
    /// The periods that carry weight, in period order; refuses a non-finite value or weight, a negative weight or a
    /// period given twice, naming the field.
    /// </summary>
    public static List<SeriesPoint> Prepare(IReadOnlyList<SeriesPoint> series, string field)
    {
        Require.NotNull(series, field);
        var seen = new HashSet<int>();
        for (var i = 0; i < series.Count; i++)
        {
            var point = series[i];
            Require.Finite(point.Value, $"{field}[{i}].value");
            Require.NonNegative(point.Weight, $"{field}[{i}].weight");
            if (!seen.Add(point.Period))
            {
                throw new StatisticsInputException($"{field}[{i}].period", InputProblem.OutOfRange, $"Period {point.Period} appears twice in {field}.");
            }
        }
        return series.Where(point => point.Weight > 0).OrderBy(point => point.Period).ToList();
    }

    /// <summary>Why a series is too short for an attribution; null when it is long enough.</summary>
    public static string? TooShort(IReadOnlyList<SeriesPoint> series, string what)
    {
        var before = series.Count(point => point.Period < 0);
        var after = series.Count - before;
        var needed = AttributionResult.MinimumPeriodsEachSide;
        return before >= needed && after >= needed
            ? null
            : $"{what} needs at least {needed} weeks with data before go-live and {needed} after; there are {before} before and {after} after.";
    }

    /// <summary>The weighted mean period of the points on or after go-live.</summary>
    public static double MeanPeriodAfter(IEnumerable<SeriesPoint> series)
    {
        var after = series.Where(point => point.Period >= 0).ToList();
        return after.Sum(point => point.Weight * point.Period) / after.Sum(point => point.Weight);
    }

    /// <summary>The same points with periods counted from <paramref name="origin"/> (a fake go-live).</summary>
    public static List<SeriesPoint> Shifted(IEnumerable<SeriesPoint> series, int origin) =>
        series.Select(point => point with { Period = point.Period - origin }).ToList();
}
