namespace AiRoi.Experiments.Analysis;

/// <summary>Whether the units per variant match the expected weights (a χ² goodness-of-fit test).</summary>
/// <param name="PValue">Probability of a split at least this uneven if assignment works as configured.</param>
/// <param name="Mismatch">True when <c>pValue</c> is below 0.001: assignment or tracking is broken and the lifts cannot be trusted.</param>
public sealed record SampleRatioVerdict(double PValue, bool Mismatch);
