using MathNet.Numerics.Distributions;

namespace AiRoi.Domain.Trends;

/// <summary>
/// Did a metric step to a new level at some point, e.g. the exception rate after a prompt change or a model
/// upgrade, and when? A scan over every split of the series into "before" and "after" with a Welch t-test.
/// </summary>
public static class LevelShiftTest
{
    /// <summary>Welch's variance needs n − 1 ≥ 1 on each side.</summary>
    private const long MinimumEventsPerSide = 2;

    /// <summary>
    /// Finds the single most pronounced level shift in a series of periods and reports it only if it is
    /// significant after correcting for the scan.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Periods without events are skipped. Every split with at least <paramref name="minPeriodsPerSide"/>
    /// periods with events on each side is a candidate; the events before and after it are pooled and compared
    /// with Welch's t on the per-event values (mean Sum/N, sample variance (SumOfSquares − Sum²/N)/(N − 1),
    /// Welch–Satterthwaite degrees of freedom). The candidate with the largest |t| is the change point.
    /// </para>
    /// <para>
    /// Its two-sided p-value is multiplied by the number of candidates (Bonferroni, capped at 1). Scanning for the
    /// best split and then testing it as if it had been chosen in advance inflates false alarms: with 20
    /// candidates, pure noise clears p &lt; 0.05 at one of them far more often than 5% of the time. Bonferroni
    /// is conservative (neighbouring splits are strongly correlated), which suits an alert that people act on.
    /// </para>
    /// </remarks>
    /// <param name="periods">The periods in date order, each at most once.</param>
    /// <param name="minPeriodsPerSide">Periods with events needed on each side of a split, at least 1; the default of
    /// 4 keeps one odd week from looking like a new level.</param>
    /// <param name="alpha">Significance level in (0, 1) for the corrected p-value.</param>
    /// <returns>
    /// The shift, or null when there are too few periods, no split has at least 2 events on each side, or the
    /// corrected p-value is not below <paramref name="alpha"/> (which includes a constant series).
    /// </returns>
    /// <exception cref="ArgumentException">A period is null, out of date order, or has impossible moments.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minPeriodsPerSide"/> is below 1 or <paramref name="alpha"/> is outside (0, 1).</exception>
    public static LevelShift? Find(IReadOnlyList<PeriodMoments> periods, int minPeriodsPerSide = 4, double alpha = 0.01)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentOutOfRangeException.ThrowIfLessThan(minPeriodsPerSide, 1);
        SignificanceLevel.Require(alpha);
        var active = WithEvents(periods);
        var candidates = active.Count - 2 * minPeriodsPerSide + 1;
        if (candidates < 1)
        {
            return null;
        }

        // Pooled from either end rather than total minus prefix, which would cancel.
        var before = new EventSample[active.Count + 1];
        var after = new EventSample[active.Count + 1];
        for (var i = 0; i < active.Count; i++)
        {
            before[i + 1] = before[i].Merge(active[i].Sample);
            after[active.Count - i - 1] = after[active.Count - i].Merge(active[active.Count - i - 1].Sample);
        }

        // A split skipped for too few events (possible only with one period a side) was still scanned, so it still
        // counts in the correction.
        int? best = null;
        var bestWelch = default(Welch);
        for (var k = minPeriodsPerSide; k <= active.Count - minPeriodsPerSide; k++)
        {
            if (before[k].N < MinimumEventsPerSide || after[k].N < MinimumEventsPerSide)
            {
                continue;
            }

            var welch = Welch.Between(before[k], after[k]);
            if (best is null || Math.Abs(welch.T) > Math.Abs(bestWelch.T))
            {
                best = k;
                bestWelch = welch;
            }
        }

        if (best is not { } split)
        {
            return null;
        }

        var pValue = Math.Min(1, bestWelch.PValue * candidates);
        if (!(pValue < alpha))
        {
            return null;
        }

        var meanBefore = before[split].Mean;
        var meanAfter = after[split].Mean;
        return new LevelShift(
            active[split].Period.Start,
            meanBefore,
            meanAfter,
            meanAfter - meanBefore,
            bestWelch.T,
            pValue,
            before[split].N,
            after[split].N);
    }

    private static List<(PeriodMoments Period, EventSample Sample)> WithEvents(IReadOnlyList<PeriodMoments> periods)
    {
        var active = new List<(PeriodMoments, EventSample)>(periods.Count);
        for (var i = 0; i < periods.Count; i++)
        {
            var field = $"periods[{i}]";
            var period = periods[i] ?? throw new ArgumentException($"{field} is null.", nameof(periods));
            if (i > 0 && periods[i - 1] is { } previous && period.Start <= previous.Start)
            {
                throw new ArgumentException(
                    $"{field} starts {period.Start:yyyy-MM-dd}, not after the period before it ({previous.Start:yyyy-MM-dd}); periods must be in date order.",
                    nameof(periods));
            }

            var sample = EventSample.Checked(period.N, period.Sum, period.SumOfSquares, field);
            if (sample.N > 0)
            {
                active.Add((period, sample));
            }
        }

        return active;
    }

    /// <summary>Welch's t-test of the after-mean minus the before-mean.</summary>
    private readonly record struct Welch(double T, double PValue)
    {
        public static Welch Between(EventSample before, EventSample after)
        {
            var difference = after.Mean - before.Mean;
            var varianceBefore = before.VarianceOfMean;
            var varianceAfter = after.VarianceOfMean;
            var variance = varianceBefore + varianceAfter;
            if (variance == 0)
            {
                // Both sides constant: equal values are no shift at all, different ones a certain shift. MaxValue
                // rather than infinity keeps the statistic a number that serialises to JSON.
                var magnitude = Math.Max(Math.Abs(before.Mean), Math.Abs(after.Mean));
                return EventSample.IsRoundoff(difference, magnitude)
                    ? new Welch(0, 1)
                    : new Welch(Math.CopySign(double.MaxValue, difference), 0);
            }

            var t = difference / Math.Sqrt(variance);
            var degreesOfFreedom = variance * variance /
                (varianceBefore * varianceBefore / (before.N - 1) + varianceAfter * varianceAfter / (after.N - 1));

            // The lower tail of −|t| rather than 1 − CDF(|t|): no cancellation when the p-value is tiny.
            return new Welch(t, Math.Min(1, 2 * StudentT.CDF(0, 1, degreesOfFreedom, -Math.Abs(t))));
        }
    }
}
