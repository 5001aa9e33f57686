namespace AiRoi.Domain.Annotations;

/// <summary>A new annotation as a client sends it; every field nullable so that a missing one is reported by name.</summary>
public sealed record AnnotationRequest
{
    /// <summary>Required. The day the change took effect, <c>yyyy-MM-dd</c>.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Required. <c>model-change</c>, <c>prompt-change</c>, <c>price-change</c>, <c>campaign</c>, <c>staffing</c>, <c>seasonality</c>, <c>process-change</c> or <c>other</c>.</summary>
    public AnnotationKind? Kind { get; init; }

    /// <summary>Required. A short label for the chart marker, 1–200 characters.</summary>
    public string? Title { get; init; }

    /// <summary>The longer story, at most 2,000 characters.</summary>
    public string? Note { get; init; }

    /// <summary>The rules: date, kind and title required; lengths bounded.</summary>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new FieldErrors();
        if (Date is null || Date == default(DateOnly))
        {
            errors.Add("date", ValidationCodes.Required, "date is required, as yyyy-MM-dd.");
        }
        if (Kind is null)
        {
            errors.Add("kind", ValidationCodes.Required, "kind is required.");
        }
        else
        {
            errors.Defined("kind", Kind.Value);
        }
        errors.RequiredText("title", Title, UseCases.UseCaseLimits.MaxNameLength);
        errors.OptionalText("note", Note, MaxNoteLength);
        return errors.ToList();
    }

    /// <summary>Longest note of an annotation or review.</summary>
    public const int MaxNoteLength = 2000;
}
