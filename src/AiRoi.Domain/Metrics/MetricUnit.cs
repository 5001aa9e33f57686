namespace AiRoi.Domain.Metrics;

/// <summary>
/// What a metric's numbers are measured in. The unit fixes the range a value (and so a target) can take; see
/// <see cref="MetricUnits.Contains"/>.
/// </summary>
public enum MetricUnit
{
    /// <summary>A duration in seconds (resolution time).</summary>
    Seconds = 1,

    /// <summary>A duration in minutes (human minutes, time saved).</summary>
    Minutes = 2,

    /// <summary>A duration in days (deal velocity).</summary>
    Days = 3,

    /// <summary>An amount in the use case's currency.</summary>
    Currency = 4,

    /// <summary>A share between 0 and 1 (conversion rate, FCR rate); shown as a percentage.</summary>
    Ratio = 5,

    /// <summary>A rating on the 1–5 scale (CSAT, quality rating).</summary>
    Rating = 6,

    /// <summary>Net Promoter Score: % promoters − % detractors, from −100 to 100.</summary>
    NetPromoterScore = 7,

    /// <summary>A non-negative count (tasks completed, prompts submitted).</summary>
    Count = 8,

    /// <summary>A score on a scale of the sender's choosing (lead quality score); any finite number.</summary>
    Score = 9,
}
