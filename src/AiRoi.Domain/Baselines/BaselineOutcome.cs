namespace AiRoi.Domain.Baselines;

/// <summary>What setting a baseline came to: the new version, or the rules it broke.</summary>
/// <param name="Version">The version to store; null when refused.</param>
/// <param name="Errors">Why it was refused; empty otherwise.</param>
public sealed record BaselineOutcome(BaselineVersion? Version, IReadOnlyList<ValidationError> Errors);
