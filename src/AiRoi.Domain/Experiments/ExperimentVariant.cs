namespace AiRoi.Domain.Experiments;

/// <summary>One arm of an experiment.</summary>
/// <param name="Name">Identifier of the variant (<c>control</c>, <c>prompt-v4</c>); events name it in <c>variant</c>.</param>
/// <param name="Weight">Share of assigned subjects, in (0, 1]; the weights of an experiment sum to 1.</param>
public sealed record ExperimentVariant(string Name, double Weight);
