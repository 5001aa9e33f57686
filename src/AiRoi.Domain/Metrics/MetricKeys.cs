namespace AiRoi.Domain.Metrics;

/// <summary>
/// Keys of the built-in metrics. They are stored in use cases, targets and reports, so they never change; they
/// are identifiers (camelCase), like custom metric names, because both live in one namespace.
/// </summary>
public static class MetricKeys
{
    /// <summary>Mean resolution time.</summary>
    public const string ResolutionTimeMean = "resolutionTimeMean";

    /// <summary>Median resolution time.</summary>
    public const string ResolutionTimeP50 = "resolutionTimeP50";

    /// <summary>90th-percentile resolution time.</summary>
    public const string ResolutionTimeP90 = "resolutionTimeP90";

    /// <summary>Mean cost to serve one task.</summary>
    public const string CostPerTask = "costPerTask";

    /// <summary>Mean human minutes per task.</summary>
    public const string HumanMinutesPerTask = "humanMinutesPerTask";

    /// <summary>Share of tasks that converted.</summary>
    public const string ConversionRate = "conversionRate";

    /// <summary>Mean conversion value per task (0 for tasks that did not convert).</summary>
    public const string ConversionValuePerTask = "conversionValuePerTask";

    /// <summary>Total conversion value.</summary>
    public const string ConversionValueTotal = "conversionValueTotal";

    /// <summary>Share of tasks resolved.</summary>
    public const string ResolutionRate = "resolutionRate";

    /// <summary>Share of tasks resolved at first contact without escalation.</summary>
    public const string FcrRate = "fcrRate";

    /// <summary>Share of tasks escalated.</summary>
    public const string EscalationRate = "escalationRate";

    /// <summary>Mean CSAT answer.</summary>
    public const string CsatMean = "csatMean";

    /// <summary>Share of CSAT answers that are 4 or 5.</summary>
    public const string CsatSatisfiedRate = "csatSatisfiedRate";

    /// <summary>Net Promoter Score.</summary>
    public const string Nps = "nps";

    /// <summary>Share of tasks with an exception.</summary>
    public const string ExceptionRate = "exceptionRate";

    /// <summary>Number of tasks resolved.</summary>
    public const string TasksCompleted = "tasksCompleted";
}
