using System.Globalization;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Health;

/// <summary>The health checks, each a rule over <see cref="HealthInputs"/> with its reason and evidence.</summary>
public static class HealthChecks
{
    /// <summary>
    /// How close an annotation (or the go-live date) must be to a level shift to explain it: two weeks either
    /// side, since shifts are found in weekly figures and a change takes a little while to show.
    /// </summary>
    public const int ContextDays = 14;

    /// <summary>
    /// The metrics a use case is judged by: its primary metric, its guardrails and the metrics of its targets, in
    /// that order, each once.
    /// </summary>
    public static IReadOnlyList<string> KeyMetrics(UseCase useCase)
    {
        ArgumentNullException.ThrowIfNull(useCase);
        return new[] { useCase.PrimaryMetric }
            .Concat(useCase.GuardrailMetrics)
            .Concat(useCase.Targets.Select(target => target.MetricKey))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every check that applies, in the order of <see cref="HealthCheck"/>.</summary>
    public static IReadOnlyList<HealthFinding> Evaluate(HealthInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var findings = new List<HealthFinding>();
        MeasuringOnce(inputs, findings);
        NoBaseline(inputs, findings);
        IgnoringContext(inputs, findings);
        OverOptimizing(inputs, findings);
        NotInvolvingBusiness(inputs, findings);
        VanityTrap(inputs, findings);
        AiCostNotPriced(inputs, findings);
        return findings;
    }

    private static void AiCostNotPriced(HealthInputs inputs, List<HealthFinding> findings)
    {
        var unpriced = inputs.UnpricedTokensByModel.Where(entry => entry.Value > 0).OrderByDescending(entry => entry.Value).ThenBy(entry => entry.Key, StringComparer.Ordinal).ToList();
        if (unpriced.Count == 0)
        {
            return;
        }
        var tokens = unpriced.Sum(entry => entry.Value);
        findings.Add(new(HealthCheck.AiCostNotPriced,
            $"{tokens.ToString("N0", CultureInfo.InvariantCulture)} tokens of traced model calls have no price ({string.Join(", ", unpriced.Select(entry => entry.Key))}), so their AI cost is unknown and cost to serve is understated. Add their prices and recompute.",
            Evidence(("models", string.Join(",", unpriced.Select(entry => entry.Key))), ("unpricedTokens", Text(tokens)))));
    }

    private static void MeasuringOnce(HealthInputs inputs, List<HealthFinding> findings)
    {
        var cadence = inputs.UseCase.ReviewCadenceDays;
        if (inputs.LastEventAt is not { } last)
        {
            findings.Add(new(HealthCheck.MeasuringOnce, "No outcome events have been recorded, so the use case is not being measured.",
                Evidence(("reviewCadenceDays", Text(cadence)))));
            return;
        }
        var silentDays = inputs.Today.DayNumber - DateOnly.FromDateTime(last.UtcDateTime).DayNumber;
        if (silentDays > cadence)
        {
            findings.Add(new(HealthCheck.MeasuringOnce,
                $"No events for {silentDays} days, longer than the review cadence of {cadence} days: measurement has stopped.",
                Evidence(("lastEventAt", last.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)), ("daysWithoutEvents", Text(silentDays)), ("reviewCadenceDays", Text(cadence)))));
        }
    }

    private static void NoBaseline(HealthInputs inputs, List<HealthFinding> findings)
    {
        var missing = KeyMetrics(inputs.UseCase).Where(key => !inputs.MetricsWithBaseline.Contains(key)).ToList();
        if (missing.Count > 0)
        {
            findings.Add(new(HealthCheck.NoBaseline,
                $"{string.Join(", ", missing)} {(missing.Count == 1 ? "has" : "have")} no baseline, so improvement cannot be shown.",
                Evidence(("metrics", string.Join(",", missing)))));
        }
    }

