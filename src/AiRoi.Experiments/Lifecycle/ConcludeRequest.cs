using AiRoi.Domain.Experiments;

namespace AiRoi.Experiments.Lifecycle;

/// <summary>The body of <c>POST /api/v1/experiments/{id}/conclude</c>.</summary>
public sealed record ConcludeRequest
{
    /// <summary>Required. <c>ship</c>, <c>roll-back</c> or <c>keep-running</c>.</summary>
    public ExperimentDecision? Decision { get; init; }

    /// <summary>For ship: the treatment rolled out; may be left out when the experiment has one treatment.</summary>
    public string? Variant { get; init; }

    /// <summary>Why, at most 2,000 characters.</summary>
    public string? Note { get; init; }
}
