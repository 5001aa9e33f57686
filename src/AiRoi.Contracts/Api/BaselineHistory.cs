using AiRoi.Domain.Baselines;

namespace AiRoi.Contracts.Api;

/// <summary><c>GET /api/v1/use-cases/{id}/baselines</c>: a use case's baselines.</summary>
/// <param name="Current">The latest version of each metric's baseline: what reports use.</param>
/// <param name="Versions">Every version, newest first per metric.</param>
public sealed record BaselineHistory(IReadOnlyList<BaselineVersion> Current, IReadOnlyList<BaselineVersion> Versions);
