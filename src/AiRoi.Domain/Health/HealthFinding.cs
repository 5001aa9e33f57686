namespace AiRoi.Domain.Health;

/// <summary>One mistake found on a use case, with the reason in a sentence and the figures that show it.</summary>
/// <param name="Check">Which mistake.</param>
/// <param name="Reason">Why it applies, for the business owner.</param>
/// <param name="Evidence">The figures behind the reason (dates, values, p-values), by name.</param>
public sealed record HealthFinding(HealthCheck Check, string Reason, IReadOnlyDictionary<string, string> Evidence);
