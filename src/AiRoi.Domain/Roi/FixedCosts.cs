namespace AiRoi.Domain.Roi;

/// <summary>
/// Fixed monthly costs over any period: each calendar month the period touches contributes its share of days,
/// so a calendar month costs exactly one month, a quarter three, and a week 7/28 to 7/31 of one.
/// </summary>
public static class FixedCosts
{
    /// <summary>The fixed costs of <c>[start, end)</c>.</summary>
    public static decimal For(decimal monthly, DateOnly start, DateOnly end) => monthly * (decimal)Months(start, end);

    /// <summary>How many months <c>[start, end)</c> is, counting each calendar month by its share of days.</summary>
    public static double Months(DateOnly start, DateOnly end)
    {
        double months = 0;
        var day = start;
        while (day < end)
        {
            var monthStart = new DateOnly(day.Year, day.Month, 1);
            var nextMonth = monthStart.AddMonths(1);
            var until = end < nextMonth ? end : nextMonth;
            months += (until.DayNumber - day.DayNumber) / (double)(nextMonth.DayNumber - monthStart.DayNumber);
            day = until;
        }
        return months;
    }
}
