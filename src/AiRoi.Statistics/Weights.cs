namespace AiRoi.Statistics;

/// <summary>Validation of variant weights, shared by assignment and the sample-ratio check.</summary>
internal static class Weights
{
    // Weights usually arrive as decimals typed by a person (0.333, 0.333, 0.334) or as shares computed in
    // floating point; a sum this close to one is accepted and the last range closes at exactly 1.
    private const double SumTolerance = 1e-6;

    public static void RequireValid(IReadOnlyList<double>? weights, string field)
    {
        Require.NotNull(weights, field);
        if (weights!.Count < 2)
        {
            throw new StatisticsInputException(field, InputProblem.TooFewVariants, $"{field} needs a weight for control and at least one treatment.");
        }

        for (var i = 0; i < weights.Count; i++)
        {
            var item = $"{field}[{i}]";
            Require.Finite(weights[i], item);
            if (weights[i] <= 0)
            {
                throw new StatisticsInputException(item, InputProblem.InvalidWeights, $"{item} must be greater than zero, got {weights[i]}.");
            }
        }

        var sum = weights.Sum();
        if (Math.Abs(sum - 1) > SumTolerance)
        {
            throw new StatisticsInputException(field, InputProblem.InvalidWeights, $"{field} must sum to 1, got {sum}.");
        }
    }

    public static double[] Equal(int count) => Enumerable.Repeat(1.0 / count, count).ToArray();
}
