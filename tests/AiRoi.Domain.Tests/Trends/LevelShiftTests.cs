using AiRoi.Domain.Trends;

namespace AiRoi.Domain.Tests.Trends;

/// <summary>
/// The level-shift scan. Reference numbers from reference_values.py: Welch's t and Welch–Satterthwaite degrees
/// of freedom for every candidate split in mpmath, the t tail through the regularized incomplete beta.
/// </summary>
public class LevelShiftTests
{
    private static readonly DateOnly FirstMonday = new(2026, 1, 5);

    /// <summary>100 events a week; the exception rate steps from 0.2 to 0.4 in week 5 (counted from 0).</summary>
    private static readonly long[] ExceptionsPerWeek = [20, 22, 18, 21, 19, 40, 38, 42, 41, 39];

    private static DateOnly Week(int index) => FirstMonday.AddDays(7 * index);

    /// <summary>Weeks of 100 events each, where each event is an exception (1) or not (0), so SumOfSquares = Sum.</summary>
    private static PeriodMoments[] RateWeeks(IEnumerable<long> exceptions) =>
        exceptions.Select((count, i) => new PeriodMoments(Week(i), 100, count, count)).ToArray();

    [Fact]
    public void A_step_in_the_exception_rate_is_found_at_the_week_it_happened()
    {
        // Candidates k = 4, 5, 6 (4 weeks a side of 10); |t| = 5.775, 7.064, 5.555; the best, k = 5, has a Welch
        // p-value of 3.1058e-12, times 3 candidates.
        var shift = LevelShiftTest.Find(RateWeeks(ExceptionsPerWeek))!;

        Assert.Equal(Week(5), shift.ChangeDate);
        Approx.Equal(0.2, shift.MeanBefore, "mean before");
        Approx.Equal(0.4, shift.MeanAfter, "mean after");
        Approx.Equal(0.2, shift.Difference, "difference");
        Approx.Equal(7.0639932049797443, shift.TStatistic, "t");
        Approx.Equal(9.3174055736123578e-12, shift.PValue, "corrected p-value");
        Assert.Equal(500, shift.EventsBefore);
        Assert.Equal(500, shift.EventsAfter);
    }

    [Fact]
    public void A_step_down_has_a_negative_difference_and_statistic()
    {
        var shift = LevelShiftTest.Find(RateWeeks(ExceptionsPerWeek.Reverse()))!;

        Assert.Equal(Week(5), shift.ChangeDate);
        Approx.Equal(-0.2, shift.Difference, "difference");
        Approx.Equal(-7.0639932049797443, shift.TStatistic, "t");
        Approx.Equal(9.3174055736123578e-12, shift.PValue, "corrected p-value");
    }

    /// <summary>
    /// Handling minutes, 30 events a week with a standard deviation of 3: weekly means 10.0, 10.4, 9.8, 10.2,
    /// 10.1 then 11.1, 10.9, 11.3, 10.7, 11.0, so Sum = 30·mean and SumOfSquares = 29·9 + 30·mean².
    /// </summary>
    private static readonly PeriodMoments[] HandlingMinutes =
        new (double Sum, double SumOfSquares)[]
        {
            (300, 3261), (312, 3505.8), (294, 3142.2), (306, 3382.2), (303, 3321.3),
            (333, 3957.3), (327, 3825.3), (339, 4091.7), (321, 3695.7), (330, 3891),
        }.Select((week, i) => new PeriodMoments(Week(i), 30, week.Sum, week.SumOfSquares)).ToArray();

    [Fact]
    public void The_chosen_split_pays_for_the_scan_with_a_bonferroni_factor()
    {
        // 5 candidates (k = 3…7 with 3 weeks a side); the best, k = 5, has t = 2.6276 on 298 df and a Welch p of
        // 0.0090432; times 5 is 0.045216.
        var shift = LevelShiftTest.Find(HandlingMinutes, minPeriodsPerSide: 3, alpha: 0.05)!;

        Assert.Equal(Week(5), shift.ChangeDate);
        Approx.Equal(10.1, shift.MeanBefore, "mean before");
        Approx.Equal(11.0, shift.MeanAfter, "mean after");
        Approx.Equal(2.6276343433900633, shift.TStatistic, "t");
        Approx.Equal(0.045216138904767543, shift.PValue, "corrected p-value");
    }

    [Fact]
    public void A_split_that_only_looks_significant_because_it_was_the_best_of_several_is_not_reported()
    {
        // The uncorrected p-value, 0.0090, is below 0.01; the corrected 0.045 is not.
        Assert.Null(LevelShiftTest.Find(HandlingMinutes, minPeriodsPerSide: 3, alpha: 0.01));
    }

    [Fact]
    public void A_steady_rate_has_no_shift()
    {
        // Best split k = 4 with t = −0.16; corrected p = 1.
        Assert.Null(LevelShiftTest.Find(RateWeeks([20, 22, 18, 21, 19, 20, 22, 18, 21, 19]), alpha: 0.5));
    }

