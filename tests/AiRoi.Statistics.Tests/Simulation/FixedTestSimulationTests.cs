using Xunit.Abstractions;
using MathNet.Numerics.Distributions;

namespace AiRoi.Statistics.Tests.Simulation;

/// <summary>
/// The fixed-horizon test on the product's default scale (relative lift of proportions), checked by simulation with
/// a fixed seed: its false-positive rate when nothing differs, on both sides, from ten conversions an arm up, and the
/// power it achieves at the sample the power analysis plans. Failures print the measured figure.
/// </summary>
public class FixedTestSimulationTests(ITestOutputHelper output)
{
    private static (double Lower, double Upper, int Refused) AaRejections(double rate, long units, int repetitions, int seed)
    {
        var random = new Random(seed);
        int lower = 0, upper = 0, refused = 0;
        for (var i = 0; i < repetitions; i++)
        {
            var control = new ProportionStatistic(units, Binomial.Sample(random, rate, (int)units));
            var treatment = new ProportionStatistic(units, Binomial.Sample(random, rate, (int)units));
            try
            {
                var lift = ExperimentAnalyzer.Analyze(new AnalysisRequest([control, treatment])).Treatments[0].Lift;
                lower += lift.CiUpper < 0 ? 1 : 0;
                upper += lift.CiLower > 0 ? 1 : 0;
            }
            catch (StatisticsInputException)
            {
                // An arm without conversions has no relative lift to test: no rejection.
                refused++;
            }
        }
        return ((double)lower / repetitions, (double)upper / repetitions, refused);
    }

    [Theory]
    [InlineData(0.10, 100)]   // ten conversions an arm
    [InlineData(0.05, 200)]
    [InlineData(0.50, 20)]
    [InlineData(0.10, 1000)]  // a hundred conversions, where the delta method still rejects 4.1 % below and 1.1 % above
    [InlineData(0.10, 5000)]
    public void An_AA_test_rejects_five_percent_of_the_time_split_evenly_between_the_tails(double rate, long units)
    {
        var (lower, upper, refused) = AaRejections(rate, units, Simulations.Repetitions(40_000), seed: 20261203);
        var total = lower + upper;

        output.WriteLine($"A/A false-positive rate {total:P2} (below {lower:P2}, above {upper:P2}, {refused} refused)");

        Assert.True(total is >= 0.035 and <= 0.065, $"A/A false-positive rate {total:P2} (below {lower:P2}, above {upper:P2}, {refused} refused)");
        output.WriteLine($"Tails: {lower:P2} below and {upper:P2} above zero (at most 1.5 times apart)");
        Assert.True(Math.Max(lower, upper) <= 1.5 * Math.Min(lower, upper), $"Tails: {lower:P2} below and {upper:P2} above zero (at most 1.5 times apart)");
    }

    [Theory]
    [InlineData(0.10, 0.10)]
    [InlineData(0.30, -0.05)]
    public void The_planned_sample_achieves_the_planned_power(double control, double lift)
    {
        var units = (long)Math.Ceiling(PowerAnalysis.UnitsPerVariantNeeded(PowerPlan.ForConversionRate(control), lift, Difference.Relative));
        var random = new Random(20261204);
        var repetitions = Simulations.Repetitions(10_000);
        var detected = 0;
        for (var i = 0; i < repetitions; i++)
        {
            var request = new AnalysisRequest([
                new ProportionStatistic(units, Binomial.Sample(random, control, (int)units)),
                new ProportionStatistic(units, Binomial.Sample(random, control * (1 + lift), (int)units)),
            ]);
            var interval = ExperimentAnalyzer.Analyze(request).Treatments[0].Lift;
            detected += (lift > 0 ? interval.CiLower > 0 : interval.CiUpper < 0) ? 1 : 0;
        }
        var power = (double)detected / repetitions;

        output.WriteLine($"Achieved power {power:P2} at {units:N0} units an arm (planned 80 %)");

        Assert.True(power is >= 0.785 and <= 0.815, $"Achieved power {power:P2} at {units:N0} units an arm (planned 80 %)");
    }
}
