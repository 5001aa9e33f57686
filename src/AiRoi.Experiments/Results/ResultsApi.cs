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
        string id, ExperimentStore experiments, ResultsStore results, CancellationToken cancellationToken)
    {
        if (await experiments.FindAsync(id, cancellationToken) is not { } experiment)
        {
            return ExperimentProblems.NotFound.ToProblem($"No experiment has the id '{id}'.", new Dictionary<string, object?> { ["field"] = "id" });
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
        var metrics = roles.Select(metric => Analyze(metric.Key, metric.Role, variants, weights, statistics, method)).ToList();
        return TypedResults.Ok(new ExperimentResults(id, ExperimentJson.Name(experiment.Status), method.ToString().ToLowerInvariant(),
            variants.Select((variant, i) => new VariantExposure(variant.Name, subjects[i])).ToList(), sampleRatio, AdjustByHolm(metrics)));
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
        var isRate = catalog?.Aggregation == Aggregation.Rate;
        IReadOnlyList<SampleStatistic> samples = isRate
            ? moments.Select(m => (SampleStatistic)new ProportionStatistic(m.N, (long)Math.Round(m.Sum))).ToList()
            : moments.Select(m => (SampleStatistic)new MeanStatistic(m.N, m.Sum, m.SumOfSquares)).ToList();
        var direction = catalog?.GoodDirection == GoodDirection.Lower ? MetricDirection.LowerIsBetter : MetricDirection.HigherIsBetter;
        try
        {
            var analysis = ExperimentAnalyzer.Analyze(new AnalysisRequest(samples, method, Difference.Relative, ExpectedWeights: weights, Direction: direction));
            return new MetricResult(key, role, figures,
                analysis.Treatments.Select(t => new TreatmentLift(variants[t.VariantIndex].Name, t.Lift, null)).ToList());
        }
        catch (StatisticsInputException)
        {
            // A relative lift needs a control mean other than 0 and some variance; until the data has both there is no lift.
            return new MetricResult(key, role, figures, []);
        }
    }

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
