using System.Globalization;

namespace AiRoi.Client;

/// <summary>
/// How AiRoi's experiment service splits subjects, done in-process: FNV-1a hashes of the seed and the subject (hash
/// version 2; version 1 for the namespace position), each variant a range of [0, 1) as wide as its weight. The same
/// subject always gets the same variant here and from <c>GET /api/v1/experiments/{id}/assignment</c>.
/// </summary>
internal sealed class ExperimentAllocation
{
    private readonly double[] ends;
    private readonly RunningExperimentWire experiment;

    public ExperimentAllocation(RunningExperimentWire experiment)
    {
        this.experiment = experiment;
        ends = new double[experiment.Variants.Count];
        var cumulative = 0.0;
        for (var i = 0; i < ends.Length; i++)
        {
            cumulative += experiment.Variants[i].Weight;
            ends[i] = cumulative;
        }
        ends[^1] = 1;
    }

    public string UseCaseId => experiment.UseCaseId;

    /// <summary>The variant's name, or null when the subject is outside the experiment's namespace slice.</summary>
    public string? Assign(string subjectId)
    {
        if (experiment.Namespace is { } slice)
        {
            var position = Hash("__" + slice.Id, subjectId, 1);
            if (position < slice.Start || position >= slice.End)
            {
                return null;
            }
        }
        var hash = Hash(experiment.Seed, subjectId, experiment.HashVersion);
        var index = 0;
        while (hash >= ends[index])
        {
            index++;
        }
        return experiment.Variants[index].Name;
    }

    internal static double Hash(string seed, string value, int version) => version switch
    {
        1 => Fnv1a(value + seed) % 1000 / 1000.0,
        2 => Fnv1a(Fnv1a(seed + value).ToString(CultureInfo.InvariantCulture)) % 10000 / 10000.0,
        _ => throw new NotSupportedException($"Hash version {version} is not known to this client; update the AiRoi.Client package."),
    };

    private static uint Fnv1a(string value)
    {
        var hash = 2166136261u;
        foreach (var codeUnit in value)
        {
            hash ^= codeUnit;
            hash = unchecked(hash * 16777619u);
        }
        return hash;
    }
}
