using AiRoi.Domain.Annotations;

namespace AiRoi.Domain.Reviews;

/// <summary>A new review-log entry as a client sends it; every field nullable so that a missing one is reported by name.</summary>
public sealed record ReviewRequest
{
    /// <summary>Required. Who reviewed, 1–200 characters.</summary>
    public string? Reviewer { get; init; }

    /// <summary>Required. The day of the review, <c>yyyy-MM-dd</c>.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Required. <c>keep</c>, <c>adjust</c> or <c>retire</c>.</summary>
    public ReviewDecision? Decision { get; init; }

    /// <summary>What was discussed and why, at most 2,000 characters.</summary>
    public string? Note { get; init; }

    /// <summary>The rules: reviewer, date and decision required; lengths bounded.</summary>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new FieldErrors();
        errors.RequiredText("reviewer", Reviewer, UseCases.UseCaseLimits.MaxNameLength);
        if (Date is null || Date == default(DateOnly))
        {
            errors.Add("date", ValidationCodes.Required, "date is required, as yyyy-MM-dd.");
        }
        if (Decision is null)
        {
            errors.Add("decision", ValidationCodes.Required, "decision is required: keep, adjust or retire.");
        }
        else
        {
            errors.Defined("decision", Decision.Value);
        }
        errors.OptionalText("note", Note, AnnotationRequest.MaxNoteLength);
        return errors.ToList();
    }
}
