using AiRoi.Domain.Metrics;
using AiRoi.Domain.Reports;
using AiRoi.Statistics;

namespace AiRoi.Web.Components.Experiments;

/// <summary>
/// The sample a planned effect implies, from the primary metric's last four weeks as the control's stand-in: a rate
/// as a conversion rate, anything else by its mean and the variance its standard error implies (σ² = SE²·n).
/// </summary>
/// <param name="UnitsPerVariant">Units each variant needs.</param>
/// <param name="TotalUnits">All variants together.</param>
/// <param name="DaysAtCurrentTraffic">Days at the last four weeks' traffic, all of it in the experiment; null without traffic.</param>
public sealed record PlannedSample(long UnitsPerVariant, long TotalUnits, double? DaysAtCurrentTraffic)
{
    /// <summary>The last four weeks, over which the tile's reading was taken.</summary>
    private const double ReadingDays = 28;

    /// <summary>
    /// The plan for a relative <paramref name="effect"/> (0.05 for 5 %) on <paramref name="primary"/> across
    /// <paramref name="variants"/> variants; null with the reason when the metric's recent data gives no plan.
    /// </summary>
    public static (PlannedSample? Plan, string? Reason) For(KeyMetricSummary? primary, double? effect, double power, int variants)
    {
        if (primary is null)
        {
            return (null, "Choose a primary metric.");
        }
        if (effect is not { } relative || relative == 0 || !double.IsFinite(relative))
        {
            return (null, "Enter the smallest effect worth detecting.");
        }
        if (variants < 2)
        {
            return (null, "An experiment needs a control and at least one treatment.");
        }
        var reading = primary.Current;
        if (reading.Value is not { } mean || reading.N < 2)
        {
            return (null, $"{primary.Metric.Name} has no events in the last 28 days to plan from.");
        }
        try
        {
            var plan = primary.Metric.Aggregation == Aggregation.Rate
                ? PowerPlan.ForConversionRate(mean, power: power)
                : new PowerPlan(mean, Math.Pow(reading.StandardError ?? 0, 2) * reading.N, Power: power);
            var perVariant = (long)Math.Ceiling(PowerAnalysis.UnitsPerVariantNeeded(plan, relative, Difference.Relative));
            // The same computation as the running experiment's days left, from no units yet at the recent traffic.
            var days = PowerAnalysis.DaysLeft(plan, relative, Difference.Relative, variants, unitsSoFar: 0, dailyUnits: reading.N / ReadingDays);
            return (new PlannedSample(perVariant, perVariant * variants, days), null);
        }
        catch (StatisticsInputException exception)
        {
            return (null, $"No plan from {primary.Metric.Name}'s recent data: {exception.Message}");
        }
    }
}
