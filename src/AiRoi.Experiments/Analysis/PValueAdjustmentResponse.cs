namespace AiRoi.Experiments.Analysis;

/// <summary>Adjusted p-values.</summary>
/// <param name="Adjusted">One adjusted p-value per input p-value, in input order.</param>
public sealed record PValueAdjustmentResponse(IReadOnlyList<double> Adjusted);
