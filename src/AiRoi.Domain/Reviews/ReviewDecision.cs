namespace AiRoi.Domain.Reviews;

/// <summary>What a review decided about a use case. Wire names: <c>keep</c>, <c>adjust</c>, <c>retire</c>.</summary>
public enum ReviewDecision
{
    /// <summary>It pays off; carry on.</summary>
    Keep = 1,

    /// <summary>Worth it with changes (prompts, scope, routing, targets).</summary>
    Adjust = 2,

    /// <summary>Not worth it; wind it down.</summary>
    Retire = 3,
}
