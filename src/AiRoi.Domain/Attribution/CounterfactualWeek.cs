namespace AiRoi.Domain.Attribution;

/// <summary>One week of a metric next to what it would have been without the AI.</summary>
/// <param name="WeekStart">The Monday of the week.</param>
/// <param name="Observed">The metric that week.</param>
/// <param name="Expected">The metric without the AI, by the method's model (before go-live: the model's fit).</param>
/// <param name="Low">Lower end of the 95 % band of <paramref name="Expected"/>.</param>
/// <param name="High">Upper end of the 95 % band.</param>
public sealed record CounterfactualWeek(DateOnly WeekStart, double Observed, double Expected, double Low, double High);
