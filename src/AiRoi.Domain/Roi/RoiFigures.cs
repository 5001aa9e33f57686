namespace AiRoi.Domain.Roi;

/// <summary>
/// The return of a use case (or the portfolio) over one period. A figure is null when what it rests on is
/// missing (no baseline, no events carrying the measure); <see cref="Notes"/> says which and why.
/// </summary>
public sealed record RoiFigures
{
    /// <summary>First day of the period.</summary>
    public required DateOnly PeriodStart { get; init; }

    /// <summary>First day after the period.</summary>
    public required DateOnly PeriodEnd { get; init; }

    /// <summary>Tasks handled in the period.</summary>
    public long Tasks { get; init; }

    /// <summary>(Baseline cost per task − current cost per task) × tasks.</summary>
    public Estimate? Savings { get; init; }

    /// <summary>Incremental conversions × value per conversion.</summary>
    public Estimate? RevenueLift { get; init; }

    /// <summary>Where the revenue lift comes from: <c>experiment:{id}</c>, <c>before-after</c>, or null.</summary>
    public string? RevenueLiftSource { get; init; }

    /// <summary>(Baseline resolution time − current) × tasks, in hours.</summary>
    public Estimate? TimeSavedHours { get; init; }

    /// <summary>Fixed costs of the period: the monthly total prorated by the days of each month the period covers.</summary>
    public double FixedCosts { get; init; }

    /// <summary>Savings + revenue lift − fixed costs.</summary>
    public Estimate? NetBenefit { get; init; }

    /// <summary>Net benefit / fixed costs; null without fixed costs (nothing to return on) or without any benefit figure.</summary>
    public Estimate? Roi { get; init; }

    /// <summary>Months until the implementation cost is paid back at this period's net benefit; null when it is not paid back at this rate.</summary>
    public double? PaybackMonths { get; init; }

    /// <summary>
    /// The part of the savings the AI caused, by the method in <see cref="Attribution"/>: equal to
    /// <see cref="Savings"/> where only before/after was possible.
    /// </summary>
    public Estimate? AttributableSavings { get; init; }

    /// <summary>The part of the revenue lift the AI caused (an experiment's lift is the AI's by design).</summary>
    public Estimate? AttributableRevenueLift { get; init; }

    /// <summary>Attributable savings + attributable revenue lift − fixed costs.</summary>
    public Estimate? AttributableNetBenefit { get; init; }

    /// <summary>Attributable net benefit / fixed costs: the ROI of the AI's own effect.</summary>
    public Estimate? AttributableRoi { get; init; }

    /// <summary>For each ROI metric, the AI's change per task and the method that attributes it.</summary>
    public IReadOnlyList<AttributedChange> Attribution { get; init; } = [];

    /// <summary>The baseline versions used, by metric key: every report says which baseline it compared with.</summary>
    public IReadOnlyDictionary<string, int> BaselineVersions { get; init; } = new Dictionary<string, int>();

    /// <summary>Why a figure is missing or how it was obtained, for the reader.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
