namespace AiRoi.Domain.Trends;

/// <summary>How AI and people compare within one stratum, and how much the stratum counts in the stratified estimate.</summary>
/// <param name="Stratum">The stratum's name.</param>
/// <param name="AiMean">Mean value of the AI-handled events; null without any.</param>
/// <param name="HumanMean">Mean value of the human-handled events; null without any.</param>
/// <param name="Difference">AI mean − human mean; null unless both groups have events.</param>
/// <param name="Weight">
/// The stratum's share of the events in the stratified estimate; 0 when either group has fewer than 2 events,
/// since its variance (and so its uncertainty) is then unknown.
/// </param>
/// <param name="AiN">Number of AI-handled events.</param>
/// <param name="HumanN">Number of human-handled events.</param>
public sealed record StratumDifference(
    string Stratum,
    double? AiMean,
    double? HumanMean,
    double? Difference,
    double Weight,
    long AiN,
    long HumanN);
