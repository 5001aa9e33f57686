namespace AiRoi.Domain.Baselines;

/// <summary>What setting a baseline came to: the new version, or the rules it broke.</summary>
/// <param name="Version">The stored version; null when refused.</param>
/// <param name="Errors">Why it was refused; empty when stored.</param>
public sealed record BaselineOutcome(BaselineVersion? Version, IReadOnlyList<ValidationError> Errors);
