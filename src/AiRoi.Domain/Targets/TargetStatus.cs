namespace AiRoi.Domain.Targets;

/// <summary>Where a target stands. Wire names: <c>met</c>, <c>on-track</c>, <c>at-risk</c>, <c>missed</c>.</summary>
public enum TargetStatus
{
    /// <summary>The metric meets the threshold now (or did over the last weeks before a past due date).</summary>
    Met = 1,

    /// <summary>Not met yet, but the trend reaches the threshold by the due date.</summary>
    OnTrack = 2,

    /// <summary>Not met, and the trend (or the lack of data) does not reach the threshold by the due date.</summary>
    AtRisk = 3,

    /// <summary>The due date has passed and the threshold was not met.</summary>
    Missed = 4,
}
