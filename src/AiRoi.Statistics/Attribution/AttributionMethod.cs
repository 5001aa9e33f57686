namespace AiRoi.Statistics.Attribution;

/// <summary>How a change is attributed to the AI, from the strongest evidence to the weakest.</summary>
public enum AttributionMethod
{
    /// <summary>A controlled experiment: randomised assignment, so the lift is the AI's by design.</summary>
    Experiment = 1,

    /// <summary>A named control that did not get the AI: the change net of what moved the control as well.</summary>
    DifferenceInDifferences = 2,

    /// <summary>The change at go-live net of the trend (and seasonality) the series had before.</summary>
    InterruptedTimeSeries = 3,

    /// <summary>After go-live against the baseline: every change in the meantime is credited to the AI.</summary>
    BeforeAfter = 4,
}
