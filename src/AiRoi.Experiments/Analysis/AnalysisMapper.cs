using AiRoi.ServiceDefaults.Http;
using AiRoi.Statistics;

namespace AiRoi.Experiments.Analysis;

/// <summary>
/// Translates between the HTTP contract and the statistics engine: request bodies to <see cref="AnalysisRequest"/>
/// (checking what only the contract knows: required fields, fields foreign to the metric type, list sizes), and
/// engine results to responses whose every number is finite. The engine checks everything else.
/// </summary>
internal static class AnalysisMapper
{
    /// <exception cref="ProblemException">A required field is missing, a field does not belong, or a list is too long.</exception>
    public static AnalysisRequest ToEngine(MetricAnalysisRequest request)
    {
        var kind = request.MetricType ?? throw Missing("metricType");
        var method = request.Method ?? throw Missing("method");
        var variants = request.Variants ?? throw Missing("variants");
        RequireAtMost(variants.Count, AnalysisLimits.MaxVariants, "variants");
        RequireAtMost(request.ExpectedWeights?.Count ?? 0, AnalysisLimits.MaxVariants, "expectedWeights");

        var statistics = new SampleStatistic[variants.Count];
        for (var i = 0; i < variants.Count; i++)
        {
            var field = $"variants[{i}]";
            statistics[i] = ToStatistic(variants[i] ?? throw Missing(field), kind, field);
        }

        // Absent options take the engine's defaults, so each default lives in one place.
        var defaults = new AnalysisRequest(statistics, method);
        return defaults with
        {
            Difference = request.Difference ?? defaults.Difference,
            RelativeInterval = request.RelativeInterval ?? defaults.RelativeInterval,
            Alpha = request.Alpha ?? defaults.Alpha,
            SequentialTuning = request.SequentialTuning ?? defaults.SequentialTuning,
            ExpectedWeights = request.ExpectedWeights,
            Prior = request.Prior is { } prior
                ? new EffectPrior(prior.Mean ?? throw Missing("prior.mean"), prior.Variance ?? throw Missing("prior.variance"))
                : null,
        };
    }

    /// <exception cref="ProblemException">The method is missing or the list is empty or too long.</exception>
    public static (PValueAdjustmentMethod Method, IReadOnlyList<double> PValues) ToEngine(PValueAdjustmentRequest request)
    {
        var method = request.Method ?? throw Missing("method");
        var pValues = request.PValues ?? throw Missing("pValues");
        if (pValues.Count == 0)
        {
            throw new ProblemException(AnalysisProblems.EmptyList, "pValues", "pValues needs at least one p-value.");
        }

        RequireAtMost(pValues.Count, AnalysisLimits.MaxPValues, "pValues");
        return (method, pValues);
    }

    /// <exception cref="ProblemException">A number in the result is NaN or infinite.</exception>
    public static MetricAnalysisResponse ToResponse(AnalysisResult result, IReadOnlyList<VariantSums> variants)
    {
        var lifts = result.Treatments.Select(treatment =>
        {
            var field = $"variants[{treatment.VariantIndex}]";
            var lift = treatment.Lift;
            return new TreatmentLift(
                variants[treatment.VariantIndex].Name!,
                Finite(lift.Estimate, field, "estimate"),
                Finite(lift.StandardError, field, "standardError"),
                Finite(lift.CiLower, field, "ciLower"),
                Finite(lift.CiUpper, field, "ciUpper"),
                Finite(lift.PValue, field, "pValue"),
                Finite(lift.ChanceToWin, field, "chanceToWin"),
                Finite(lift.RiskTreatment, field, "risk"),
                Finite(lift.RiskControl, field, "riskControl"));
        }).ToList();
        var sampleRatio = new SampleRatioVerdict(Finite(result.SampleRatio.PValue, "variants", "srm.pValue"), result.SampleRatio.IsMismatch);
        return new MetricAnalysisResponse(lifts, sampleRatio);
    }

    /// <exception cref="ProblemException">An adjusted p-value is NaN or infinite.</exception>
    public static PValueAdjustmentResponse ToResponse(IReadOnlyList<double> adjusted) =>
        new(adjusted.Select((p, i) => Finite(p, $"pValues[{i}]", $"adjusted[{i}]")).ToList());

    /// <summary>
    /// The engine names the CUPED sums <c>variants[i].covariate.preSum</c>; the request carries them flat on the
    /// variant. Pooled sums (<c>covariate.…</c>) and the sample-ratio check's <c>units</c> span all variants.
    /// </summary>
    public static string RequestField(string engineField)
    {
        if (engineField.StartsWith("covariate.", StringComparison.Ordinal) || engineField.StartsWith("units", StringComparison.Ordinal))
        {
            return "variants";
        }

        if (engineField.EndsWith(".covariate", StringComparison.Ordinal))
        {
            return engineField.Replace(".covariate", ".preSum", StringComparison.Ordinal);
        }

        return engineField.Replace(".covariate.", ".", StringComparison.Ordinal);
    }

