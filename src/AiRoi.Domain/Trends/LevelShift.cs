namespace AiRoi.Domain.Trends;

/// <summary>A lasting step change in a metric's level, found by <see cref="LevelShiftTest.Find"/>.</summary>
/// <param name="ChangeDate">Start of the first period (with events) after the change.</param>
/// <param name="MeanBefore">Mean per-event value over all events before the change.</param>
/// <param name="MeanAfter">Mean per-event value over all events from the change on.</param>
/// <param name="Difference"><paramref name="MeanAfter"/> − <paramref name="MeanBefore"/>.</param>
/// <param name="TStatistic">
/// Welch's t of the difference; ±<see cref="double.MaxValue"/> when both sides are constant and differ.
/// </param>
/// <param name="PValue">Two-sided Welch p-value, Bonferroni-corrected for the number of splits scanned (at most 1).</param>
/// <param name="EventsBefore">Number of events before the change.</param>
/// <param name="EventsAfter">Number of events from the change on.</param>
public sealed record LevelShift(
    DateOnly ChangeDate,
    double MeanBefore,
    double MeanAfter,
    double Difference,
    double TStatistic,
    double PValue,
    long EventsBefore,
    long EventsAfter);
