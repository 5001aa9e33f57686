namespace AiRoi.Statistics;

/// <summary>A conversion metric: how many of <paramref name="N"/> units converted.</summary>
/// <param name="N">Units exposed to the variant.</param>
/// <param name="Conversions">Units that converted (0 ≤ conversions ≤ n).</param>
public sealed record ProportionStatistic(long N, long Conversions) : SampleStatistic(N)
{
    /// <inheritdoc />
    public override MetricKind Kind => MetricKind.Proportion;

    internal override ArmMoments Moments(string field)
    {
        Require.Units(N, $"{field}.n");
        if (Conversions < 0 || Conversions > N)
        {
            throw new StatisticsInputException(
                $"{field}.conversions",
                InputProblem.OutOfRange,
                $"{field}.conversions must lie between 0 and n ({N}), got {Conversions}.");
        }

        var rate = (double)Conversions / N;

        // Bernoulli variance p(1 − p), not the n − 1 sample variance: the convention the reference cases in docs/statistics-oracles.md assume.
        return new ArmMoments(N, rate, rate * (1 - rate));
    }
}
