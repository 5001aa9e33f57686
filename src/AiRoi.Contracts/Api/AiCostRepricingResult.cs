using AiRoi.Contracts.UseCases;

namespace AiRoi.Contracts.Api;

/// <summary>A recomputation of traced AI cost with the prices in force now (<c>POST /api/v1/model-prices/recompute</c>).</summary>
public sealed record RepricingRequest
{
    /// <summary>False (the default) to see what would change; true to record it.</summary>
    public bool Apply { get; init; }
}

/// <summary>What a recomputation changed, or would change, per use case and in all.</summary>
/// <param name="Applied">Whether the changes were recorded.</param>
/// <param name="UseCases">Per use case with traced cost, before and after.</param>
public sealed record RepricingResult(bool Applied, IReadOnlyList<AiCostRepricing> UseCases);
