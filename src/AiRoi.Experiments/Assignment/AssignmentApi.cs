using AiRoi.Domain;
using AiRoi.Domain.Experiments;
using AiRoi.Experiments.Lifecycle;
using AiRoi.ServiceDefaults.Http;
using AiRoi.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AiRoi.Experiments.Assignment;

/// <summary>Which variant a subject gets, or why none.</summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="SubjectId">The subject asked about.</param>
/// <param name="Assigned">Whether the subject is in a variant.</param>
/// <param name="Variant">The variant's name when assigned.</param>
/// <param name="Reason">Why not, when not assigned: <c>not-running</c> or <c>outside-namespace</c>.</param>
public sealed record AssignmentAnswer(string ExperimentId, string SubjectId, bool Assigned, string? Variant, string? Reason);

/// <summary>
/// <c>GET /api/v1/experiments/{id}/assignment?subjectId=…</c>: the deployment's question. Deterministic and sticky
/// (a hash of seed and subject), true to the weights and the namespace slice, answered from memory.
/// </summary>
public static class AssignmentApi
{
    /// <summary>Longest subject id, as on outcome events.</summary>
    public const int MaxSubjectIdLength = 128;

    /// <summary>Maps the assignment route.</summary>
    public static IEndpointRouteBuilder MapAssignmentApiV1(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/experiments/{id}/assignment", AssignAsync)
            .WithTags("Experiments")
            .WithName("AssignSubject")
            .WithSummary("The variant a subject gets in a running experiment, or why it gets none (not-running, outside-namespace). The same subject always gets the same variant.")
            .Produces<AssignmentAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Assigns one subject.</summary>
    public static async Task<Results<Ok<AssignmentAnswer>, ProblemHttpResult>> AssignAsync(
        string id, [FromQuery] string? subjectId, HttpContext http, RunningExperiments running, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(subjectId) || subjectId.Length > MaxSubjectIdLength)
        {
            return ValidationFailure.ToProblem([new ValidationError("subjectId",
                string.IsNullOrEmpty(subjectId) ? ValidationCodes.Required : ValidationCodes.TooLong,
                $"subjectId is required, at most {MaxSubjectIdLength} characters: the customer, account or user being assigned.")]);
        }
        if (await running.GetAsync(id, cancellationToken) is not { } entry)
        {
            return ExperimentsApi.NotFound(id).ToProblem();
        }
        if (ExperimentsApi.OutOfScope(http, entry.Experiment) is { } refusal)
        {
            return refusal;
        }
        if (entry.Experiment.Status != ExperimentStatus.Running)
        {
            return TypedResults.Ok(new AssignmentAnswer(id, subjectId, false, null, "not-running"));
        }
        var assignment = entry.Allocation.Assign(subjectId);
        return TypedResults.Ok(assignment.Outcome == AssignmentOutcome.Assigned
            ? new AssignmentAnswer(id, subjectId, true, entry.Experiment.Definition.Variants![assignment.VariantIndex!.Value].Name, null)
            : new AssignmentAnswer(id, subjectId, false, null, "outside-namespace"));
    }
}
