namespace AiRoi.Domain.Trends;

/// <summary>
/// The sufficient statistics of a metric's per-event values in one group of events (a period, a side of a
/// split, the AI-handled events of a stratum): enough for the mean and the sample variance, and two samples
/// add up to the sample of both.
/// </summary>
/// <param name="N">Number of events.</param>
/// <param name="Sum">Sum of the per-event values.</param>
/// <param name="SumOfSquares">Sum of the squared per-event values.</param>
internal readonly record struct EventSample(long N, double Sum, double SumOfSquares)
{
    /// <summary>
    /// Differences below this fraction of the magnitude involved are rounding, not signal. The sum-of-squares
    /// variance formula cancels when the values barely vary (doubles carry about 1e-16 relative error per
    /// addition), so a spread below 1e-12 of the sum of squares (a coefficient of variation under about 1e-6) is
    /// treated as none; the same margin decides whether two means of constant values are equal.
    /// </summary>
    public const double RelativeRoundoff = 1e-12;

    /// <summary>The mean per-event value; NaN without events.</summary>
    public double Mean => N == 0 ? double.NaN : Sum / N;

    /// <summary>The sample variance (n − 1 denominator); 0 with fewer than two events or a spread that is only rounding.</summary>
    public double Variance
    {
        get
        {
            if (N < 2)
            {
                return 0;
            }

            var squaredDeviations = SumOfSquares - Sum * Sum / N;
            return squaredDeviations <= RelativeRoundoff * SumOfSquares ? 0 : squaredDeviations / (N - 1);
        }
    }

    /// <summary>The variance of the mean, Variance / N; NaN without events.</summary>
    public double VarianceOfMean => N == 0 ? double.NaN : Variance / N;

    /// <summary>The sample of both groups together.</summary>
    public EventSample Merge(EventSample other) => new(N + other.N, Sum + other.Sum, SumOfSquares + other.SumOfSquares);

    /// <summary>Whether <paramref name="difference"/> is rounding noise next to values of size <paramref name="magnitude"/>.</summary>
    public static bool IsRoundoff(double difference, double magnitude) =>
        Math.Abs(difference) <= RelativeRoundoff * Math.Abs(magnitude);

    /// <summary>Refuses counts and sums no set of events can have, naming the offending field.</summary>
    public static EventSample Checked(long n, double sum, double sumOfSquares, string field)
    {
        if (n < 0 || !double.IsFinite(sum) || !double.IsFinite(sumOfSquares) || sumOfSquares < 0)
        {
            throw new ArgumentException(
                $"{field} needs N ≥ 0, a finite Sum and a finite, non-negative SumOfSquares (got N={n}, Sum={sum}, SumOfSquares={sumOfSquares}).",
                field);
        }

        return new EventSample(n, sum, sumOfSquares);
    }
}
