using AiRoi.Domain.Metrics;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Targets;

namespace AiRoi.Domain.Alerts;

/// <summary>The conditions that hold now, from what the use case's grain and the experiment analysis already know.</summary>
public static class AlertConditions
{
    /// <summary>The prefix of the conditions <see cref="ForUseCase"/> names; only those are closed when they stop.</summary>
    public static readonly IReadOnlyList<string> UseCasePrefixes = ["health:", "target:", "ai-spend:"];

    /// <summary>The prefix of one experiment's conditions.</summary>
    public static string ExperimentPrefix(string experimentId) => $"experiment:{experimentId}:";

    /// <summary>Each health check that applies, and each key metric's target that is at risk or missed.</summary>
    public static IReadOnlyList<AlertCondition> ForUseCase(UseCaseSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var conditions = summary.Health
            .Select(finding => new AlertCondition($"health:{WireJson.Name(finding.Check)}", AlertKind.HealthCheck, HealthTitle(finding.Check), finding.Reason))
            .ToList();
        foreach (var tile in summary.KeyMetrics)
        {
            foreach (var target in tile.Targets.Where(evaluation => evaluation.Status is TargetStatus.AtRisk or TargetStatus.Missed))
            {
                var status = target.Status == TargetStatus.Missed ? "missed" : "at-risk";
                conditions.Add(new AlertCondition(
                    $"target:{tile.Metric.Key}:{target.Target.DueDate:yyyy-MM-dd}:{status}", AlertKind.TargetAtRisk,
                    $"Target {(target.Status == TargetStatus.Missed ? "missed" : "at risk")}: {tile.Metric.Name}", target.Reason));
            }
        }
        if (summary.AiSpendWithNoOutcome is { } spend)
        {
            var amount = spend.Amount.ToString("N2", System.Globalization.CultureInfo.InvariantCulture);
            conditions.Add(new AlertCondition("ai-spend:no-outcome", AlertKind.AiSpendWithNoOutcome, $"AI spend with no outcome: {summary.Name}",
                $"{spend.Calls:N0} traced model calls ({amount} {summary.Currency ?? "in the organization's currency"}"
                + (spend.UnpricedTokens > 0 ? $", and {spend.UnpricedTokens:N0} tokens without a price" : "")
                + ") never found their outcome event: spend with no measured value. Send the outcome events, or name them on the traces."));
        }
        return conditions;
    }

    /// <summary>A running experiment's broken split, and each guardrail its treatments worsen.</summary>
    public static IReadOnlyList<AlertCondition> ForExperiment(string experimentId, string? name, bool sampleRatioMismatch, IEnumerable<string> degradedGuardrails)
    {
        ArgumentNullException.ThrowIfNull(degradedGuardrails);
        var prefix = ExperimentPrefix(experimentId);
        var called = name is { Length: > 0 } ? $"'{name}' ({experimentId})" : experimentId;
        var conditions = new List<AlertCondition>();
        if (sampleRatioMismatch)
        {
            conditions.Add(new AlertCondition(prefix + "sample-ratio", AlertKind.SampleRatioMismatch, $"Sample-ratio mismatch in {called}",
                "The variants received subjects in a split other than the one planned (p < 0.001): assignment or exposure logging is broken, and the results cannot be trusted until it is fixed."));
        }
        foreach (var metric in degradedGuardrails.Distinct(StringComparer.Ordinal))
        {
            var metricName = MetricCatalog.Find(metric)?.Name ?? metric;
            conditions.Add(new AlertCondition(prefix + "guardrail:" + metric, AlertKind.GuardrailDegraded, $"Guardrail degraded in {called}: {metricName}",
                $"A treatment worsens {metricName} beyond the experiment's tolerance."));
        }
        return conditions;
    }

    private static string HealthTitle(Health.HealthCheck check) => check switch
    {
        Health.HealthCheck.MeasuringOnce => "Measuring once",
        Health.HealthCheck.NoBaseline => "No baseline",
        Health.HealthCheck.IgnoringContext => "Ignoring context",
        Health.HealthCheck.OverOptimizing => "Over-optimizing",
        Health.HealthCheck.NotInvolvingBusiness => "Not involving the business",
        Health.HealthCheck.VanityTrap => "Vanity trap",
        Health.HealthCheck.AiCostNotPriced => "AI cost not priced",
        _ => WireJson.Name(check),
    };
}
