namespace AiRoi.Domain.Trends;

/// <summary>
/// One stratum of the case mix (e.g. complexity "high") with the sufficient statistics of a metric's per-event
/// values, separately for the events the AI handled and those people handled.
/// </summary>
/// <param name="Stratum">The stratum's name, as shown to the business owner.</param>
/// <param name="AiN">Number of AI-handled events.</param>
/// <param name="AiSum">Sum of their values.</param>
/// <param name="AiSumOfSquares">Sum of their squared values.</param>
/// <param name="HumanN">Number of human-handled events.</param>
/// <param name="HumanSum">Sum of their values.</param>
/// <param name="HumanSumOfSquares">Sum of their squared values.</param>
public sealed record StratumMoments(
    string Stratum,
    long AiN,
    double AiSum,
    double AiSumOfSquares,
    long HumanN,
    double HumanSum,
    double HumanSumOfSquares);
