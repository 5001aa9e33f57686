using AiRoi.Domain.Roi;
using AiRoi.Domain.Tests.Trends;

namespace AiRoi.Domain.Tests.Roi;

/// <summary>The portfolio example of docs/metrics.md, section "Portfolio totals".</summary>
public class PortfolioRoiTests
{
    private const double Z = EventLog.Z;

    /// <summary>docs/metrics.md, "Portfolio totals" → "Example 4: two use cases in April".</summary>
    [Fact]
    public void Example_4_the_portfolio_adds_the_support_chatbot_and_the_sdr_email_writer()
    {
        var chatbot = RoiCalculator.Compute(RoiExampleTests.Example1Inputs());
        var writer = RoiCalculator.Compute(RoiExampleTests.Example3Inputs());

        var portfolio = PortfolioRoi.Add([chatbot, writer]);

        // Standard errors of the two use cases' figures, from examples 1 and 3.
        var chatbotRevenueError = Math.Sqrt(1_017.75 / 99_990_000 + 0.003 * 0.003) * 2_000_000;
        var writerRevenueError = 0.016 / (2 * Z) * 2_000_000;

        Assert.Equal(2, portfolio.UseCases);

        // Savings: only the chatbot has them: 30,000 ± 1.96 × 500.
        Approx.Equal(30_000, portfolio.Savings.Value, "savings");
        Approx.Equal(500, portfolio.Savings.StandardError, "savings SE");

        // Revenue lift: 30,000 + 24,000 = 54,000, SE √(8,758.66² + 8,163.42²) = 11,973.11.
        var revenueError = Math.Sqrt(chatbotRevenueError * chatbotRevenueError + writerRevenueError * writerRevenueError);
        Approx.Equal(11_973.112416730006, revenueError, "revenue SE as the document rounds it");
        Approx.Equal(54_000, portfolio.RevenueLift.Value, "revenue lift");
        Approx.Equal(revenueError, portfolio.RevenueLift.StandardError, "revenue SE");
        // Summing makes the interval symmetric: the experiment's own asymmetric ends are not carried into totals.
        Approx.Equal(54_000 - Z * revenueError, portfolio.RevenueLift.Low, "revenue low");

        // Time saved: only the chatbot has a resolution-time baseline: 2,500 h ± 1.96 × 10.
        Approx.Equal(2_500, portfolio.TimeSavedHours.Value, "time saved");
        Approx.Equal(10, portfolio.TimeSavedHours.StandardError, "time saved SE");

        // Fixed costs 20,000 + 20,000; net 30,000 + 54,000 − 40,000 = 44,000, SE √(500² + 11,973.11²) = 11,983.55.
        Assert.Equal(40_000, portfolio.FixedCosts);
        var netError = Math.Sqrt(500 * 500 + revenueError * revenueError);
        Approx.Equal(11_983.547928040936, netError, "net SE as the document rounds it");
        Approx.Equal(44_000, portfolio.NetBenefit.Value, "net benefit");
        Approx.Equal(netError, portfolio.NetBenefit.StandardError, "net SE");
        Approx.Equal(20_512.677654030183, portfolio.NetBenefit.Low, "net low");
        Approx.Equal(67_487.32234596982, portfolio.NetBenefit.High, "net high");

        // ROI 44,000 / 40,000 = 1.1, interval [0.513, 1.687].
        Assert.NotNull(portfolio.Roi);
        Approx.Equal(1.1, portfolio.Roi.Value, "ROI");
        Approx.Equal(0.5128169413507546, portfolio.Roi.Low, "ROI low");
        Approx.Equal(1.6871830586492456, portfolio.Roi.High, "ROI high");
    }

    /// <summary>docs/metrics.md, "Portfolio totals": a use case without benefit figures still adds its fixed costs.</summary>
    [Fact]
    public void A_use_case_without_any_baseline_still_adds_its_fixed_costs()
    {
        var chatbot = RoiCalculator.Compute(RoiExampleTests.Example1Inputs());
        var unmeasured = RoiCalculator.Compute(RoiExampleTests.Example1Inputs() with
        {
            CostBaseline = null,
            ResolutionTimeBaseline = null,
            ConversionRateBaseline = null,
        });
        Assert.Null(unmeasured.NetBenefit);

        var portfolio = PortfolioRoi.Add([chatbot, unmeasured]);

        // 60,000 of benefit against 40,000 of fixed costs: net 20,000, ROI 0.5 (the chatbot alone shows 2.0).
        Assert.Equal(40_000, portfolio.FixedCosts);
        Approx.Equal(20_000, portfolio.NetBenefit.Value, "net benefit");
        Approx.Equal(0.5, portfolio.Roi!.Value, "ROI");
        // Two use cases live; one of them has an ROI figure.
        Assert.Equal((2, 1), (portfolio.UseCases, portfolio.WithRoi));
    }
}
