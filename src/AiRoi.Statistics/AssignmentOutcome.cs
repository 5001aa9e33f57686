namespace AiRoi.Statistics;

/// <summary>Why a subject did or did not receive a variant.</summary>
public enum AssignmentOutcome
{
    /// <summary>The subject is in a variant.</summary>
    Assigned,
    /// <summary>The subject id is empty, so no stable assignment is possible.</summary>
    MissingSubjectId,
    /// <summary>The subject's namespace hash lies outside the experiment's slice: it belongs to another experiment.</summary>
    OutsideNamespace,
}
