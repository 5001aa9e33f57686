using System.Text.Json.Serialization;

namespace AiRoi.Domain.Rollups;

/// <summary>
/// The sufficient statistics of one measure over a set of events: how many carried it, their sum and their sum
/// of squares. Enough for a mean, a rate (a mean of 0/1 values), a sum and a variance, and two of them add up to
/// the moments of the union, so daily figures roll up to weeks, months and quarters exactly.
/// </summary>
/// <param name="N">Number of values.</param>
/// <param name="Sum">Sum of the values.</param>
/// <param name="SumOfSquares">Sum of the squared values.</param>
public readonly record struct Moments(long N, double Sum, double SumOfSquares)
{
    /// <summary>These moments with one more value.</summary>
    public Moments Add(double value) => new(N + 1, Sum + value, SumOfSquares + value * value);

    /// <summary>The moments of both sets together.</summary>
    public Moments Merge(Moments other) => new(N + other.N, Sum + other.Sum, SumOfSquares + other.SumOfSquares);

    /// <summary>The mean; NaN without values.</summary>
    [JsonIgnore]
    public double Mean => N == 0 ? double.NaN : Sum / N;

    /// <summary>
    /// The sample variance (n − 1 denominator); 0 with fewer than two values. Clamped at 0: with values that are
    /// all equal, rounding can make the textbook formula come out a hair below zero.
    /// </summary>
    [JsonIgnore]
    public double Variance => N < 2 ? 0 : Math.Max(0, (SumOfSquares - Sum * Sum / N) / (N - 1));

    /// <summary>The standard error of the mean; NaN without values.</summary>
    [JsonIgnore]
    public double StandardError => N == 0 ? double.NaN : Math.Sqrt(Variance / N);
}
