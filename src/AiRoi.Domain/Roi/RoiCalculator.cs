using AiRoi.Domain.Baselines;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Rollups;
using AiRoi.Statistics.Attribution;

namespace AiRoi.Domain.Roi;

/// <summary>
/// ROI by the product's formulas: savings = (baseline cost per task − current) × tasks; revenue lift =
/// incremental conversions × value per conversion (an experiment's lift where one exists, else before/after);
/// time saved = (baseline resolution time − current) × tasks; ROI = (savings + revenue lift − fixed costs) /
/// fixed costs; payback = implementation cost / monthly net benefit. Figures resting on samples carry 95 %
/// intervals: the current mean's and the measured baseline's standard errors add in quadrature.
/// </summary>
/// <remarks>
/// Only <see cref="Metrics"/> enter ROI, and every one is a value metric: vanity metrics never count, whatever
/// a use case records.
/// </remarks>
public static class RoiCalculator
{
    /// <summary>The metrics ROI is computed from; all value metrics (a test keeps it so).</summary>
    public static IReadOnlyList<string> Metrics { get; } = [MetricKeys.CostPerTask, MetricKeys.ResolutionTimeMean, MetricKeys.ConversionRate];

    /// <summary>The ROI of one period.</summary>
    public static RoiFigures Compute(RoiInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var notes = new List<string>();
        var versions = new Dictionary<string, int>();

        var savings = Gain(inputs.Cost, inputs.CostBaseline, inputs.Tasks, GoodDirection.Lower, MetricKeys.CostPerTask, "Savings", notes, versions);
        var timeSaved = Gain(inputs.ResolutionSeconds, inputs.ResolutionTimeBaseline, inputs.Tasks, GoodDirection.Lower, MetricKeys.ResolutionTimeMean, "Time saved", notes, versions);
        if (timeSaved is not null)
        {
            timeSaved = Scale(timeSaved, 1 / 3600.0);
        }

        var (revenue, source) = RevenueLift(inputs, notes, versions);
        var fixedCosts = (double)FixedCosts.For(inputs.Economics.FixedMonthlyTotal(), inputs.PeriodStart, inputs.PeriodEnd);

        var attribution = new List<AttributedChange>();
        var attributableSavings = Attributable(inputs, MetricKeys.CostPerTask, savings, inputs.Tasks, -1, attribution);
        var attributableRevenue = source?.StartsWith("experiment:", StringComparison.Ordinal) == true
            ? Experiment(inputs, revenue!, attribution)
            : Attributable(inputs, MetricKeys.ConversionRate, revenue, inputs.Conversions.N, (double)inputs.Economics.ValuePerConversion, attribution);
        Attributable(inputs, MetricKeys.ResolutionTimeMean, timeSaved, inputs.Tasks, -1 / 3600.0, attribution);
        var (attributableNet, attributableRoi) = NetAndRoi(attributableSavings, attributableRevenue, fixedCosts);

        var (net, roi) = NetAndRoi(savings, revenue, fixedCosts);
        double? payback = null;
        if (net is null)
        {
            notes.Add("Neither savings nor revenue lift can be computed, so there is no ROI for this period.");
        }
        else
        {
            if (roi is null)
            {
                notes.Add("ROI needs fixed monthly costs: with none, there is no investment to return on.");
            }
            payback = Payback(inputs, net.Value, notes);
        }

        return new RoiFigures
        {
            PeriodStart = inputs.PeriodStart,
            PeriodEnd = inputs.PeriodEnd,
            Tasks = inputs.Tasks,
            Savings = savings,
            RevenueLift = revenue,
            RevenueLiftSource = source,
            TimeSavedHours = timeSaved,
            FixedCosts = fixedCosts,
            NetBenefit = net,
            Roi = roi,
            PaybackMonths = payback,
            AttributableSavings = attributableSavings,
            AttributableRevenueLift = attributableRevenue,
            AttributableNetBenefit = attributableNet,
            AttributableRoi = attributableRoi,
            Attribution = attribution,
            BaselineVersions = versions,
            Notes = notes,
        };
    }

    /// <summary>
    /// The part of a gain the AI caused: its change per task by the series analysis × tasks × <paramref name="value"/>
    /// (negative for lower-is-better metrics, whose fall is the gain); else the before/after gain, marked as such.
    /// </summary>
    private static Estimate? Attributable(RoiInputs inputs, string key, Estimate? beforeAfter, long tasks, double value, List<AttributedChange> attribution)
    {
        var analysed = inputs.Attribution.GetValueOrDefault(key);
        if (analysed?.PerTask is { } perTask && tasks > 0)
        {
            attribution.Add(analysed);
            return Scale(perTask, tasks * value);
        }
        if (beforeAfter is not null)
        {
            var why = analysed?.Explanation ?? "No analysis of the weekly series was possible.";
            attribution.Add(new AttributedChange(key, AttributionMethod.BeforeAfter, tasks > 0 && value != 0 ? Scale(beforeAfter, 1 / (tasks * value)) : null,
                $"Before/after: every change since the baseline is credited to the AI. {why}"));
        }
        return beforeAfter;
    }

