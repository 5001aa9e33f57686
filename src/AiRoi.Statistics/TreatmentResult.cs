namespace AiRoi.Statistics;

/// <summary>One treatment compared with control.</summary>
/// <param name="VariantIndex">Index of the treatment in the request (1 for the first treatment).</param>
/// <param name="Effect">The effect and its variance before inference, with both arms' observed means.</param>
/// <param name="Lift">Estimate, interval and the method's decision aids.</param>
public sealed record TreatmentResult(int VariantIndex, EffectMoments Effect, LiftEstimate Lift);
