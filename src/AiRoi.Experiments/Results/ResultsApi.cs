using AiRoi.Domain.Experiments;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Rollups;
using AiRoi.Experiments.Experiments;
using AiRoi.ServiceDefaults.Http;
using AiRoi.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.Experiments.Results;

/// <summary>
/// <c>GET /api/v1/experiments/{id}/results</c>: per metric and variant from the statistics engine, with the
/// sample-ratio check and Holm's correction across the primary and secondary metrics. Read from the per-variant
/// sufficient statistics the consumer maintains, so its cost does not grow with the number of exposures.
/// </summary>
public static class ResultsApi
{
    /// <summary>
    /// How far a guardrail may move in its bad direction, relative to control, before it counts as degraded: 2 %,
    /// the customary "do no harm" margin (a product default until experiments carry their own).
    /// </summary>
    public const double ToleratedGuardrailDegradation = 0.02;

    /// <summary>Maps the results route.</summary>
    public static IEndpointRouteBuilder MapResultsApiV1(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/experiments/{id}/results", GetAsync)
            .WithTags("Experiments")
            .WithName("GetExperimentResults")
            .WithSummary("Results as of now: exposures and the sample-ratio check, and per metric each variant's mean and each treatment's relative lift with its interval and p-value (Holm-adjusted across primary and secondary metrics) or chance to win.")
            .Produces<ExperimentResults>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The results.</summary>
    public static async Task<Results<Ok<ExperimentResults>, ProblemHttpResult>> GetAsync(
        string id, ExperimentStore experiments, ResultsStore results, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await experiments.FindAsync(id, cancellationToken) is not { } experiment)
        {
            return ExperimentsApi.NotFound(id).ToProblem();
        }
        var definition = experiment.Definition;
        var variants = definition.Variants!;
        var weights = variants.Select(variant => variant.Weight).ToList();
        var exposures = await results.ExposuresAsync(id, cancellationToken);
        var statistics = await results.StatisticsAsync(id, cancellationToken);
        var subjects = variants.Select(variant => exposures.GetValueOrDefault(variant.Name)).ToList();
        var sampleRatio = subjects.Sum() > 0 ? SampleRatioMismatch.Check(subjects, weights) : null;
        var method = definition.Method switch
        {
            ExperimentMethod.Frequentist => AnalysisMethod.Frequentist,
            ExperimentMethod.Bayesian => AnalysisMethod.Bayesian,
            _ => AnalysisMethod.Sequential,
        };

        var roles = new[] { (Key: definition.PrimaryMetric!, Role: "primary") }
            .Concat((definition.SecondaryMetrics ?? []).Select(key => (Key: key, Role: "secondary")))
            .Concat((definition.GuardrailMetrics ?? []).Select(key => (Key: key, Role: "guardrail")))
            .ToList();
        var metrics = AdjustByHolm(roles.Select(metric => Analyze(metric.Key, metric.Role, variants, weights, statistics, method)).ToList());
        var daysLeft = DaysLeft(experiment, statistics, time.GetUtcNow());
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
        return TypedResults.Ok(new ExperimentResults(id, ExperimentJson.Name(experiment.Status), method.ToString().ToLowerInvariant(),
            variants.Select((variant, i) => new VariantExposure(variant.Name, subjects[i])).ToList(), sampleRatio, metrics, daysLeft, ready));
    }

    private static MetricResult Analyze(
        string key, string role, IReadOnlyList<ExperimentVariant> variants, IReadOnlyList<double> weights,
        Dictionary<(string Variant, string Metric), Moments> statistics, AnalysisMethod method)
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
                role == "guardrail" ? KebabName(Guardrail.Check(t.Lift, ToleratedGuardrailDegradation, direction)) : null)).ToList());
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
    private static double? DaysLeft(Experiment experiment, Dictionary<(string Variant, string Metric), Moments> statistics, DateTimeOffset now)
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

    /// <summary>A variant's sample of a metric: a proportion for yes/no metrics (their sum counts the yeses), else a mean.</summary>
    private static SampleStatistic SampleOf(string metricKey, Moments moments) =>
        MetricCatalog.Find(metricKey)?.Aggregation == Aggregation.Rate
            ? new ProportionStatistic(moments.N, (long)Math.Round(moments.Sum))
            : new MeanStatistic(moments.N, moments.Sum, moments.SumOfSquares);

    private static string KebabName(GuardrailVerdict verdict) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(verdict.ToString());

    /// <summary>Holm's correction over every p-value of the primary and secondary metrics.</summary>
    private static List<MetricResult> AdjustByHolm(List<MetricResult> metrics)
    {
        var tested = metrics
            .SelectMany((metric, m) => metric.Treatments.Select((treatment, t) => (m, t, p: treatment.Lift.PValue)))
            .Where(item => metrics[item.m].Role != "guardrail" && item.p is not null)
            .ToList();
        if (tested.Count == 0)
        {
            return metrics;
        }
        var adjusted = MultipleTesting.Holm(tested.Select(item => item.p!.Value).ToList());
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
