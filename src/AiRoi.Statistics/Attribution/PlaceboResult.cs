namespace AiRoi.Statistics.Attribution;

/// <summary>
/// The same analysis at fake go-live dates before the real one, on the history alone. Where it finds an "effect"
/// of the AI before the AI existed, the method is crediting the AI with something else.
/// </summary>
/// <param name="Periods">The fake go-live periods tested.</param>
/// <param name="SmallestPValue">The smallest p-value among them.</param>
/// <param name="AdjustedPValue">That p-value times the number of dates tested (Bonferroni), capped at 1.</param>
/// <param name="Fired">True when the adjusted p-value is below 0.025: an "effect" where there was none.</param>
public sealed record PlaceboResult(IReadOnlyList<int> Periods, double SmallestPValue, double AdjustedPValue, bool Fired);
