namespace AiRoi.Statistics;

/// <summary>How a treatment is compared with control.</summary>
public enum Difference
{
    /// <summary>(treatment − control) / |control|: the lift as a share of the control mean.</summary>
    Relative,
    /// <summary>treatment − control, in the metric's own unit.</summary>
    Absolute,
}
