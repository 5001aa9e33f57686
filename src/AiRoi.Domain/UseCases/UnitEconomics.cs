namespace AiRoi.Domain.UseCases;

/// <summary>The figures that turn a use case's metrics into money. Decimal, like all money in AiRoi.</summary>
/// <param name="LoadedHumanCostPerHour">
/// Fully loaded cost of one human hour (salary, benefits, overhead); prices human minutes on events that carry
/// no explicit human cost.
/// </param>
/// <param name="ValuePerConversion">
/// What one conversion is worth: ROI prices incremental conversions at it (events' own conversion values feed the
/// conversion-value metrics, not ROI, so that a few large deals do not swing the revenue lift).
/// </param>
/// <param name="FixedMonthlyCosts">Licences, platform fees, the team running the AI: the ROI denominator.</param>
public sealed record UnitEconomics(
    decimal LoadedHumanCostPerHour,
    decimal ValuePerConversion,
    IReadOnlyList<FixedCost> FixedMonthlyCosts)
{
    /// <summary>
    /// What it cost once to build and roll out the AI (integration, training, change management): what the
    /// payback period pays back. 0 when left out.
    /// </summary>
    public decimal ImplementationCost { get; init; }

    /// <summary>
    /// The ISO 4217 currency these amounts (and the events' costs and values) are in, when it is not the
    /// organization's; null means the organization's currency.
    /// </summary>
    public string? Currency { get; init; }

    /// <summary>The fixed costs of one month, all lines together.</summary>
    public decimal FixedMonthlyTotal() => FixedMonthlyCosts.Sum(cost => cost.Amount);
}
