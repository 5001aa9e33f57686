namespace AiRoi.Statistics;

/// <summary>The outcome of a "do no harm" check on a guardrail metric.</summary>
public enum GuardrailVerdict
{
    /// <summary>The whole interval is better than the tolerated degradation: the treatment does no meaningful harm.</summary>
    NonInferior,
    /// <summary>The interval straddles the tolerated degradation: not enough data to tell.</summary>
    Inconclusive,
    /// <summary>The whole interval is worse than the tolerated degradation: the treatment does harm.</summary>
    Degraded,
}
