namespace AiRoi.Statistics.Attribution;

/// <summary>One period of a metric's series: its mean over the period's tasks and how many tasks it rests on.</summary>
/// <param name="Period">The period's number, counted from the intervention (go-live is period 0, the week before −1).</param>
/// <param name="Value">The metric's mean over the period.</param>
/// <param name="Weight">The tasks the mean rests on; periods weigh in proportion to it.</param>
public readonly record struct SeriesPoint(int Period, double Value, double Weight);
