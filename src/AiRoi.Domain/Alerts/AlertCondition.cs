namespace AiRoi.Domain.Alerts;

/// <summary>
/// A condition that holds for a use case now: its <paramref name="Key"/> names it among the use case's conditions
/// (<c>health:no-baseline</c>, <c>target:fcrRate:missed</c>, <c>experiment:exp-12:srm</c>), so it is opened once when
/// it starts to hold and closed when it stops; it may open again later, as a new occurrence.
/// </summary>
/// <param name="Key">The condition's name within the use case.</param>
/// <param name="Kind">What kind of rule it concerns.</param>
/// <param name="Title">One line for people ("No baseline", "Target missed: First-contact resolution rate").</param>
/// <param name="Detail">The sentence that says why.</param>
public sealed record AlertCondition(string Key, AlertKind Kind, string Title, string Detail);
