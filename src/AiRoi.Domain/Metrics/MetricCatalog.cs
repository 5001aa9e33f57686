using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Metrics;

/// <summary>
/// The built-in metrics (the six value-metric families plus tasks completed) and the metrics pre-selected for
/// each use case category.
/// </summary>
/// <remarks>
/// Labels follow docs/product.md: process metrics describe the AI's own performance (speed, accuracy,
/// reliability: resolution time, human minutes, escalation and exception rates); output metrics describe the
/// business result (savings, sales, satisfaction: cost per task, conversions, resolution and FCR rates, CSAT,
/// NPS, tasks completed). Every built-in metric is a value metric: each is tied to a business outcome.
/// </remarks>
public static class MetricCatalog
{
    private static readonly MetricDefinition[] BuiltInMetrics =
    [
        Define(MetricKeys.ResolutionTimeMean, "Resolution time (mean)", MetricFamily.ResolutionTime, MetricUnit.Seconds, Aggregation.Mean, GoodDirection.Lower, MetricRole.Process,
            "Mean of completedAt − startedAt, human intervention included: time to a resolved outcome, not to a first response."),
        Define(MetricKeys.ResolutionTimeP50, "Resolution time (median)", MetricFamily.ResolutionTime, MetricUnit.Seconds, Aggregation.P50, GoodDirection.Lower, MetricRole.Process,
            "Median of completedAt − startedAt: the typical task."),
        Define(MetricKeys.ResolutionTimeP90, "Resolution time (90th percentile)", MetricFamily.ResolutionTime, MetricUnit.Seconds, Aggregation.P90, GoodDirection.Lower, MetricRole.Process,
            "90th percentile of completedAt − startedAt: the slow tail."),
        Define(MetricKeys.CostPerTask, "Cost per task", MetricFamily.CostToServe, MetricUnit.Currency, Aggregation.Mean, GoodDirection.Lower, MetricRole.Output,
            "Mean of aiCost + human cost (humanCost, or humanMinutes × loaded hourly cost), compared with the pre-AI cost per task."),
        Define(MetricKeys.HumanMinutesPerTask, "Human minutes per task", MetricFamily.CostToServe, MetricUnit.Minutes, Aggregation.Mean, GoodDirection.Lower, MetricRole.Process,
            "Mean humanMinutes: how much human oversight or takeover the AI still needs."),
        Define(MetricKeys.ConversionRate, "Conversion rate", MetricFamily.ConversionLift, MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Higher, MetricRole.Output,
            "Share of events with converted = true; before vs after the AI, and treatment vs control in experiments."),
        Define(MetricKeys.ConversionValuePerTask, "Conversion value per task", MetricFamily.ConversionLift, MetricUnit.Currency, Aggregation.Mean, GoodDirection.Higher, MetricRole.Output,
            "Mean conversionValue over all events, counting events that did not convert as 0: value per task."),
        Define(MetricKeys.ConversionValueTotal, "Conversion value", MetricFamily.ConversionLift, MetricUnit.Currency, Aggregation.Sum, GoodDirection.Higher, MetricRole.Output,
            "Sum of conversionValue."),
        Define(MetricKeys.ResolutionRate, "Resolution rate", MetricFamily.FirstContactResolution, MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Higher, MetricRole.Output,
            "Share of events with resolved = true."),
        Define(MetricKeys.FcrRate, "First-contact resolution rate", MetricFamily.FirstContactResolution, MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Higher, MetricRole.Output,
            "Share of events resolved in one contact with no escalation."),
        Define(MetricKeys.EscalationRate, "Escalation rate", MetricFamily.FirstContactResolution, MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Lower, MetricRole.Process,
            "Share of events with escalated = true, broken down by escalationReason to show why escalations happen."),
        Define(MetricKeys.CsatMean, "CSAT (mean)", MetricFamily.CustomerSatisfaction, MetricUnit.Rating, Aggregation.Mean, GoodDirection.Higher, MetricRole.Output,
            "Mean of the 1–5 csat answers, AI-handled vs human-handled within the same segments."),
        Define(MetricKeys.CsatSatisfiedRate, "CSAT (% satisfied)", MetricFamily.CustomerSatisfaction, MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Higher, MetricRole.Output,
            "Share of csat answers that are 4 or 5."),
        Define(MetricKeys.Nps, "Net Promoter Score", MetricFamily.CustomerSatisfaction, MetricUnit.NetPromoterScore, Aggregation.NetPromoter, GoodDirection.Higher, MetricRole.Output,
            "% of nps answers 9–10 minus % of answers 0–6."),
        Define(MetricKeys.ExceptionRate, "Exception rate", MetricFamily.ExceptionRate, MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Lower, MetricRole.Process,
            "Share of events with an exceptionType, broken down by type; a falling trend means the AI is improving."),
        Define(MetricKeys.TasksCompleted, "Tasks completed", null, MetricUnit.Count, Aggregation.Count, GoodDirection.Higher, MetricRole.Output,
            "Number of events with resolved = true: throughput."),
    ];