    private static void IgnoringContext(HealthInputs inputs, List<HealthFinding> findings)
    {
        foreach (var (metric, shift) in inputs.Shifts)
        {
            var near = inputs.Annotations.Any(annotation => Math.Abs(annotation.Date.DayNumber - shift.ChangeDate.DayNumber) <= ContextDays)
                || (inputs.UseCase.AiGoLiveDate is { } goLive && Math.Abs(goLive.DayNumber - shift.ChangeDate.DayNumber) <= ContextDays);
            if (near)
            {
                continue;
            }
            findings.Add(new(HealthCheck.IgnoringContext,
                $"{metric.Name} shifted from {MetricText.Value(shift.MeanBefore, metric.Unit)} to {MetricText.Value(shift.MeanAfter, metric.Unit)} around {shift.ChangeDate:yyyy-MM-dd} ({MetricText.PValue(shift.PValue)}), and no annotation within {ContextDays} days explains it.",
                Evidence(("metric", metric.Key), ("changeDate", shift.ChangeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    ("meanBefore", Text(shift.MeanBefore)), ("meanAfter", Text(shift.MeanAfter)), ("pValue", Text(shift.PValue)))));
        }
        foreach (var (metric, attribution) in inputs.Placebos)
        {
            var placebo = attribution.Placebo!;
            var weeks = string.Join(", ", attribution.PlaceboWeeks.Select(week => week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            findings.Add(new(HealthCheck.IgnoringContext,
                $"{metric.Name} moved before the AI went live: at fake go-live dates ({weeks}) the same analysis finds an effect (adjusted {MetricText.PValue(placebo.AdjustedPValue)}). Something else changes this metric, and a before/after comparison credits it to the AI.",
                Evidence(("metric", metric.Key), ("placeboWeeks", weeks), ("adjustedPValue", Text(placebo.AdjustedPValue)))));
        }
    }

    private static void OverOptimizing(HealthInputs inputs, List<HealthFinding> findings)
    {
        if (inputs.Primary is not { IsBetter: true } primary)
        {
            return;
        }
        foreach (var guardrail in inputs.Guardrails.Where(guardrail => guardrail.IsSignificantlyWorse))
        {
            findings.Add(new(HealthCheck.OverOptimizing,
                $"{primary.Metric.Name} improved ({MetricText.Value(primary.Baseline!.Value, primary.Metric.Unit)} → {MetricText.Value(primary.Current.Value!.Value, primary.Metric.Unit)}) while the guardrail {guardrail.Metric.Name} got significantly worse ({MetricText.Value(guardrail.Baseline!.Value, guardrail.Metric.Unit)} → {MetricText.Value(guardrail.Current.Value!.Value, guardrail.Metric.Unit)}, {MetricText.PValue(guardrail.WorsePValue!.Value)}).",
                Evidence(("primaryMetric", primary.Metric.Key), ("primaryBaseline", Text(primary.Baseline.Value)), ("primaryCurrent", Text(primary.Current.Value.Value)),
                    ("guardrailMetric", guardrail.Metric.Key), ("guardrailBaseline", Text(guardrail.Baseline.Value)), ("guardrailCurrent", Text(guardrail.Current.Value.Value)),
                    ("pValue", Text(guardrail.WorsePValue.Value)))));
        }
    }

    private static void NotInvolvingBusiness(HealthInputs inputs, List<HealthFinding> findings)
    {
        var useCase = inputs.UseCase;
        var reasons = new List<string>();
        if (useCase.BusinessOwner is null)
        {
            reasons.Add("no business owner");
        }
        if (useCase.Targets.Count == 0)
        {
            reasons.Add("no targets");
        }
        if (reasons.Count > 0)
        {
            findings.Add(new(HealthCheck.NotInvolvingBusiness,
                $"The use case has {string.Join(" and ", reasons)}: success should be defined by the business, not only by IT.",
                Evidence(("businessOwner", useCase.BusinessOwner?.Name ?? ""), ("targets", Text(useCase.Targets.Count)))));
        }
    }

    private static void VanityTrap(HealthInputs inputs, List<HealthFinding> findings)
    {
        var useCase = inputs.UseCase;
        var keys = KeyMetrics(useCase);
        var definitions = keys.Select(useCase.ResolveMetric).OfType<MetricDefinition>().ToList();
        var primary = useCase.ResolveMetric(useCase.PrimaryMetric);
        if (primary is { Kind: ValueKind.Vanity })
        {
            findings.Add(new(HealthCheck.VanityTrap,
                $"The primary metric {primary.Name} is a vanity metric: it is not tied to a business outcome and never counts toward ROI.",
                Evidence(("primaryMetric", primary.Key))));
        }
        else if (inputs.LastEventAt is not null
            && !definitions.Any(metric => metric.Kind == ValueKind.Value && inputs.MetricsWithData.Contains(metric.Key)))
        {
            findings.Add(new(HealthCheck.VanityTrap,
                "No event carries any of the value metrics among the key metrics, so nothing tracked shows business value.",
                Evidence(("keyMetrics", string.Join(",", keys)))));
        }
    }

    private static Dictionary<string, string> Evidence(params (string Name, string Value)[] items) =>
        items.ToDictionary(item => item.Name, item => item.Value, StringComparer.Ordinal);

    private static string Text(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
