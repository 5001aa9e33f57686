using MathNet.Numerics;

namespace AiRoi.Statistics;

/// <summary>
/// Sample ratio mismatch: when the units per variant depart from the configured weights by more than chance
/// allows, assignment or tracking is broken and the experiment's results cannot be trusted.
/// </summary>
public static class SampleRatioMismatch
{
    /// <summary>
    /// p-value below which the split is flagged. Deliberately strict (GrowthBook and the industry default):
    /// the check runs on every refresh of every experiment, and a false alarm discards a valid experiment.
    /// </summary>
    public const double Threshold = 0.001;

    /// <summary>χ² goodness of fit of <paramref name="units"/> against <paramref name="weights"/>.</summary>
    /// <param name="units">Units observed per variant (≥ 0, not all zero).</param>
    /// <param name="weights">Configured share per variant (each &gt; 0, summing to 1), in the same order.</param>
    /// <exception cref="StatisticsInputException">Counts or weights are invalid or of different lengths.</exception>
    public static SampleRatioCheck Check(IReadOnlyList<long> units, IReadOnlyList<double> weights)
    {
        Require.NotNull(units, "units");
        Weights.RequireValid(weights, "weights");
        if (units.Count != weights.Count)
        {
            throw new StatisticsInputException(
                "weights", InputProblem.LengthMismatch, $"There are {units.Count} variants but {weights.Count} weights.");
        }

        for (var i = 0; i < units.Count; i++)
        {
            if (units[i] < 0)
            {
                throw new StatisticsInputException($"units[{i}]", InputProblem.OutOfRange, $"units[{i}] must not be negative, got {units[i]}.");
            }
        }

        // Summed as doubles: a long sum of huge counts would overflow, and χ² is computed in doubles anyway.
        var total = units.Sum(count => (double)count);
        if (total == 0)
        {
            throw new StatisticsInputException("units", InputProblem.TooFewUnits, "No units have been observed yet, so the split cannot be checked.");
        }

        var chiSquare = 0.0;
        for (var i = 0; i < units.Count; i++)
        {
            var expected = total * weights[i];
            chiSquare += Math.Pow(units[i] - expected, 2) / expected;
        }

        var degreesOfFreedom = units.Count - 1;

        // The χ² survival function is the upper regularised gamma Q(k/2, x/2); computed directly it keeps its
        // precision for tiny p-values, where 1 − ChiSquared.CDF would cancel to zero.
        var pValue = SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, chiSquare / 2);
        return new SampleRatioCheck(chiSquare, degreesOfFreedom, pValue, pValue < Threshold);
    }
}