    private static readonly Dictionary<string, MetricDefinition> ByKey =
        BuiltInMetrics.ToDictionary(metric => metric.Key, StringComparer.Ordinal);

    // Reserved case-insensitively: "CostPerTask" next to "costPerTask" would be two metrics no reader can tell apart.
    private static readonly HashSet<string> ReservedNames = new(BuiltInMetrics.Select(metric => metric.Key), StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<UseCaseCategory, CategoryDefault[]> Defaults = new()
    {
        [UseCaseCategory.CustomerService] =
        [
            new("FCR", MetricKeys.FcrRate),
            new("CSAT", MetricKeys.CsatMean),
            new("cost per ticket", MetricKeys.CostPerTask),
        ],
        [UseCaseCategory.Sales] =
        [
            new("conversion rate", MetricKeys.ConversionRate),
            new("deal velocity", MetricTemplates.DealVelocity.Name),
            new("pipeline value", MetricTemplates.PipelineValue.Name),
        ],
        [UseCaseCategory.Marketing] =
        [
            new("lead quality", MetricTemplates.LeadQuality.Name),
            new("campaign performance", MetricTemplates.CampaignPerformance.Name),
            new("CAC", MetricTemplates.CustomerAcquisitionCost.Name),
        ],
        [UseCaseCategory.Operations] =
        [
            // Process time is completed − started; an error is a task where the AI failed, i.e. an exception;
            // throughput is tasks completed. All three come from event fields, so no custom metric is needed.
            new("process time", MetricKeys.ResolutionTimeMean),
            new("error rate", MetricKeys.ExceptionRate),
            new("throughput", MetricKeys.TasksCompleted),
        ],
        [UseCaseCategory.Content] =
        [
            new("engagement", MetricTemplates.Engagement.Name),
            new("time saved", MetricTemplates.TimeSaved.Name),
            new("quality rating", MetricTemplates.QualityRating.Name),
        ],
        [UseCaseCategory.Other] =
        [
            // docs/product.md names no defaults here; these three apply to any task and make ROI computable.
            new("cost per task", MetricKeys.CostPerTask),
            new("resolution time", MetricKeys.ResolutionTimeMean),
            new("resolution rate", MetricKeys.ResolutionRate),
        ],
    };

    /// <summary>Every built-in metric, in display order (family by family).</summary>
    public static IReadOnlyList<MetricDefinition> BuiltIn => BuiltInMetrics;

    /// <summary>The built-in metric with exactly this key, or null.</summary>
    public static MetricDefinition? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>
    /// Whether a custom metric may not take this name because a built-in key has it, compared ignoring case.
    /// </summary>
    public static bool IsReserved(string name) => ReservedNames.Contains(name);

    /// <summary>
    /// The key metrics pre-selected for a new use case of a category, first one suggested as primary. Keys that
    /// are not built in name a template in <see cref="MetricTemplates.Suggested"/>, to be added as a custom metric.
    /// </summary>
    public static IReadOnlyList<CategoryDefault> DefaultsFor(UseCaseCategory category) =>
        Defaults.TryGetValue(category, out var defaults) ? defaults : [];

    /// <summary>
    /// Resolves a metric key for a use case: a built-in metric, else one of <paramref name="customMetrics"/> by
    /// exact name; null when neither has it.
    /// </summary>
    public static MetricDefinition? Resolve(string key, IEnumerable<CustomMetricDefinition> customMetrics) =>
        Find(key) ?? customMetrics.FirstOrDefault(custom => custom?.Name == key)?.ToMetricDefinition();

    // Every built-in metric is a value metric; the helper keeps that a fact of the catalog, not of each row.
    private static MetricDefinition Define(
        string key, string name, MetricFamily? family, MetricUnit unit, Aggregation aggregation, GoodDirection direction, MetricRole role, string description) =>
        new(key, name, family, unit, aggregation, direction, ValueKind.Value, role, description);
}
