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
        Assert.Equal(new PortfolioFilter(null, null, null, "name", "asc", Components.Ranges.ViewPeriod.Usual), junk);
        Assert.Equal("/", junk.ToUri());
    }

    [Fact]
    public void A_chosen_period_goes_into_the_address_as_iso_days_and_back()
    {
        var today = new DateOnly(2026, 12, 3);
        var period = Components.Ranges.ViewPeriod.Parse("2026-09-01", "2026-11-30", "previous", today);
        var filter = PortfolioFilter.From(null, null, null, "roi", "desc", period);

        Assert.Equal("/?sort=roi&order=desc&from=2026-09-01&to=2026-11-30&compare=previous", filter.ToUri());
        Assert.Equal(new DateOnly(2026, 9, 1), filter.ToQuery().From);
        Assert.Equal(91, period.Days(today));
        // The period before has the same length and ends the day before.
        Assert.Equal(new Components.Ranges.ViewPeriod(new DateOnly(2026, 6, 2), new DateOnly(2026, 8, 31), false), period.Previous(today));
    }

    [Theory]
    [InlineData("2026-13-01", null)]
    [InlineData("2026-11-30", "2026-09-01")]
    [InlineData("1990-01-01", "2026-12-01")]
    [InlineData("", "2026-12-01")]
    public void A_mangled_period_in_the_address_falls_back_to_the_usual_window(string from, string? to)
    {
        Assert.Equal(Components.Ranges.ViewPeriod.Usual, Components.Ranges.ViewPeriod.Parse(from, to, "previous", new DateOnly(2026, 12, 3)));
    }

    [Theory]
    [InlineData("last-quarter", "2026-07-01", "2026-09-30")]
    [InlineData("this-quarter", "2026-10-01", "2026-12-03")]
    [InlineData("year-to-date", "2026-01-01", "2026-12-03")]
    [InlineData("last-30-days", "2026-11-04", "2026-12-03")]
    public void Ready_made_periods_end_where_their_names_say(string key, string from, string to)
    {
        var period = Components.Ranges.ViewPeriod.Preset(key, new DateOnly(2026, 12, 3), compare: false)!;
        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)),
            (period.From!.Value, period.To!.Value));
    }
}
