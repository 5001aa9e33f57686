using AiRoi.Domain.Events;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Rollups;

namespace AiRoi.Domain.Experiments;

/// <summary>
/// The per-event values an experiment's variants are compared on, by metric key: the built-in metrics that an
/// event carries on its own, and its custom measures by name. Rates are 1/0, NPS answers +1/0/−1.
/// </summary>
/// <remarks>
/// Cost per task counts only events whose cost is fully given in money (AI cost, explicit human cost): pricing
/// human minutes needs the use case's hourly cost, which the experiment service does not hold.
/// </remarks>
public static class ExperimentMeasures
{
    /// <summary>The values of one event.</summary>
    public static IEnumerable<(string MetricKey, double Value)> Of(OutcomeEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        yield return (MetricKeys.ResolutionTimeMean, e.ResolutionTime().TotalSeconds);
        if ((e.AiCost is not null || e.HumanCost is not null) && (e.HumanMinutes is null || e.HumanCost is not null))
        {
            yield return (MetricKeys.CostPerTask, (double)((e.AiCost ?? 0m) + (e.HumanCost ?? 0m)));
        }
        if (e.HumanMinutes is { } minutes)
        {
            yield return (MetricKeys.HumanMinutesPerTask, minutes);
        }
        if (e.Converted is { } converted)
        {
            yield return (MetricKeys.ConversionRate, converted ? 1 : 0);
        }
        yield return (MetricKeys.ConversionValuePerTask, (double)(e.ConversionValue ?? 0m));
        if (e.Resolved is { } resolved)
        {
            yield return (MetricKeys.ResolutionRate, resolved ? 1 : 0);
        }
        if (e.IsFirstContactResolved() is { } firstContact)
        {
            yield return (MetricKeys.FcrRate, firstContact ? 1 : 0);
        }
        yield return (MetricKeys.EscalationRate, e.Escalated == true ? 1 : 0);
        if (e.Csat is { } csat)
        {
            yield return (MetricKeys.CsatMean, csat);
            yield return (MetricKeys.CsatSatisfiedRate, e.IsCsatSatisfied() == true ? 1 : 0);
        }
        if (e.Nps is { } nps)
        {
            yield return (MetricKeys.Nps, Measure.NetPromoterScore(nps));
        }
        yield return (MetricKeys.ExceptionRate, e.IsException() ? 1 : 0);
        foreach (var (name, value) in e.Measures ?? new Dictionary<string, double>())
        {
            yield return (name, value);
        }
    }
}
