namespace AiRoi.Domain.UseCases;

/// <summary>A recurring monthly cost of running a use case that does not scale per task.</summary>
/// <param name="Name">What the cost is (<c>LLM platform licence</c>, <c>prompt engineering team</c>).</param>
/// <param name="Amount">Monthly amount in the use case's currency.</param>
public sealed record FixedCost(string Name, decimal Amount);
