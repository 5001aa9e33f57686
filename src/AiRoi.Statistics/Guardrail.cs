namespace AiRoi.Statistics;

/// <summary>
/// Non-inferiority ("do no harm") check for a guardrail metric: the treatment may move the metric in its bad
/// direction by at most a tolerated amount. Uses the two-sided 1 − α interval of the lift, which makes the
/// one-sided test conservative at level α/2; with a sequential interval the check may be repeated at every look.
/// </summary>
public static class Guardrail
{
    /// <summary>Judges <paramref name="lift"/> against a tolerated degradation in the metric's bad direction.</summary>
    /// <param name="lift">The guardrail metric's lift, on the same scale as <paramref name="toleratedDegradation"/>.</param>
    /// <param name="toleratedDegradation">How far the metric may move in its bad direction (≥ 0); 0.02 with a relative lift means 2%.</param>
    /// <param name="direction">Which direction of the metric is good.</param>
    /// <exception cref="StatisticsInputException">The tolerance is negative or not finite.</exception>
    public static GuardrailVerdict Check(LiftEstimate lift, double toleratedDegradation, MetricDirection direction)
    {
        Require.NotNull(lift, "lift");
        Require.NonNegative(toleratedDegradation, "toleratedDegradation");

        // Turn a lower-is-better metric into a higher-is-better one so one rule serves both.
        var (worst, best) = direction == MetricDirection.HigherIsBetter
            ? (lift.CiLower, lift.CiUpper)
            : (-lift.CiUpper, -lift.CiLower);
        var limit = -toleratedDegradation;
        if (worst > limit)
        {
            return GuardrailVerdict.NonInferior;
        }

        return best < limit ? GuardrailVerdict.Degraded : GuardrailVerdict.Inconclusive;
    }
}
