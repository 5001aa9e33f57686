using AiRoi.Domain.Rollups;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiRoi.Domain.Tests.Rollups;

/// <summary>The DDSketch behind p50 and p90: its accuracy promise, and that its buckets are plain counts.</summary>
public class QuantileSketchTests
{
    /// <summary>The promised relative accuracy, with room for the last bits of a logarithm.</summary>
    private const double Tolerance = 0.02 * (1 + 1e-9);

    /// <summary>
    /// Values from −9,999,000 to 9,999,000 with four significant digits, zero included, and never closer to zero
    /// than a thousandth (the smallest value the sketch tells from zero).
    /// </summary>
    private static readonly Gen<double> Value =
        from mantissa in Gen.Choose(-9_999, 9_999)
        from exponent in Gen.Choose(-3, 3)
        select mantissa * Math.Pow(10, exponent);

    private static readonly Arbitrary<double[]> Values = Value.ArrayOf().Where(values => values.Length > 0).ToArbitrary();

    private static readonly Arbitrary<double[]> AnyValues = Value.ArrayOf().ToArbitrary();

    private static QuantileSketch SketchOf(IEnumerable<double> values)
    {
        var sketch = new QuantileSketch();
        foreach (var value in values)
        {
            sketch.Add(value);
        }
        return sketch;
    }

    private static bool Within(double estimate, double exact) =>
        exact == 0 ? estimate == 0 : Math.Abs(estimate - exact) <= Tolerance * Math.Abs(exact);

    [Property(MaxTest = 300)]
    public Property Every_rank_reads_back_within_two_percent_of_the_exact_value() =>
        Prop.ForAll(Values, values =>
        {
            var sketch = SketchOf(values);
            var sorted = values.Order().ToArray();
            return Enumerable.Range(0, sorted.Length).All(rank => Within(sketch.ValueAtRank(rank), sorted[rank]))
                .Label($"sorted: [{string.Join(", ", sorted)}]");
        });

    [Property(MaxTest = 300)]
    public Property Every_quantile_is_within_two_percent_of_the_exact_quantile() =>
        Prop.ForAll(Values, Gen.Choose(0, 1000).ToArbitrary(), (values, permille) =>
        {
            var q = permille / 1000.0;
            var sorted = values.Order().ToArray();
            // The exact quantile: the element at 0-based rank ⌊q·(n − 1)⌋, the lower middle for an even median.
            var exact = sorted[(int)Math.Floor(q * (sorted.Length - 1))];
            return Within(SketchOf(values).Quantile(q), exact).Label($"q = {q}, exact {exact}, values [{string.Join(", ", sorted)}]");
        });

    [Property(MaxTest = 200)]
    public Property Merging_two_sketches_gives_the_sketch_of_the_union() =>
        Prop.ForAll(AnyValues, AnyValues, (first, second) =>
        {
            var merged = SketchOf(first);
            merged.Merge(SketchOf(second));
            return SameBuckets(SketchOf(first.Concat(second)), merged);
        });

    [Property(MaxTest = 200)]
    public Property Adding_values_in_any_order_gives_identical_bucket_counts() =>
        Prop.ForAll(AnyValues, Gen.Choose(0, int.MaxValue).ToArbitrary(), (values, seed) =>
        {
            var shuffled = values.ToArray();
            new Random(seed).Shuffle(shuffled);
            var reference = SketchOf(values);
            return SameBuckets(reference, SketchOf(shuffled))
                && SameBuckets(reference, SketchOf(values.Order()))
                && SameBuckets(reference, SketchOf(values.Reverse()));
        });

    [Fact]
    public void Negative_values_zeros_and_positive_values_read_back_in_order()
    {
        var sketch = SketchOf([5, -100, 0, 0.0004, -0.0004, 2, -3, 0]);

        // Sorted: −100, −3, 0, 0, 0 (0.0004 and −0.0004 count as zero), 0, 2, 5.
        Assert.Equal(8, sketch.Count);
        Assert.Equal(4, sketch.ZeroCount);
        Assert.True(Within(sketch.ValueAtRank(0), -100));
        Assert.True(Within(sketch.ValueAtRank(1), -3));
        Assert.Equal(0, sketch.ValueAtRank(2));
        Assert.Equal(0, sketch.ValueAtRank(5));
        Assert.True(Within(sketch.ValueAtRank(6), 2));
        Assert.True(Within(sketch.ValueAtRank(7), 5));
        // Median of 8 values: rank ⌊0.5 × 7⌋ = 3, a zero; q = 0 and q = 1 are the extremes.
        Assert.Equal(0, sketch.Quantile(0.5));
        Assert.True(Within(sketch.Quantile(0), -100));
        Assert.True(Within(sketch.Quantile(1), 5));
    }

    [Fact]
    public void An_empty_sketch_has_no_quantile_and_non_numbers_are_not_values()
    {
        var sketch = SketchOf([double.NaN, double.PositiveInfinity, double.NegativeInfinity]);

        Assert.Equal(0, sketch.Count);
        Assert.True(double.IsNaN(sketch.Quantile(0.5)));
    }

    [Fact]
    public void A_clone_shares_no_buckets_with_its_original()
    {
        var original = SketchOf([1, 2, 3]);
        var clone = original.Clone();
        clone.Add(1_000);

        Assert.Equal(3, original.Count);
        Assert.Equal(4, clone.Count);
        Assert.True(Within(original.Quantile(1), 3));
    }

    private static bool SameBuckets(QuantileSketch expected, QuantileSketch actual) =>
        expected.ZeroCount == actual.ZeroCount && SameStore(expected.Positive, actual.Positive) && SameStore(expected.Negative, actual.Negative);

    private static bool SameStore(BucketStore expected, BucketStore actual) =>
        expected.Total == actual.Total
        && (expected.Total == 0 || (expected.Offset == actual.Offset && expected.Counts.SequenceEqual(actual.Counts)));
}
