using MathNet.Numerics.Distributions;

namespace AiRoi.Statistics.Tests.Simulation;

/// <summary>
/// The fixed-horizon test on the product's default scale (relative lift of proportions), checked by simulation with
/// a fixed seed: its false-positive rate when nothing differs, on both sides, at ten to twenty-five conversions an
/// arm. Failures print the measured figure.
/// </summary>
public class FixedTestSimulationTests
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
    [InlineData(0.10, 250)]   // 25 conversions, where the log scale gives way to the delta method
    public void An_AA_test_rejects_five_percent_of_the_time_split_evenly_between_the_tails(double rate, long units)
    {
        var (lower, upper, refused) = AaRejections(rate, units, Simulations.Repetitions(40_000), seed: 20261203);
        var total = lower + upper;

        Assert.True(total is >= 0.035 and <= 0.065, $"A/A false-positive rate {total:P2} (below {lower:P2}, above {upper:P2}, {refused} refused)");
        Assert.True(Math.Max(lower, upper) <= 1.5 * Math.Min(lower, upper), $"Tails {lower:P2} below and {upper:P2} above zero are lopsided");
    }
}
