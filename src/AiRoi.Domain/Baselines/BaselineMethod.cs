namespace AiRoi.Domain.Baselines;

/// <summary>How a baseline value was obtained. Wire names: <c>before-go-live</c>, <c>concurrent-human</c>, <c>manual</c>.</summary>
public enum BaselineMethod
{
    /// <summary>Measured from the use case's events before the AI went live (the before-AI period).</summary>
    BeforeGoLive = 1,

    /// <summary>Measured from human-handled events in the same period as the AI (a concurrent control).</summary>
    ConcurrentHuman = 2,

    /// <summary>Entered by hand, with its source (a finance report, a benchmark study).</summary>
    Manual = 3,
}
