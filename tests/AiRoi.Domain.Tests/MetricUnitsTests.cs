using AiRoi.Domain.Metrics;

namespace AiRoi.Domain.Tests;

public class MetricUnitsTests
{
    [Theory]
    [InlineData(MetricUnit.Ratio, 0, true)]
    [InlineData(MetricUnit.Ratio, 1, true)]
    [InlineData(MetricUnit.Ratio, 1.01, false)]
    [InlineData(MetricUnit.Ratio, -0.01, false)]
    [InlineData(MetricUnit.Rating, 1, true)]
    [InlineData(MetricUnit.Rating, 5, true)]
    [InlineData(MetricUnit.Rating, 0.99, false)]
    [InlineData(MetricUnit.Rating, 5.01, false)]
    [InlineData(MetricUnit.NetPromoterScore, -100, true)]
    [InlineData(MetricUnit.NetPromoterScore, 100, true)]
    [InlineData(MetricUnit.NetPromoterScore, 100.5, false)]
    [InlineData(MetricUnit.NetPromoterScore, -100.5, false)]
    [InlineData(MetricUnit.Seconds, 0, true)]
    [InlineData(MetricUnit.Seconds, -1, false)]
    [InlineData(MetricUnit.Minutes, -1, false)]
    [InlineData(MetricUnit.Days, -1, false)]
    [InlineData(MetricUnit.Currency, -0.01, false)]
    [InlineData(MetricUnit.Count, -1, false)]
    [InlineData(MetricUnit.Currency, 1e12, true)]
    [InlineData(MetricUnit.Score, -1e6, true)]
    [InlineData(MetricUnit.Score, double.NaN, false)]
    [InlineData(MetricUnit.Currency, double.PositiveInfinity, false)]
    public void Each_unit_has_its_range(MetricUnit unit, double value, bool inside)
    {
        Assert.Equal(inside, MetricUnits.Contains(unit, value));
    }
}
