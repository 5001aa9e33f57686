using AiRoi.Contracts.Api;
using AiRoi.Domain.Experiments;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.Roi;
using AiRoi.Domain;
using AiRoi.Experiments.Lifecycle;
using AiRoi.Statistics;

namespace AiRoi.Experiments.Results;

/// <summary>
/// An experiment's results from its exposures and per-variant sufficient statistics: pure, so the results API,
/// the periodic analysis and the conclusion all judge an experiment the same way, in O(variants × metrics).
/// </summary>
public static class ResultsCalculator
{
    /// <summary>The results as of <paramref name="now"/>.</summary>
    public static ExperimentResults Compute(Experiment experiment, VariantData data, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(data);
        var definition = experiment.Definition;
        var variants = definition.Variants!;
        var weights = variants.Select(variant => variant.Weight).ToList();
        var subjects = variants.Select(variant => data.Exposures.GetValueOrDefault(variant.Name)).ToList();
        var sampleRatio = subjects.Sum() > 0 ? SampleRatioMismatch.Check(subjects, weights) : null;
        var method = MethodOf(definition);
        var tolerance = definition.GuardrailTolerance ?? ExperimentRules.DefaultGuardrailTolerance;
        var correction = definition.MultipleTesting ?? MultipleTestingCorrection.Holm;

        var roles = new[] { (Key: definition.PrimaryMetric!, Role: "primary") }
            .Concat((definition.SecondaryMetrics ?? []).Select(key => (Key: key, Role: "secondary")))
            .Concat((definition.GuardrailMetrics ?? []).Select(key => (Key: key, Role: "guardrail")))
            .ToList();
        var metrics = Adjust(roles.Select(metric => Analyze(metric.Key, metric.Role, variants, weights, data.Statistics, method, tolerance)).ToList(), correction);
        var daysLeft = DaysLeft(experiment, data.Statistics, now);
        var ready = new List<string>();
        if (method == AnalysisMethod.Sequential && metrics[0].Treatments.Any(t => t.Lift.CiLower > 0 || t.Lift.CiUpper < 0))
        {
            ready.Add("the primary metric's always-valid interval excludes zero");
        }
        if (metrics.Any(metric => metric.Treatments.Any(t => t.Guardrail == "degraded")))
        {
            ready.Add("a guardrail metric is degraded");
        }
        if (daysLeft == 0)
        {
            ready.Add("the planned sample is reached");
        }
        return new ExperimentResults(experiment.Id, WireJson.Name(experiment.Status), method.ToString().ToLowerInvariant(),
            WireName(correction), tolerance, variants.Select((variant, i) => new VariantExposure(variant.Name, subjects[i])).ToList(),
            sampleRatio, metrics, daysLeft, ready);
    }

