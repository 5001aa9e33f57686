using AiRoi.Experiments.Analysis;
using AiRoi.Statistics;

namespace AiRoi.Experiments.Tests;

/// <summary>Request bodies of the published reference cases (docs/statistics-oracles.md), built fresh per test.</summary>
internal static class Requests
{
    public static VariantSums Proportion(string name, long n, long conversions) => new() { Name = name, N = n, Conversions = conversions };

    public static VariantSums Mean(string name, long n, double sum, double sumSquares) =>
        new() { Name = name, N = n, Sum = sum, SumSquares = sumSquares };

    public static VariantSums Ratio(string name, long n, double numeratorSum, double numeratorSumSquares, double denominatorSum, double denominatorSumSquares, double sumProducts) =>
        new()
        {
            Name = name,
            N = n,
            NumeratorSum = numeratorSum,
            NumeratorSumSquares = numeratorSumSquares,
            DenominatorSum = denominatorSum,
            DenominatorSumSquares = denominatorSumSquares,
            SumProducts = sumProducts,
        };

    public static MetricAnalysisRequest MetricRequest(MetricKind kind, AnalysisMethod method, params VariantSums[] variants) =>
        new() { MetricType = kind, Method = method, Variants = variants };

    /// <summary>The fixed-horizon proportion case: 14 of 28 against 16 of 30, with the reference's delta-method interval.</summary>
    public static MetricAnalysisRequest SmallProportion(AnalysisMethod method = AnalysisMethod.Frequentist) =>
        MetricRequest(MetricKind.Proportion, method, Proportion("control", 28, 14), Proportion("treatment", 30, 16))
            with { RelativeInterval = method == AnalysisMethod.Frequentist ? RelativeInterval.DeltaMethod : null };

    /// <summary>The fixed-horizon mean case: control mean 0.41, sd 3.9; treatment mean 0.70, sd 6.2; the reference's delta-method interval.</summary>
    public static MetricAnalysisRequest FixedMean(Difference difference) =>
        MetricRequest(MetricKind.Mean, AnalysisMethod.Frequentist, Mean("control", 3407, 1396.87, 52377.9767), Mean("treatment", 3461, 2422.7, 134698.29))
            with { Difference = difference, RelativeInterval = RelativeInterval.DeltaMethod };

    /// <summary>The sequential and CUPED post-period: the same sums with control n 3000.</summary>
    public static VariantSums SequentialControl => Mean("control", 3000, 1396.87, 52377.9767);

    public static VariantSums SequentialTreatment => Mean("treatment", 3461, 2422.7, 134698.29);
}
