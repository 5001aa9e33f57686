namespace AiRoi.Domain.UseCases;

/// <summary>
/// Which side of its value a target's metric must be on. Targets are absolute thresholds in the metric's unit
/// rather than "increase by 20 %": a threshold is checked against the metric alone, while a relative change would
/// depend on a baseline that can be re-measured. Wire names: <c>at-least</c>, <c>at-most</c>.
/// </summary>
public enum TargetDirection
{
    /// <summary>Met when the metric is at or above the value; for metrics where higher is better.</summary>
    AtLeast = 1,

    /// <summary>Met when the metric is at or below the value; for metrics where lower is better.</summary>
    AtMost = 2,
}
