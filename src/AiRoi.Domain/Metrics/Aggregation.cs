namespace AiRoi.Domain.Metrics;

/// <summary>How the per-event values of a metric become one figure per period, segment or variant.</summary>
public enum Aggregation
{
    /// <summary>Arithmetic mean of the per-event values (cost per task, CSAT mean).</summary>
    Mean = 1,

    /// <summary>Median of the per-event values: the typical task, robust to a few very long ones.</summary>
    P50 = 2,

    /// <summary>90th percentile: the slow tail customers remember.</summary>
    P90 = 3,

    /// <summary>Sum of the per-event values (pipeline value, time saved).</summary>
    Sum = 4,

    /// <summary>Number of events that carry the metric (tasks completed).</summary>
    Count = 5,

    /// <summary>Share of events where a yes/no outcome is yes (per-event value 1 or 0): conversion rate, FCR rate.</summary>
    Rate = 6,

    /// <summary>% of answers 9–10 minus % of answers 0–6, on the −100–100 scale (NPS).</summary>
    NetPromoter = 7,
}