    private static SampleStatistic ToStatistic(VariantSums variant, MetricKind kind, string field)
    {
        if (string.IsNullOrWhiteSpace(variant.Name))
        {
            throw Missing($"{field}.name");
        }

        RejectForeignSums(variant, kind, field);
        var n = variant.N ?? throw Missing($"{field}.n");
        if (n > AnalysisLimits.MaxUnitsPerVariant)
        {
            throw new ProblemException(
                AnalysisProblems.OutOfRange, $"{field}.n", $"{field}.n must be at most {AnalysisLimits.MaxUnitsPerVariant}, got {n}.");
        }

        return kind switch
        {
            MetricKind.Proportion => new ProportionStatistic(n, variant.Conversions ?? throw Missing($"{field}.conversions")),
            MetricKind.Mean => new MeanStatistic(
                n,
                variant.Sum ?? throw Missing($"{field}.sum"),
                variant.SumSquares ?? throw Missing($"{field}.sumSquares"),
                Covariate(variant, field)),
            MetricKind.Ratio => new RatioStatistic(
                n,
                variant.NumeratorSum ?? throw Missing($"{field}.numeratorSum"),
                variant.NumeratorSumSquares ?? throw Missing($"{field}.numeratorSumSquares"),
                variant.DenominatorSum ?? throw Missing($"{field}.denominatorSum"),
                variant.DenominatorSumSquares ?? throw Missing($"{field}.denominatorSumSquares"),
                variant.SumProducts ?? throw Missing($"{field}.sumProducts")),
            _ => throw new ProblemException(RequestProblems.UnknownValue, "metricType", $"Unknown metric type {kind}."),
        };
    }

    /// <summary>The CUPED sums come as a set of three: any one of them asks for the other two.</summary>
    private static CupedCovariate? Covariate(VariantSums variant, string field) =>
        variant is { PreSum: null, PreSumSquares: null, SumProducts: null }
            ? null
            : new CupedCovariate(
                variant.PreSum ?? throw Missing($"{field}.preSum"),
                variant.PreSumSquares ?? throw Missing($"{field}.preSumSquares"),
                variant.SumProducts ?? throw Missing($"{field}.sumProducts"));

    /// <summary>A sum of another metric type means the client picked the wrong type or the wrong data; either way, say so.</summary>
    private static void RejectForeignSums(VariantSums variant, MetricKind kind, string field)
    {
        (string Name, bool Sent, MetricKind[] Kinds)[] sums =
        [
            ("conversions", variant.Conversions is not null, [MetricKind.Proportion]),
            ("sum", variant.Sum is not null, [MetricKind.Mean]),
            ("sumSquares", variant.SumSquares is not null, [MetricKind.Mean]),
            ("preSum", variant.PreSum is not null, [MetricKind.Mean]),
            ("preSumSquares", variant.PreSumSquares is not null, [MetricKind.Mean]),
            ("sumProducts", variant.SumProducts is not null, [MetricKind.Mean, MetricKind.Ratio]),
            ("numeratorSum", variant.NumeratorSum is not null, [MetricKind.Ratio]),
            ("numeratorSumSquares", variant.NumeratorSumSquares is not null, [MetricKind.Ratio]),
            ("denominatorSum", variant.DenominatorSum is not null, [MetricKind.Ratio]),
            ("denominatorSumSquares", variant.DenominatorSumSquares is not null, [MetricKind.Ratio]),
        ];
        foreach (var (name, sent, kinds) in sums)
        {
            if (sent && !kinds.Contains(kind))
            {
                throw new ProblemException(
                    AnalysisProblems.NotApplicable, $"{field}.{name}", $"{field}.{name} does not belong to a {kind.ToString().ToLowerInvariant()} metric.");
            }
        }
    }

    private static void RequireAtMost(int count, int limit, string field)
    {
        if (count > limit)
        {
            throw new ProblemException(AnalysisProblems.TooManyItems, field, $"{field} has {count} entries; at most {limit} are accepted.");
        }
    }

    private static double Finite(double value, string field, string output) => Finite((double?)value, field, output)!.Value;

    private static double? Finite(double? value, string field, string output) =>
        value is null || double.IsFinite(value.Value)
            ? value
            : throw new ProblemException(
                AnalysisProblems.NonFiniteResult,
                field,
                $"The {output} for {field} would not be a finite number; the inputs are too extreme (a very small alpha or sequentialTuning, or huge sums).");

    private static ProblemException Missing(string field) =>
        new(AnalysisProblems.MissingField, field, $"{field} is required.");
}
