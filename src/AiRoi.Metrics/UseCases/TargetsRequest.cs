using AiRoi.Domain.UseCases;

namespace AiRoi.Metrics.UseCases;

/// <summary>The body of <c>PUT /api/v1/use-cases/{id}/targets</c>: the use case's new success definition.</summary>
public sealed record TargetsRequest
{
    /// <summary>Required (may be empty). Replaces every target; at most 20.</summary>
    public IReadOnlyList<Target>? Targets { get; init; }
}
