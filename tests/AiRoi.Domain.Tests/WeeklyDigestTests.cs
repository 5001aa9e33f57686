using AiRoi.Domain.Digests;
using AiRoi.Domain.Health;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Roi;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Tests;

public class WeeklyDigestTests
{
    [Theory]
    [InlineData("2026-12-03", "2026-11-23")] // Thursday: the week before this one
    [InlineData("2026-12-06", "2026-11-23")] // Sunday: this week is not over yet
    [InlineData("2026-12-07", "2026-11-30")] // Monday: last week has just ended
    public void The_digest_covers_the_last_complete_week_monday_to_sunday(string today, string monday)
    {
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture),
            WeeklyDigest.LastCompleteWeek(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_digest_says_each_use_cases_roi_mistakes_and_new_alerts_with_every_text_encoded()
    {
        var summary = new UseCaseSummary("bot", "Support <b>bot</b>", UseCaseCategory.CustomerService, new BusinessOwner("Ana", "ana@example.com"), false, 120,
            null, [], new RoiFigures { PeriodStart = new DateOnly(2026, 9, 1), PeriodEnd = new DateOnly(2026, 11, 30), Roi = new Estimate(0.5, 0.3, 0.7, 0.1), NetBenefit = new Estimate(1500, 900, 2100, 300) },
            [new HealthFinding(HealthCheck.NoBaseline, "fcrRate has no baseline, so improvement cannot be shown.", new Dictionary<string, string>())]);
        var digest = new WeeklyDigest("Ana", "ana@example.com", new DateOnly(2026, 11, 23), [summary],
            [new DigestEvent("bot", "Target missed: CSAT", "CSAT is 3.9 & falling.", new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero), null)], "EUR");

        var html = digest.ToHtml("https://airoi.example.com/");

        Assert.Equal("AiRoi weekly review, 23 Nov to 29 Nov 2026: 1 use case, 1 new alert", digest.Subject);
        Assert.Contains("Support &lt;b&gt;bot&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bot</b>", html, StringComparison.Ordinal);
        Assert.Contains("ROI 50.0 % over the last 90 days (net benefit 1,500 EUR)", html, StringComparison.Ordinal);
        Assert.Contains("fcrRate has no baseline", html, StringComparison.Ordinal);
        Assert.Contains("2026-11-25: Target missed: CSAT. CSAT is 3.9 &amp; falling.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://airoi.example.com/use-cases/bot\"", html, StringComparison.Ordinal);
    }
}
