namespace AiRoi.Domain.Rollups;

/// <summary>The length of the periods a series or report is cut into. Wire names: <c>day</c>, <c>week</c>, <c>month</c>, <c>quarter</c>.</summary>
public enum Granularity
{
    /// <summary>UTC calendar days.</summary>
    Day = 1,

    /// <summary>ISO weeks, Monday to Sunday.</summary>
    Week = 2,

    /// <summary>Calendar months.</summary>
    Month = 3,

    /// <summary>Calendar quarters.</summary>
    Quarter = 4,
}

/// <summary>Where periods start and end.</summary>
public static class Periods
{
    /// <summary>The first day of the period that contains <paramref name="day"/>.</summary>
    public static DateOnly StartOf(DateOnly day, Granularity granularity) => granularity switch
    {
        Granularity.Day => day,
        Granularity.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        Granularity.Month => new DateOnly(day.Year, day.Month, 1),
        Granularity.Quarter => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(granularity), granularity, null),
    };

    /// <summary>The first day after the period that starts on <paramref name="start"/>.</summary>
    public static DateOnly EndOf(DateOnly start, Granularity granularity) => granularity switch
    {
        Granularity.Day => start.AddDays(1),
        Granularity.Week => start.AddDays(7),
        Granularity.Month => start.AddMonths(1),
        Granularity.Quarter => start.AddMonths(3),
        _ => throw new ArgumentOutOfRangeException(nameof(granularity), granularity, null),
    };

    /// <summary>The UTC day an event counts on: the day its outcome was complete.</summary>
    public static DateOnly DayOf(DateTimeOffset completedAt) => DateOnly.FromDateTime(completedAt.UtcDateTime);
}
