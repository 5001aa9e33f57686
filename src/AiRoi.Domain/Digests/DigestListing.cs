namespace AiRoi.Domain.Digests;

/// <summary>One digest in the list.</summary>
/// <param name="OwnerName">The owner.</param>
/// <param name="OwnerEmail">Their address.</param>
/// <param name="WeekStart">The week's Monday.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="UseCaseIds">The use cases it covers.</param>
public sealed record DigestListing(string OwnerName, string OwnerEmail, DateOnly WeekStart, string Subject, IReadOnlyList<string> UseCaseIds);
