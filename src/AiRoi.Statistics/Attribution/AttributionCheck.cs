namespace AiRoi.Statistics.Attribution;

/// <summary>One assumption of an attribution method and whether the data bear it out.</summary>
/// <param name="Name">The check: <c>placebo</c>, <c>parallel-trends</c>, <c>seasonality</c>.</param>
/// <param name="Passed">True when the data bear the assumption out; false when they speak against it; null when it could not be checked.</param>
/// <param name="Detail">What was found, in a sentence.</param>
public sealed record AttributionCheck(string Name, bool? Passed, string Detail);
