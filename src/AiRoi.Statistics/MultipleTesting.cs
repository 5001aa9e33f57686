namespace AiRoi.Statistics;

/// <summary>
/// Adjusts p-values when many metrics or variants are tested at once, so that "something is significant"
/// is not just the luck of many draws. Results come back in input order.
/// </summary>
public static class MultipleTesting
{
    /// <summary>
    /// Holm–Bonferroni step-down: controls the family-wise error rate (chance of any false positive) under any
    /// dependence. The k-th smallest p-value is multiplied by (m − k + 1), then made non-decreasing in rank.
    /// </summary>
    /// <exception cref="StatisticsInputException">A p-value is not a number in [0, 1].</exception>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        var order = RankAscending(pValues);
        var m = order.Length;
        var adjusted = new double[m];
        var runningMax = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var index = order[rank];
            runningMax = Math.Max(runningMax, Math.Min(1, (m - rank) * pValues[index]));
            adjusted[index] = runningMax;
        }

        return adjusted;
    }

    /// <summary>
    /// Benjamini–Hochberg step-up: controls the false discovery rate (expected share of false positives among
    /// discoveries). The k-th smallest p-value is multiplied by m/k, then made non-decreasing in rank from the top.
    /// </summary>
    /// <exception cref="StatisticsInputException">A p-value is not a number in [0, 1].</exception>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        var order = RankAscending(pValues);
        var m = order.Length;
        var adjusted = new double[m];
        var runningMin = 1.0;
        for (var rank = m - 1; rank >= 0; rank--)
        {
            var index = order[rank];
            runningMin = Math.Min(runningMin, (double)m / (rank + 1) * pValues[index]);
            adjusted[index] = runningMin;
        }

        return adjusted;
    }

    /// <summary>Indices of <paramref name="pValues"/> from smallest to largest p; ties keep input order.</summary>
    private static int[] RankAscending(IReadOnlyList<double> pValues)
    {
        Require.NotNull(pValues, "pValues");
        for (var i = 0; i < pValues.Count; i++)
        {
            var field = $"pValues[{i}]";
            Require.Finite(pValues[i], field);
            if (pValues[i] < 0 || pValues[i] > 1)
            {
                throw new StatisticsInputException(field, InputProblem.OutOfRange, $"{field} must lie between 0 and 1, got {pValues[i]}.");
            }
        }

        return Enumerable.Range(0, pValues.Count).OrderBy(i => pValues[i]).ToArray();
    }
}
