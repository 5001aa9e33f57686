namespace AiRoi.Statistics;

/// <summary>
/// Deterministic, sticky assignment of subjects to an experiment's variants: the same subject always gets the
/// same variant for the same seed, weights and namespace slice, without storing anything. Each variant owns a
/// range of [0, 1) as wide as its weight, in order; the subject's hash picks the range that contains it.
/// </summary>
public sealed class VariantAllocation
{
    private readonly double[] _ends;

    /// <summary>Validates the configuration once, so assigning is cheap.</summary>
    /// <param name="seed">Experiment seed (usually the experiment id); changing it reshuffles everyone.</param>
    /// <param name="weights">Share of traffic per variant, control first; each &gt; 0, summing to 1.</param>
    /// <param name="hashVersion">Hash scheme, 1 or 2 (see <see cref="AssignmentHash"/>); 2 for new experiments.</param>
    /// <param name="namespaceSlice">Optional slice of a namespace this experiment owns, for mutual exclusion.</param>
    /// <exception cref="StatisticsInputException">Weights, version or slice are invalid.</exception>
    public VariantAllocation(string seed, IReadOnlyList<double> weights, int hashVersion = 2, NamespaceSlice? namespaceSlice = null)
    {
        Seed = Require.NotNull(seed, "seed");
        Weights.RequireValid(weights, "weights");
        if (!AssignmentHash.KnownVersions.Contains(hashVersion))
        {
            throw AssignmentHash.UnknownVersion(hashVersion, "hashVersion");
        }

        namespaceSlice?.Validate("namespace");
        HashVersion = hashVersion;
        Namespace = namespaceSlice;

        _ends = new double[weights.Count];
        var cumulative = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            cumulative += weights[i];
            _ends[i] = cumulative;
        }

        // Weights summing to 1 within tolerance must still cover every hash, so the last range closes at 1.
        _ends[^1] = 1;
    }

    /// <summary>The experiment seed.</summary>
    public string Seed { get; }

    /// <summary>The hash scheme in use.</summary>
    public int HashVersion { get; }

    /// <summary>The namespace slice, if the experiment is mutually exclusive with others.</summary>
    public NamespaceSlice? Namespace { get; }

    /// <summary>Each variant's range [start, end) of the hash space, control first.</summary>
    public IReadOnlyList<(double Start, double End)> Ranges =>
        _ends.Select((end, i) => (i == 0 ? 0 : _ends[i - 1], end)).ToArray();

    /// <summary>Assigns <paramref name="subjectId"/>, or says why it gets no variant.</summary>
    public Assignment Assign(string? subjectId)
    {
        if (string.IsNullOrEmpty(subjectId))
        {
            return new Assignment(AssignmentOutcome.MissingSubjectId);
        }

        if (Namespace is not null && !Namespace.Contains(subjectId))
        {
            return new Assignment(AssignmentOutcome.OutsideNamespace);
        }

        var hash = AssignmentHash.Hash(Seed, subjectId, HashVersion);
        return new Assignment(AssignmentOutcome.Assigned, VariantAt(hash), hash);
    }

    /// <summary>The variant whose range contains <paramref name="hash"/> (a value in [0, 1)).</summary>
    public int VariantAt(double hash)
    {
        if (!(hash >= 0 && hash < 1))
        {
            throw new StatisticsInputException("hash", InputProblem.OutOfRange, $"hash must lie in [0, 1), got {hash}.");
        }

        var index = 0;
        while (hash >= _ends[index])
        {
            index++;
        }

        return index;
    }
}
