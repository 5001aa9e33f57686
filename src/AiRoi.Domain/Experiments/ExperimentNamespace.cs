namespace AiRoi.Domain.Experiments;

/// <summary>
/// The slice of a namespace an experiment owns: experiments on the same subjects with disjoint slices of one
/// namespace never share a subject.
/// </summary>
/// <param name="Id">The namespace shared by mutually exclusive experiments.</param>
/// <param name="Start">Start of the slice, in [0, 1).</param>
/// <param name="End">End of the slice, in (start, 1].</param>
public sealed record ExperimentNamespace(string Id, double Start, double End);
