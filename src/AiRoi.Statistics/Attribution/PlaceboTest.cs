namespace AiRoi.Statistics.Attribution;

/// <summary>
/// Runs an analysis at fake go-live dates inside the history before the real one. Up to
/// <see cref="MaximumDates"/> dates, evenly spread, each with at least <see cref="PeriodsEachSide"/> periods of
/// history on either side; their smallest p-value is multiplied by their number (Bonferroni), so that on a history
/// where nothing happened the test fires in at most 5 % of cases.
/// </summary>
internal static class PlaceboTest
{
    /// <summary>Most fake dates tested: more would add little but make the correction harsher.</summary>
    public const int MaximumDates = 3;

    /// <summary>
    /// Periods of history needed on each side of a fake date: a quarter. Shorter stretches make the tails of the
    /// test too heavy for the corrected threshold (p &lt; 0.05/3), and the placebo would fire on noise.
    /// </summary>
    public const int PeriodsEachSide = 26;

    /// <param name="history">The periods before go-live, in period order.</param>
    /// <param name="pValueAt">The analysis's p-value with go-live moved to the given period; null when it cannot fit.</param>
    public static PlaceboResult? Run(IReadOnlyList<SeriesPoint> history, Func<int, double?> pValueAt)
    {
        var needed = PeriodsEachSide;
        var candidates = history.Count - 2 * needed + 1;
        if (candidates < 1)
        {
            return null;
        }
        var count = Math.Min(MaximumDates, candidates);
        var periods = Enumerable.Range(0, count)
            .Select(i => history[needed + (int)Math.Round(i * (candidates - 1) / (double)Math.Max(1, count - 1))].Period)
            .Distinct()
            .ToList();
        var pValues = periods.Select(pValueAt).OfType<double>().ToList();
        if (pValues.Count == 0)
        {
            return null;
        }
        var smallest = pValues.Min();
        var adjusted = Math.Min(1, smallest * pValues.Count);
        return new PlaceboResult(periods, smallest, adjusted, adjusted < 0.05);
    }
}
