namespace AiRoi.Statistics.Tests;

/// <summary>Compares with the published reference numbers in docs/statistics-oracles.md.</summary>
internal static class OracleAssert
{
    /// <summary>
    /// The oracle prints gbstats' outputs rounded to 5 decimals (trailing zeros dropped, so 0.0814 is 0.08140);
    /// rounding ours the same way and comparing is exactly the published test.
    /// </summary>
    public const int Decimals = 5;

    public static void Close(double expected, double actual, int decimals = Decimals) =>
        Assert.Equal(expected, actual, decimals);

    public static void Close(double? expected, double? actual, int decimals = Decimals)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected!.Value, actual!.Value, decimals);
    }
}
