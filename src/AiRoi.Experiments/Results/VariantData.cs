using AiRoi.Domain.Rollups;

namespace AiRoi.Experiments.Results;

/// <summary>What an experiment's results are computed from: a few numbers per variant, whatever the traffic.</summary>
/// <param name="Exposures">Subjects first exposed, by variant.</param>
/// <param name="Statistics">The moments of each metric, by (variant, metric).</param>
public sealed record VariantData(
    IReadOnlyDictionary<string, long> Exposures,
    IReadOnlyDictionary<(string Variant, string Metric), Moments> Statistics);