    private static Estimate Experiment(RoiInputs inputs, Estimate revenue, List<AttributedChange> attribution)
    {
        var lift = inputs.ExperimentLift!;
        attribution.Add(new AttributedChange(MetricKeys.ConversionRate, AttributionMethod.Experiment,
            new Estimate(lift.AbsoluteLift, lift.Low, lift.High, (lift.High - lift.Low) / (2 * MetricReader.Z)),
            $"Experiment {lift.ExperimentId}: randomised, so its lift is the AI's by design."));
        return revenue;
    }

    private static (Estimate? Net, Estimate? Roi) NetAndRoi(Estimate? savings, Estimate? revenue, double fixedCosts)
    {
        if (savings is null && revenue is null)
        {
            return (null, null);
        }
        var benefit = Estimate.Sum(new[] { savings, revenue }.OfType<Estimate>());
        var net = Estimate.FromError(benefit.Value - fixedCosts, benefit.StandardError);
        return (net, fixedCosts > 0 ? new(net.Value / fixedCosts, net.Low / fixedCosts, net.High / fixedCosts, net.StandardError / fixedCosts) : null);
    }

    /// <summary>(baseline − current mean) × tasks for a lower-is-better measure, with its interval.</summary>
    private static Estimate? Gain(
        Moments current, BaselineVersion? baseline, long tasks, GoodDirection direction, string key, string label,
        List<string> notes, Dictionary<string, int> versions)
    {
        if (baseline is null)
        {
            notes.Add($"{label}: {key} has no baseline.");
            return null;
        }
        if (current.N == 0)
        {
            notes.Add($"{label}: no event in the period carries {key}.");
            return null;
        }
        versions[key] = baseline.Version;
        var perTask = direction == GoodDirection.Lower ? baseline.Value - current.Mean : current.Mean - baseline.Value;
        var error = Math.Sqrt(Square(current.StandardError) + Square(baseline.StandardError ?? 0));
        return Estimate.FromError(perTask * tasks, error * tasks);
    }

    private static (Estimate? Revenue, string? Source) RevenueLift(RoiInputs inputs, List<string> notes, Dictionary<string, int> versions)
    {
        var value = (double)inputs.Economics.ValuePerConversion;
        var tasks = inputs.Conversions.N;
        if (inputs.ExperimentLift is { } lift)
        {
            if (tasks == 0)
            {
                notes.Add("Revenue lift: no event in the period reports whether it converted.");
                return (null, null);
            }
            // The experiment's interval is not symmetric in general; scale its ends rather than rebuild it.
            var scale = tasks * value;
            return (new Estimate(lift.AbsoluteLift * scale, lift.Low * scale, lift.High * scale,
                (lift.High - lift.Low) / (2 * MetricReader.Z) * scale), $"experiment:{lift.ExperimentId}");
        }
        var gain = Gain(inputs.Conversions, inputs.ConversionRateBaseline, tasks, GoodDirection.Higher, MetricKeys.ConversionRate, "Revenue lift", notes, versions);
        return gain is null ? (null, null) : (Scale(gain, value), "before-after");
    }

    private static double? Payback(RoiInputs inputs, double net, List<string> notes)
    {
        var months = FixedCosts.Months(inputs.PeriodStart, inputs.PeriodEnd);
        var implementation = (double)inputs.Economics.ImplementationCost;
        if (implementation == 0)
        {
            return net > 0 ? 0 : null;
        }
        if (net <= 0 || months <= 0)
        {
            notes.Add("Payback: the net benefit of this period is not positive, so the implementation cost is not paid back at this rate.");
            return null;
        }
        return implementation / (net / months);
    }

    /// <summary>An estimate times a factor; a negative factor swaps the interval's ends.</summary>
    private static Estimate Scale(Estimate estimate, double factor) => factor >= 0
        ? new(estimate.Value * factor, estimate.Low * factor, estimate.High * factor, estimate.StandardError * factor)
        : new(estimate.Value * factor, estimate.High * factor, estimate.Low * factor, -estimate.StandardError * factor);

    private static double Square(double value) => value * value;
}
