using AiRoi.Domain.Baselines;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Roi;

/// <summary>What the ROI of one period is computed from.</summary>
/// <param name="PeriodStart">First day of the period the AI was live in (go-live, when it falls inside the period).</param>
/// <param name="PeriodEnd">First day after the period.</param>
/// <param name="Tasks">Events in the period, every handler: the whole process the AI is part of.</param>
/// <param name="Cost">Cost to serve per event in the period.</param>
/// <param name="ResolutionSeconds">Resolution time per event in the period.</param>
/// <param name="Conversions">Conversion (1/0) per event in the period.</param>
/// <param name="Economics">The use case's unit economics.</param>
public sealed record RoiInputs(
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    long Tasks,
    Moments Cost,
    Moments ResolutionSeconds,
    Moments Conversions,
    UnitEconomics Economics)
{
    /// <summary>The current baseline of cost per task; savings are not computed without it.</summary>
    public BaselineVersion? CostBaseline { get; init; }

    /// <summary>The current baseline of mean resolution time; time saved is not computed without it.</summary>
    public BaselineVersion? ResolutionTimeBaseline { get; init; }

    /// <summary>The current baseline of conversion rate, for a before/after revenue lift.</summary>
    public BaselineVersion? ConversionRateBaseline { get; init; }

    /// <summary>A concluded experiment's lift, which wins over the before/after comparison.</summary>
    public ConversionLiftEvidence? ExperimentLift { get; init; }

    /// <summary>
    /// The AI's change per task in the period by an analysis of the weekly series (interrupted time series or
    /// difference-in-differences), by metric key; a metric without one is attributed by before/after.
    /// </summary>
    public IReadOnlyDictionary<string, AttributedChange> Attribution { get; init; } = new Dictionary<string, AttributedChange>();
}