    /// <summary>
    /// The absolute lift in conversion rate of <paramref name="variant"/> over control with its interval, judged by
    /// the experiment's method: what a shipped treatment adds to the use case's revenue. Null until both have two
    /// events that report a conversion, or when the data cannot yet give a lift (no variance).
    /// </summary>
    public static ConversionLiftEvidence? ConversionLift(Experiment experiment, string variant, VariantData data)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(data);
        var variants = experiment.Definition.Variants!;
        var treatment = variants.Select(v => v.Name).ToList().IndexOf(variant);
        if (treatment <= 0)
        {
            return null;
        }
        var moments = new[] { variants[0].Name, variant }.Select(name => data.Statistics.GetValueOrDefault((name, MetricKeys.ConversionRate))).ToList();
        if (moments.Any(m => m.N < 2))
        {
            return null;
        }
        try
        {
            var analysis = ExperimentAnalyzer.Analyze(new AnalysisRequest(
                moments.Select(m => SampleOf(MetricKeys.ConversionRate, m)).ToList(), MethodOf(experiment.Definition), Difference.Absolute));
            var lift = analysis.Treatments[0].Lift;
            return new ConversionLiftEvidence(experiment.Id, lift.Estimate, lift.CiLower, lift.CiUpper);
        }
        catch (StatisticsInputException)
        {
            return null;
        }
    }

    /// <summary>A variant's sample of a metric: a proportion for yes/no metrics (their sum counts the yeses), else a mean.</summary>
    public static SampleStatistic SampleOf(string metricKey, Moments moments) =>
        MetricCatalog.Find(metricKey)?.Aggregation == Aggregation.Rate
            ? new ProportionStatistic(moments.N, (long)Math.Round(moments.Sum))
            : new MeanStatistic(moments.N, moments.Sum, moments.SumOfSquares);

    private static AnalysisMethod MethodOf(ExperimentDefinition definition) => definition.Method switch
    {
        ExperimentMethod.Frequentist => AnalysisMethod.Frequentist,
        ExperimentMethod.Bayesian => AnalysisMethod.Bayesian,
        _ => AnalysisMethod.Sequential,
    };

    private static MetricResult Analyze(
        string key, string role, IReadOnlyList<ExperimentVariant> variants, IReadOnlyList<double> weights,
        IReadOnlyDictionary<(string Variant, string Metric), Moments> statistics, AnalysisMethod method, double tolerance)
    {
        var moments = variants.Select(variant => statistics.GetValueOrDefault((variant.Name, key))).ToList();
        var figures = variants.Select((variant, i) => new VariantFigure(variant.Name, moments[i].N, moments[i].N > 0 ? moments[i].Mean : null)).ToList();
        if (moments.Any(m => m.N < 2))
        {
            return new MetricResult(key, role, figures, []);
        }
        var catalog = MetricCatalog.Find(key);
        var samples = moments.Select(m => SampleOf(key, m)).ToList();
        var direction = catalog?.GoodDirection == GoodDirection.Lower ? MetricDirection.LowerIsBetter : MetricDirection.HigherIsBetter;
        try
        {
            var analysis = ExperimentAnalyzer.Analyze(new AnalysisRequest(samples, method, Difference.Relative, ExpectedWeights: weights, Direction: direction));
            return new MetricResult(key, role, figures, analysis.Treatments.Select(t => new TreatmentLift(variants[t.VariantIndex].Name, t.Lift, null,
                role == "guardrail" ? WireJson.Name(Guardrail.Check(t.Lift, tolerance, direction)) : null)).ToList());
        }
        catch (StatisticsInputException)
        {
            // A relative lift needs a control mean other than 0 and some variance; until the data has both there is no lift.
            return new MetricResult(key, role, figures, []);
        }
    }

    /// <summary>
    /// Days left to the planned sample of the primary metric: the units each variant needs for the planned relative
    /// effect and power (from control's mean and variance), at the rate the experiment has gathered them since it
    /// started. Null without a planned effect, a start, or two control events.
    /// </summary>
    private static double? DaysLeft(Experiment experiment, IReadOnlyDictionary<(string Variant, string Metric), Moments> statistics, DateTimeOffset now)
    {
        var definition = experiment.Definition;
        if (definition.MinimumDetectableEffect is not { } effect || experiment.StartedAt is not { } started)
        {
            return null;
        }
        var variants = definition.Variants!;
        var moments = variants.Select(variant => statistics.GetValueOrDefault((variant.Name, definition.PrimaryMetric!))).ToList();
        var units = moments.Sum(m => m.N);
        var days = Math.Max((now - started).TotalDays, 1.0 / 24);
        if (moments[0].N < 2 || units == 0)
        {
            return null;
        }
        try
        {
            var plan = PowerPlan.FromControl(SampleOf(definition.PrimaryMetric!, moments[0]), power: definition.Power ?? 0.8);
            return PowerAnalysis.DaysLeft(plan, effect, Difference.Relative, variants.Count, units, units / days);
        }
        catch (StatisticsInputException)
        {
            // A control without variance or with a zero mean gives no plan yet.
            return null;
        }
    }

    private static string WireName(MultipleTestingCorrection correction) => WireJson.Name(correction);

    /// <summary>The correction over every p-value of the primary and secondary metrics (guardrails are judged on their own).</summary>
    private static List<MetricResult> Adjust(List<MetricResult> metrics, MultipleTestingCorrection correction)
    {
        var tested = metrics
            .SelectMany((metric, m) => metric.Treatments.Select((treatment, t) => (m, t, p: treatment.Lift.PValue)))
            .Where(item => metrics[item.m].Role != "guardrail" && item.p is not null)
            .ToList();
        if (tested.Count == 0)
        {
            return metrics;
        }
        var pValues = tested.Select(item => item.p!.Value).ToList();
        var adjusted = correction == MultipleTestingCorrection.BenjaminiHochberg ? MultipleTesting.BenjaminiHochberg(pValues) : MultipleTesting.Holm(pValues);
        var result = metrics.Select(metric => metric with { Treatments = metric.Treatments.ToList() }).ToList();
        for (var i = 0; i < tested.Count; i++)
        {
            var (m, t, _) = tested[i];
            var treatments = (List<TreatmentLift>)result[m].Treatments;
            treatments[t] = treatments[t] with { AdjustedPValue = adjusted[i] };
        }
        return result;
    }
}
