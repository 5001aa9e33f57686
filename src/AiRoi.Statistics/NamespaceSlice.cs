namespace AiRoi.Statistics;

/// <summary>
/// The slice [<paramref name="Start"/>, <paramref name="End"/>) of a namespace's hash space that one experiment
/// owns. A subject belongs to the experiment only if its namespace hash falls in the slice, so experiments in
/// the same namespace with disjoint slices never share a subject.
/// </summary>
/// <param name="NamespaceId">Namespace key shared by the mutually exclusive experiments.</param>
/// <param name="Start">Inclusive start of the slice, in [0, 1).</param>
/// <param name="End">Exclusive end of the slice, in (Start, 1].</param>
public sealed record NamespaceSlice(string NamespaceId, double Start, double End)
{
    /// <summary>
    /// The subject's position in the namespace: version-1 hash with seed "__" + namespace id, as GrowthBook does,
    /// so it is independent of any experiment's own seed.
    /// </summary>
    public static double Position(string namespaceId, string subjectId) =>
        AssignmentHash.Hash("__" + namespaceId, subjectId, 1);

    /// <summary>Whether <paramref name="subjectId"/> falls inside this slice.</summary>
    public bool Contains(string subjectId)
    {
        var position = Position(NamespaceId, subjectId);
        return position >= Start && position < End;
    }

    internal void Validate(string field)
    {
        if (string.IsNullOrEmpty(NamespaceId))
        {
            throw new StatisticsInputException($"{field}.namespaceId", InputProblem.OutOfRange, $"{field}.namespaceId is required.");
        }

        Require.Finite(Start, $"{field}.start");
        Require.Finite(End, $"{field}.end");
        if (Start < 0 || End > 1 || Start >= End)
        {
            throw new StatisticsInputException(
                field, InputProblem.OutOfRange, $"{field} must satisfy 0 ≤ start < end ≤ 1, got [{Start}, {End}).");
        }
    }
}
