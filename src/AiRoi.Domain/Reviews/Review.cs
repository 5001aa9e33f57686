namespace AiRoi.Domain.Reviews;

/// <summary>One entry of a use case's review log: who looked at its value, when, and what they decided.</summary>
/// <param name="Id">Identifier within the use case.</param>
/// <param name="Reviewer">Who reviewed (a name).</param>
/// <param name="Date">The day of the review.</param>
/// <param name="Decision">Keep, adjust or retire.</param>
/// <param name="Note">What was discussed and why; optional.</param>
/// <param name="CreatedAt">When the entry was recorded.</param>
public sealed record Review(long Id, string Reviewer, DateOnly Date, ReviewDecision Decision, string? Note, DateTimeOffset CreatedAt);