    [Fact]
    public void Weeks_without_events_neither_count_as_a_side_nor_as_a_candidate()
    {
        // An empty week 5 and an empty last week: the shift is dated to the first week with events after it, and
        // with the 10 weeks that have events there are still 3 candidates, so the p-value is unchanged.
        var counts = ExceptionsPerWeek.Take(5).Concat(ExceptionsPerWeek.Skip(5).Append(-1)).ToList();
        counts.Insert(5, -1);
        var weeks = counts
            .Select((count, i) => count < 0 ? new PeriodMoments(Week(i), 0, 0, 0) : new PeriodMoments(Week(i), 100, count, count))
            .ToArray();

        var shift = LevelShiftTest.Find(weeks)!;

        Assert.Equal(Week(6), shift.ChangeDate);
        Approx.Equal(7.0639932049797443, shift.TStatistic, "t");
        Approx.Equal(9.3174055736123578e-12, shift.PValue, "corrected p-value");
    }

    [Fact]
    public void Too_few_weeks_for_the_minimum_on_each_side_give_no_answer_however_clear_the_step()
    {
        var sevenWeeks = RateWeeks([20, 20, 20, 20, 90, 90, 90]);

        Assert.Null(LevelShiftTest.Find(sevenWeeks, minPeriodsPerSide: 4));
        Assert.Equal(Week(4), LevelShiftTest.Find(sevenWeeks, minPeriodsPerSide: 3)?.ChangeDate);
    }

    /// <summary>A week of <paramref name="events"/> events that all have <paramref name="value"/>, accumulated one by one as a rollup would.</summary>
    private static PeriodMoments ConstantWeek(int index, int events, double value)
    {
        double sum = 0, sumOfSquares = 0;
        for (var i = 0; i < events; i++)
        {
            sum += value;
            sumOfSquares += value * value;
        }

        return new PeriodMoments(Week(index), events, sum, sumOfSquares);
    }

    [Fact]
    public void Two_different_constant_levels_are_a_certain_shift_with_the_largest_finite_statistic()
    {
        // Seven events of 0.1 add up to a sum of squares whose variance formula leaves 5.6e-17 of rounding, not 0;
        // taken at face value that would give a huge but finite t instead of a certain shift.
        var weeks = Enumerable.Range(0, 8).Select(i => ConstantWeek(i, 7, i < 4 ? 0.1 : 0.3)).ToArray();

        var shift = LevelShiftTest.Find(weeks)!;

        Assert.Equal(Week(4), shift.ChangeDate);
        Approx.Equal(0.2, shift.Difference, "difference");
        Assert.Equal(double.MaxValue, shift.TStatistic);
        Assert.Equal(0, shift.PValue);
    }

    [Fact]
    public void A_drop_between_constant_levels_has_the_largest_negative_statistic()
    {
        var weeks = Enumerable.Range(0, 8).Select(i => ConstantWeek(i, 10, i < 4 ? 1 : 0)).ToArray();

        var shift = LevelShiftTest.Find(weeks)!;

        Assert.Equal(-1, shift.Difference);
        Assert.Equal(-double.MaxValue, shift.TStatistic);
        Assert.Equal(0, shift.PValue);
    }

    [Fact]
    public void One_constant_level_throughout_is_no_shift()
    {
        var weeks = Enumerable.Range(0, 8).Select(i => ConstantWeek(i, 7, 0.1)).ToArray();

        Assert.Null(LevelShiftTest.Find(weeks, alpha: 0.5));
    }

    [Fact]
    public void A_split_needs_two_events_on_each_side()
    {
        PeriodMoments[] weeks = [new(Week(0), 1, 5, 25), new(Week(1), 1, 9, 81)];

        Assert.Null(LevelShiftTest.Find(weeks, minPeriodsPerSide: 1, alpha: 0.5));
    }

    [Fact]
    public void Periods_out_of_date_order_are_refused()
    {
        var weeks = RateWeeks(ExceptionsPerWeek);
        (weeks[3], weeks[4]) = (weeks[4], weeks[3]);

        var error = Assert.Throws<ArgumentException>(() => LevelShiftTest.Find(weeks));

        Assert.StartsWith("periods[4]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_count_is_refused()
    {
        var weeks = RateWeeks(ExceptionsPerWeek);
        weeks[2] = weeks[2] with { N = -1 };

        var error = Assert.Throws<ArgumentException>(() => LevelShiftTest.Find(weeks));

        Assert.StartsWith("periods[2]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0.01)]
    [InlineData(4, 0)]
    [InlineData(4, 1)]
    public void The_minimum_per_side_and_alpha_are_checked(int minPeriodsPerSide, double alpha)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LevelShiftTest.Find(RateWeeks(ExceptionsPerWeek), minPeriodsPerSide, alpha));
    }
}
