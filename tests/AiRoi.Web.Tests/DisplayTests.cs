using AiRoi.Domain.Metrics;
using AiRoi.Web.Components.Portfolio;
using AiRoi.Web.Display;

namespace AiRoi.Web.Tests;

public sealed class DisplayTests
{
    [Theory]
    [InlineData(0.7234, MetricUnit.Ratio, "72.3 %")]
    [InlineData(4.4412, MetricUnit.Currency, "4.44")]
    [InlineData(12345.6, MetricUnit.Currency, "12,346")]
    [InlineData(45, MetricUnit.Seconds, "45 s")]
    [InlineData(900, MetricUnit.Seconds, "15 min")]
    [InlineData(7200, MetricUnit.Seconds, "2 h")]
    [InlineData(30, MetricUnit.Minutes, "30 min")]
    [InlineData(4.123, MetricUnit.Rating, "4.12")]
    [InlineData(35, MetricUnit.NetPromoterScore, "+35.0")]
    [InlineData(-12, MetricUnit.NetPromoterScore, "-12.0")]
    [InlineData(1234, MetricUnit.Count, "1,234")]
    public void A_figure_reads_in_its_unit(double value, MetricUnit unit, string expected) =>
        Assert.Equal(expected, Figures.Metric(value, unit));

    [Fact]
    public void No_figure_and_no_finite_figure_read_as_a_dash()
    {
        Assert.Equal(Figures.None, Figures.Metric(null, MetricUnit.Ratio));
        Assert.Equal(Figures.None, Figures.Metric(double.NaN, MetricUnit.Ratio));
        Assert.Equal(Figures.None, Figures.Change(null, MetricUnit.Currency));
    }

    [Fact]
    public void A_change_in_a_rate_is_in_percentage_points_with_its_sign()
    {
        Assert.Equal("+5.0 pp", Figures.Change(0.05, MetricUnit.Ratio));
        Assert.Equal("−40.20", Figures.Change(-40.2, MetricUnit.Currency));
        Assert.Equal("−1.5 min", Figures.Change(-90, MetricUnit.Seconds));
    }

    [Fact]
    public void The_portfolio_filter_keeps_only_values_the_api_knows_and_round_trips_through_the_address()
    {
        var filter = PortfolioFilter.From("sales", " Ana ", "no-baseline", "roi", "desc");
        Assert.Equal("/?category=sales&owner=Ana&health=no-baseline&sort=roi&order=desc", filter.ToUri());
        Assert.Equal(new Backends.PortfolioQuery("sales", "Ana", "no-baseline", "roi", "desc"), filter.ToQuery());

        var junk = PortfolioFilter.From("astrology", "", "happy", "color", "sideways");
        Assert.Equal(new PortfolioFilter(null, null, null, "name", "asc"), junk);
        Assert.Equal("/", junk.ToUri());
    }
}
