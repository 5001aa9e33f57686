namespace AiRoi.Statistics;

/// <summary>The result of assigning one subject: the variant, or why there is none.</summary>
/// <param name="Outcome">Whether the subject was assigned, and if not, why.</param>
/// <param name="VariantIndex">Index of the assigned variant (0 is control); null when not assigned.</param>
/// <param name="Hash">The subject's experiment hash in [0, 1); null when the subject never reached it.</param>
public sealed record Assignment(AssignmentOutcome Outcome, int? VariantIndex = null, double? Hash = null)
{
    /// <summary>True when the subject is in a variant.</summary>
    public bool IsAssigned => Outcome == AssignmentOutcome.Assigned;
}
