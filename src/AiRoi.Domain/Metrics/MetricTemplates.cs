namespace AiRoi.Domain.Metrics;

/// <summary>
/// Ready-made custom metric definitions: the category defaults that are not built in, and the vanity metrics
/// docs/product.md lists. A use case adopts a template by adding it to its custom metrics; events then send the
/// template's name as a measure.
/// </summary>
public static class MetricTemplates
{
    /// <summary>Sales: days from first touch to closed deal.</summary>
    public static CustomMetricDefinition DealVelocity { get; } = new(
        "dealVelocity", "Deal velocity", MetricUnit.Days, Aggregation.Mean, GoodDirection.Lower, ValueKind.Value, MetricRole.Output,
        "Days from first touch to closed deal, sent on the event that closes the deal.");

    /// <summary>Sales: value of the qualified pipeline the AI created.</summary>
    public static CustomMetricDefinition PipelineValue { get; } = new(
        "pipelineValue", "Pipeline value", MetricUnit.Currency, Aggregation.Sum, GoodDirection.Higher, ValueKind.Value, MetricRole.Output,
        "Expected value of the qualified opportunity an event created, in the use case's currency.");

    /// <summary>Marketing: share of leads that sales accepts.</summary>
    public static CustomMetricDefinition LeadQuality { get; } = new(
        "leadQuality", "Lead quality (sales-accepted rate)", MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Higher, ValueKind.Value, MetricRole.Output,
        "1 when sales accepted the lead, 0 when it rejected it: quality judged by the people who work the lead.");

    /// <summary>Marketing: share of campaign recipients who responded.</summary>
    public static CustomMetricDefinition CampaignPerformance { get; } = new(
        "campaignPerformance", "Campaign performance (response rate)", MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Higher, ValueKind.Value, MetricRole.Output,
        "1 when the recipient responded (replied, signed up, booked), 0 otherwise. Opens and impressions are not responses.");

    /// <summary>Marketing: what acquiring one customer cost.</summary>
    public static CustomMetricDefinition CustomerAcquisitionCost { get; } = new(
        "customerAcquisitionCost", "Customer acquisition cost", MetricUnit.Currency, Aggregation.Mean, GoodDirection.Lower, ValueKind.Value, MetricRole.Output,
        "Marketing and sales cost attributed to a newly acquired customer, sent on the event that acquired them.");

    /// <summary>Content: author time saved per piece.</summary>
    public static CustomMetricDefinition TimeSaved { get; } = new(
        "timeSaved", "Time saved", MetricUnit.Minutes, Aggregation.Sum, GoodDirection.Higher, ValueKind.Value, MetricRole.Output,
        "Minutes of author time saved on a piece compared with writing it without the AI.");

    /// <summary>Content: share of pieces that met their engagement goal.</summary>
    public static CustomMetricDefinition Engagement { get; } = new(
        "engagement", "Engagement rate", MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Higher, ValueKind.Value, MetricRole.Output,
        "1 when a published piece reached its engagement goal (reads, shares, replies), 0 otherwise.");

    /// <summary>Content: rating of the content by the person who uses it.</summary>
    public static CustomMetricDefinition QualityRating { get; } = new(
        "qualityRating", "Quality rating", MetricUnit.Rating, Aggregation.Mean, GoodDirection.Higher, ValueKind.Value, MetricRole.Output,
        "1–5 rating by the editor or reader who uses the content. Not a model's own score of its answer: that is the vanity metric responseQualityScore.");

    /// <summary>Vanity: the model's accuracy on a test set.</summary>
    public static CustomMetricDefinition ModelAccuracy { get; } = Vanity(
        "modelAccuracy", "Model accuracy", MetricUnit.Ratio, Aggregation.Mean,
        "Accuracy of the model on its evaluation set. 99% accuracy means nothing if customers are unhappy.");

    /// <summary>Vanity: an automatic score of the answer's quality.</summary>
    public static CustomMetricDefinition ResponseQualityScore { get; } = Vanity(
        "responseQualityScore", "Response quality score", MetricUnit.Score, Aggregation.Mean,
        "An automatic or self-assessed score of the answer. A polished answer is not the same thing as a good outcome.");

    /// <summary>Vanity: how many prompts were submitted.</summary>
    public static CustomMetricDefinition PromptsSubmitted { get; } = Vanity(
        "promptsSubmitted", "Prompts submitted", MetricUnit.Count, Aggregation.Sum,
        "Number of prompts sent to the AI: activity, not outcome.");

    /// <summary>Vanity: how many people used the AI.</summary>
    public static CustomMetricDefinition ActiveUsers { get; } = Vanity(
        "activeUsers", "Active users", MetricUnit.Count, Aggregation.Mean,
        "Active users as reported by the deployment (a gauge: the period's figure is the mean of the reports).");

    /// <summary>Vanity: share of eligible users who adopted the feature.</summary>
    public static CustomMetricDefinition FeatureAdoption { get; } = Vanity(
        "featureAdoption", "Feature adoption", MetricUnit.Ratio, Aggregation.Rate,
        "1 when an eligible user used the AI feature, 0 otherwise: use, not value.");

    /// <summary>Vanity: the model's confidence in its answer.</summary>
    public static CustomMetricDefinition ConfidenceScore { get; } = Vanity(
        "confidenceScore", "Confidence score", MetricUnit.Ratio, Aggregation.Mean,
        "The model's confidence in its answer, 0–1. Confidence is not correctness.");

    /// <summary>The templates behind category defaults that are not built in.</summary>
    public static IReadOnlyList<CustomMetricDefinition> Suggested { get; } =
        [DealVelocity, PipelineValue, LeadQuality, CampaignPerformance, CustomerAcquisitionCost, TimeSaved, Engagement, QualityRating];

    /// <summary>The vanity metrics docs/product.md lists; always labelled vanity.</summary>
    public static IReadOnlyList<CustomMetricDefinition> VanityExamples { get; } =
        [ModelAccuracy, ResponseQualityScore, PromptsSubmitted, ActiveUsers, FeatureAdoption, ConfidenceScore];

    /// <summary>The template with exactly this name, or null.</summary>
    public static CustomMetricDefinition? Find(string name) =>
        Suggested.Concat(VanityExamples).FirstOrDefault(template => template.Name == name);

    /// <summary>
    /// Whether a name is one of the recognizable vanity metrics, ignoring case. A custom metric with such a name
    /// must be labelled vanity: declaring "modelAccuracy" as a value metric is exactly the trap the product exists
    /// to expose.
    /// </summary>
    public static bool IsVanityName(string name) =>
        VanityExamples.Any(template => string.Equals(template.Name, name, StringComparison.OrdinalIgnoreCase));

    // Vanity metrics describe activity or the model, never a business result, so they are never output metrics.
    private static CustomMetricDefinition Vanity(string name, string displayName, MetricUnit unit, Aggregation aggregation, string description) =>
        new(name, displayName, unit, aggregation, GoodDirection.Higher, ValueKind.Vanity, MetricRole.Process, description);
}
