namespace AiRoi.Domain.UseCases;

/// <summary>The limits a use case definition must respect, in one place.</summary>
public static class UseCaseLimits
{
    /// <summary>Longest use case or owner name: a title, not a description; 200 fits any table cell with a tooltip.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest fixed cost name (<c>LLM platform licence, EU tenant</c>).</summary>
    public const int MaxFixedCostNameLength = 100;

    /// <summary>Longest custom metric description: a paragraph telling senders what to put in the measure.</summary>
    public const int MaxDescriptionLength = 1000;

    /// <summary>Most fixed cost lines; more than 50 means an invoice was pasted where a summary belongs.</summary>
    public const int MaxFixedCosts = 50;

    /// <summary>
    /// Most guardrails. Every guardrail is tested on every comparison; beyond ten the multiple-testing correction
    /// makes each one too weak to catch real harm.
    /// </summary>
    public const int MaxGuardrailMetrics = 10;

    /// <summary>Most targets: a few metrics with a few milestones each.</summary>
    public const int MaxTargets = 20;

    /// <summary>
    /// Most custom metrics per use case. Each is a series the grain keeps in memory per day; 50 leaves room for
    /// every template plus the team's own while bounding memory per use case.
    /// </summary>
    public const int MaxCustomMetrics = 50;

    /// <summary>
    /// Largest loaded cost of one human hour. The most expensive specialists cost a few thousand an hour;
    /// 100,000 still catches an annual salary typed into the hourly field.
    /// </summary>
    public const decimal MaxLoadedHumanCostPerHour = 100_000m;

    /// <summary>Largest value of one conversion; the same bound as an event's conversion value.</summary>
    public const decimal MaxValuePerConversion = 1_000_000_000m;

    /// <summary>Largest single fixed monthly cost; beyond it a yearly or total figure was typed as monthly.</summary>
    public const decimal MaxFixedMonthlyCost = 100_000_000m;

    /// <summary>Largest one-time implementation cost: a billion covers the largest programmes and catches unit mistakes.</summary>
    public const decimal MaxImplementationCost = 1_000_000_000m;

    /// <summary>Default review cadence: the monthly review docs/product.md describes.</summary>
    public const int DefaultReviewCadenceDays = 30;

    /// <summary>Longest review cadence: a use case reviewed less than yearly is not being tracked continuously.</summary>
    public const int MaxReviewCadenceDays = 365;

    /// <summary>Earliest go-live or due date; the same floor as event timestamps.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>Latest go-live or due date: later dates are typos (2205 for 2025), not plans.</summary>
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    /// <summary>Most segment dimensions per use case; each multiplies the cells the metrics are kept in (docs/metrics.md).</summary>
    public const int MaxSegmentDimensions = 3;

    /// <summary>The segment dimensions of a use case that names none: the two docs/product.md uses for fair comparisons.</summary>
    public static IReadOnlyList<string> DefaultSegmentDimensions { get; } = ["complexity", "segment"];
}
