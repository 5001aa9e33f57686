namespace AiRoi.Domain.Tests.Trends;

/// <summary>Comparisons against the reference numbers printed by reference_values.py (mpmath, 40 digits).</summary>
internal static class Approx
{
    /// <summary>
    /// Relative tolerance: far tighter than any difference a reader would notice, loose enough for MathNet's
    /// iterative t quantile and incomplete beta.
    /// </summary>
    public const double Relative = 1e-9;

    /// <summary>Absolute floor for expected zeros, where a relative tolerance means nothing.</summary>
    public const double Absolute = 1e-15;

    public static void Equal(double expected, double actual, string what)
    {
        var error = Math.Abs(actual - expected);
        Assert.True(error <= Math.Max(Relative * Math.Abs(expected), Absolute),
            $"{what}: expected {expected:R} but got {actual:R} (off by {error:E2})");
    }
}
