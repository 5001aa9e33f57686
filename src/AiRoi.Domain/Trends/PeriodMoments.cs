namespace AiRoi.Domain.Trends;

/// <summary>The events of one period (a day or a week) as sufficient statistics of a metric's per-event values.</summary>
/// <param name="Start">First day of the period.</param>
/// <param name="N">Number of events in the period.</param>
/// <param name="Sum">Sum of their values (for a rate, the number of events that count, e.g. exceptions).</param>
/// <param name="SumOfSquares">Sum of their squared values (for a rate of 0/1 values, equal to <paramref name="Sum"/>).</param>
public sealed record PeriodMoments(DateOnly Start, long N, double Sum, double SumOfSquares);
