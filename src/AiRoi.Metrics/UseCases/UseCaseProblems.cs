using AiRoi.ServiceDefaults.Http;

namespace AiRoi.Metrics.UseCases;

/// <summary>
/// The problem types of the registry's own rules (<c>https://airoi.dev/problems/use-cases/…</c>). Bodies that do
/// not bind answer the shared <see cref="RequestProblems"/>, and definitions that break the domain's rules
/// <see cref="RequestProblems.ValidationFailed"/>. Types are never renamed, only added.
/// </summary>
public static class UseCaseProblems
{
    /// <summary>No use case has the id in the URL.</summary>
    public static readonly ProblemType NotFound = new("use-cases/not-found", StatusCodes.Status404NotFound, "No use case has this id.");

    /// <summary>A use case with the id being created already exists; ids never change, so it cannot be reused.</summary>
    public static readonly ProblemType AlreadyExists = new("use-cases/already-exists", StatusCodes.Status409Conflict, "A use case with this id already exists.");

    /// <summary><c>If-Match</c> names a revision other than the current one: someone else changed the use case first.</summary>
    public static readonly ProblemType RevisionMismatch = new(
        "use-cases/revision-mismatch", StatusCodes.Status412PreconditionFailed, "The use case has changed since the revision in If-Match.");

    /// <summary><c>If-Match</c> is not a list of quoted entity tags (<c>"3"</c>) or <c>*</c>.</summary>
    public static readonly ProblemType InvalidIfMatch = new(
        "use-cases/invalid-if-match", StatusCodes.Status400BadRequest, "If-Match must be a quoted revision such as \"3\".");
}
