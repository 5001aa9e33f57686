namespace AiRoi.Client;

/// <summary>The variant a subject gets in a running experiment.</summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="SubjectId">The subject (customer, account, user).</param>
/// <param name="Variant">The variant's name.</param>
public sealed record VariantAssignment(string ExperimentId, string SubjectId, string Variant);
