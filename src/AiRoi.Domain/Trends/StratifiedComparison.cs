namespace AiRoi.Domain.Trends;

/// <summary>AI against people on one metric, raw and with the case mix held equal, from <see cref="StratifiedDifference.Compare"/>.</summary>
/// <param name="Raw">
/// The difference of the pooled means over all events; null unless each group has at least 2 events. Flatters
/// whichever group gets the easier cases.
/// </param>
/// <param name="Stratified">
/// The within-stratum differences averaged with each stratum's share of the events as weight: the comparison
/// to quote. Null when no stratum has at least 2 events in each group.
/// </param>
/// <param name="Strata">Every stratum in input order, with its own difference and weight.</param>
/// <param name="ExcludedEvents">Events in strata left out of the stratified estimate (weight 0).</param>
public sealed record StratifiedComparison(
    DifferenceEstimate? Raw,
    DifferenceEstimate? Stratified,
    IReadOnlyList<StratumDifference> Strata,
    long ExcludedEvents);
