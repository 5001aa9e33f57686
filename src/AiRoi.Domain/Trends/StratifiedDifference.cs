using MathNet.Numerics.Distributions;

namespace AiRoi.Domain.Trends;

/// <summary>
/// AI against people on a metric, controlling for case mix. AI is often routed the easy cases (short, routine,
/// low-complexity) while people keep the hard ones, so the raw difference of means flatters the AI even when it
/// does no better on any given kind of case; in the extreme the raw and the like-for-like answers point in
/// opposite directions (Simpson's paradox). Comparing within strata of case difficulty and averaging with fixed
/// weights removes that effect of who got which cases.
/// </summary>
public static class StratifiedDifference
{
    /// <summary>Fewer events leave a group's sample variance, and so the stratum's uncertainty, undefined.</summary>
    private const long MinimumEventsPerGroup = 2;

    /// <summary>The raw and the stratified AI − human difference of a metric's mean, per-stratum detail included.</summary>
    /// <remarks>
    /// <para>
    /// Raw: the AI mean minus the human mean over all events, standard error √(varAI/nAI + varHuman/nHuman) with
    /// sample variances (n − 1).
    /// </para>
    /// <para>
    /// Stratified (direct standardisation): only strata where both groups have at least 2 events take part;
    /// stratum s weighs w_s = (AiN_s + HumanN_s) / (events in those strata), the difference is
    /// Σ w_s (meanAI_s − meanHuman_s) and its standard error √(Σ w_s² (varAI_s/nAI_s + varHuman_s/nHuman_s)).
    /// Weighting by all events of a stratum asks "what would the difference be on our overall case mix".
    /// </para>
    /// <para>
    /// Both use the normal approximation: interval Difference ± z(1 − α/2)·StandardError and a two-sided normal
    /// p-value. A standard error of 0 (every value constant) gives p = 0 for a difference, 1 for none.
    /// </para>
    /// </remarks>
    /// <param name="strata">One entry per stratum; an empty list gives no estimates.</param>
    /// <param name="alpha">Significance level in (0, 1); 0.05 gives 95% intervals.</param>
    /// <exception cref="ArgumentException">A stratum is null, unnamed, or has impossible moments.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is outside (0, 1).</exception>
    public static StratifiedComparison Compare(IReadOnlyList<StratumMoments> strata, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(strata);
        SignificanceLevel.Require(alpha);
        var samples = Samples(strata);

        var allAi = samples.Aggregate(default(EventSample), (total, s) => total.Merge(s.Ai));
        var allHuman = samples.Aggregate(default(EventSample), (total, s) => total.Merge(s.Human));
        var raw = IsUsable(allAi, allHuman)
            ? Estimate(
                allAi.Mean - allHuman.Mean,
                Math.Sqrt(allAi.VarianceOfMean + allHuman.VarianceOfMean),
                Math.Max(Math.Abs(allAi.Mean), Math.Abs(allHuman.Mean)),
                alpha)
            : null;

        var usableEvents = samples.Where(s => IsUsable(s.Ai, s.Human)).Sum(s => s.Ai.N + s.Human.N);
        var differences = new List<StratumDifference>(samples.Count);
        double difference = 0, variance = 0, magnitude = 0;
        long excluded = 0;
        foreach (var (name, ai, human) in samples)
        {
            var weight = 0.0;
            if (IsUsable(ai, human))
            {
                weight = (double)(ai.N + human.N) / usableEvents;
                difference += weight * (ai.Mean - human.Mean);
                variance += weight * weight * (ai.VarianceOfMean + human.VarianceOfMean);
                magnitude = Math.Max(magnitude, Math.Max(Math.Abs(ai.Mean), Math.Abs(human.Mean)));
            }
            else
            {
                excluded += ai.N + human.N;
            }

            double? aiMean = ai.N > 0 ? ai.Mean : null;
            double? humanMean = human.N > 0 ? human.Mean : null;
            differences.Add(new StratumDifference(name, aiMean, humanMean, aiMean - humanMean, weight, ai.N, human.N));
        }

        var stratified = usableEvents > 0 ? Estimate(difference, Math.Sqrt(variance), magnitude, alpha) : null;
        return new StratifiedComparison(raw, stratified, differences, excluded);
    }

    private static bool IsUsable(EventSample ai, EventSample human) =>
        ai.N >= MinimumEventsPerGroup && human.N >= MinimumEventsPerGroup;

    /// <summary>
    /// Interval and p-value of a difference; <paramref name="magnitude"/> is the size of the means involved, to
    /// tell a zero difference from rounding when the standard error is 0.
    /// </summary>
    private static DifferenceEstimate Estimate(double difference, double standardError, double magnitude, double alpha)
    {
        var quantile = Normal.InvCDF(0, 1, 1 - alpha / 2);
        var pValue = standardError > 0
            // The lower tail of −|z| rather than 1 − CDF(|z|): no cancellation when the p-value is tiny.
            ? Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(difference / standardError)))
            : EventSample.IsRoundoff(difference, magnitude) ? 1 : 0;
        return new DifferenceEstimate(
            difference,
            standardError,
            difference - quantile * standardError,
            difference + quantile * standardError,
            pValue);
    }

    private static List<(string Name, EventSample Ai, EventSample Human)> Samples(IReadOnlyList<StratumMoments> strata)
    {
        var samples = new List<(string, EventSample, EventSample)>(strata.Count);
        for (var i = 0; i < strata.Count; i++)
        {
            var field = $"strata[{i}]";
            var s = strata[i];
            if (s is null || string.IsNullOrWhiteSpace(s.Stratum))
            {
                throw new ArgumentException($"{field} needs a stratum name.", nameof(strata));
            }

            samples.Add((
                s.Stratum,
                EventSample.Checked(s.AiN, s.AiSum, s.AiSumOfSquares, field + ".ai"),
                EventSample.Checked(s.HumanN, s.HumanSum, s.HumanSumOfSquares, field + ".human")));
        }

        return samples;
    }
}
