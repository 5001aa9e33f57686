namespace AiRoi.Domain.Annotations;

/// <summary>
/// Something else that changed on a date, drawn on the charts; a significant shift in a metric with no annotation
/// near it is the "ignoring context" mistake.
/// </summary>
/// <param name="Id">Identifier within the use case.</param>
/// <param name="Date">The day the change took effect.</param>
/// <param name="Kind">What kind of change.</param>
/// <param name="Title">A short label for the chart marker.</param>
/// <param name="Note">The longer story; optional.</param>
/// <param name="CreatedBy">Who recorded it.</param>
/// <param name="CreatedAt">When it was recorded.</param>
public sealed record Annotation(long Id, DateOnly Date, AnnotationKind Kind, string Title, string? Note, string CreatedBy, DateTimeOffset CreatedAt);
