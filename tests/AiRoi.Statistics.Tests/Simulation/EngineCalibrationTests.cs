using Xunit.Abstractions;
using MathNet.Numerics.Distributions;

namespace AiRoi.Statistics.Tests.Simulation;

/// <summary>
/// The engine's error rates and calibration, measured on simulated experiments with fixed seeds: a fixed-horizon
/// A/A test on means, skewed means, ratios and CUPED rejects about 5 % of the time; the sequential test stays under
/// 5 % although it is read at 30 looks; 95 % intervals cover a real effect 93–97 % of the time; the Bayesian chance
/// to win is uniform when nothing differs; the sample-ratio p-value is uniform when the split is right. Each prints
/// the measured figure when it fails.
/// </summary>
public class EngineCalibrationTests(ITestOutputHelper output)
{
    private const double FalsePositiveLow = 0.035, FalsePositiveHigh = 0.065;

    /// <summary>Sums of one arm, built one unit at a time.</summary>
    private sealed class Arm
    {
        private long n;
        private double sum, sumSquares, preSum, preSumSquares, products, denominatorSum, denominatorSquares, ratioProducts;

        public void Add(double value, double covariate = 0, double denominator = 0)
        {
            n++;
            sum += value;
            sumSquares += value * value;
            preSum += covariate;
            preSumSquares += covariate * covariate;
            products += value * covariate;
            denominatorSum += denominator;
            denominatorSquares += denominator * denominator;
            ratioProducts += value * denominator;
        }

        public MeanStatistic Mean() => new(n, sum, sumSquares);

        public MeanStatistic Cuped() => new(n, sum, sumSquares, new CupedCovariate(preSum, preSumSquares, products));

        public RatioStatistic Ratio() => new(n, sum, sumSquares, denominatorSum, denominatorSquares, ratioProducts);
    }

    private static double AaRate(int seed, Func<Random, (SampleStatistic Control, SampleStatistic Treatment)> experiment, AnalysisMethod method = AnalysisMethod.Frequentist)
    {
        var random = new Random(seed);
        var repetitions = Simulations.Repetitions(4_000);
        var rejected = 0;
        for (var i = 0; i < repetitions; i++)
        {
            var (control, treatment) = experiment(random);
            var lift = ExperimentAnalyzer.Analyze(new AnalysisRequest([control, treatment], method)).Treatments[0].Lift;
            rejected += lift.CiLower > 0 || lift.CiUpper < 0 ? 1 : 0;
        }
        return (double)rejected / repetitions;
    }

    private static (SampleStatistic, SampleStatistic) Arms(Random random, int units, Action<Random, Arm> unit, Func<Arm, SampleStatistic> statistic)
    {
        var (control, treatment) = (new Arm(), new Arm());
        for (var i = 0; i < units; i++)
        {
            unit(random, control);
            unit(random, treatment);
        }
        return (statistic(control), statistic(treatment));
    }

    public static TheoryData<string> MetricShapes() => ["normal mean", "skewed mean", "ratio", "cuped"];

    [Theory]
    [MemberData(nameof(MetricShapes))]
    public void A_fixed_horizon_AA_test_rejects_five_percent_of_the_time(string shape)
    {
        Func<Random, (SampleStatistic, SampleStatistic)> experiment = shape switch
        {
            "normal mean" => random => Arms(random, 200, (r, arm) => arm.Add(Normal.Sample(r, 10, 3)), arm => arm.Mean()),
            // Revenue-like: log-normal with a long right tail (mean ≈ 4.5, sd ≈ 5.9).
            "skewed mean" => random => Arms(random, 500, (r, arm) => arm.Add(LogNormal.Sample(r, 1, 1)), arm => arm.Mean()),
            // Clicks per session: sessions 1 + Poisson(4), each clicked with probability 0.3.
            "ratio" => random => Arms(random, 300, (r, arm) =>
            {
                var sessions = 1 + Poisson.Sample(r, 4);
                arm.Add(Binomial.Sample(r, 0.3, sessions), denominator: sessions);
            }, arm => arm.Ratio()),
            // The pre-period explains most of the post-period: y = x + noise.
            "cuped" => random => Arms(random, 200, (r, arm) =>
            {
                var before = Normal.Sample(r, 10, 3);
                arm.Add(before + Normal.Sample(r, 0, 1), covariate: before);
            }, arm => arm.Cuped()),
            _ => throw new ArgumentException(shape),
        };

        var rate = AaRate(20261205, experiment);

        output.WriteLine($"A/A false-positive rate of a {shape}: {rate:P2}");

        Assert.True(rate is >= FalsePositiveLow and <= FalsePositiveHigh, $"A/A false-positive rate of a {shape}: {rate:P2}");
    }

    [Fact]
    public void A_sequential_test_read_at_thirty_looks_stays_under_five_percent()
    {
        var random = new Random(20261206);
        var repetitions = Simulations.Repetitions(2_000);
        var everRejected = 0;
        for (var i = 0; i < repetitions; i++)
        {
            var (control, treatment) = (new Arm(), new Arm());
            for (var look = 0; look < 30; look++)
            {
                for (var unit = 0; unit < 100; unit++)
                {
                    control.Add(Normal.Sample(random, 10, 3));
                    treatment.Add(Normal.Sample(random, 10, 3));
                }
                var lift = ExperimentAnalyzer.Analyze(new AnalysisRequest([control.Mean(), treatment.Mean()], AnalysisMethod.Sequential)).Treatments[0].Lift;
                if (lift.CiLower > 0 || lift.CiUpper < 0)
                {
                    everRejected++;
                    break;
                }
            }
        }
        var rate = (double)everRejected / repetitions;

        output.WriteLine($"Sequential false-positive rate over 30 looks: {rate:P2}");

        Assert.True(rate <= 0.05, $"Sequential false-positive rate over 30 looks: {rate:P2}");
    }

    [Theory]
    [InlineData("proportion")]
    [InlineData("mean")]
    public void A_95_percent_interval_covers_a_real_effect_93_to_97_percent_of_the_time(string kind)
    {
        const double trueLift = 0.10;
        var random = new Random(20261207);
        var repetitions = Simulations.Repetitions(4_000);
        var covered = 0;
        for (var i = 0; i < repetitions; i++)
        {
            SampleStatistic control, treatment;
            if (kind == "proportion")
            {
                control = new ProportionStatistic(2000, Binomial.Sample(random, 0.2, 2000));
                treatment = new ProportionStatistic(2000, Binomial.Sample(random, 0.2 * (1 + trueLift), 2000));
            }
            else
            {
                (control, treatment) = Fill(random, new Arm(), new Arm());
            }
            var lift = ExperimentAnalyzer.Analyze(new AnalysisRequest([control, treatment])).Treatments[0].Lift;
            covered += lift.CiLower <= trueLift && trueLift <= lift.CiUpper ? 1 : 0;
        }
        var coverage = (double)covered / repetitions;

        output.WriteLine($"Coverage of a {kind}'s 95 % interval at a true lift of 10 %: {coverage:P2}");

        Assert.True(coverage is >= 0.93 and <= 0.97, $"Coverage of a {kind}'s 95 % interval at a true lift of 10 %: {coverage:P2}");

        static (SampleStatistic, SampleStatistic) Fill(Random random, Arm control, Arm treatment)
        {
            for (var unit = 0; unit < 300; unit++)
            {
                control.Add(LogNormal.Sample(random, 1, 1));
                treatment.Add(LogNormal.Sample(random, 1, 1) * (1 + trueLift));
            }
            return (control.Mean(), treatment.Mean());
        }
    }

    [Fact]
    public void With_nothing_different_the_chance_to_win_is_uniform()
    {
        var random = new Random(20261208);
        var repetitions = Simulations.Repetitions(4_000);
        var chances = new List<double>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            var request = new AnalysisRequest(
                [new ProportionStatistic(1000, Binomial.Sample(random, 0.3, 1000)), new ProportionStatistic(1000, Binomial.Sample(random, 0.3, 1000))],
                AnalysisMethod.Bayesian);
            chances.Add(ExperimentAnalyzer.Analyze(request).Treatments[0].Lift.ChanceToWin!.Value);
        }
        var above95 = chances.Count(chance => chance > 0.95) / (double)repetitions;
        var below5 = chances.Count(chance => chance < 0.05) / (double)repetitions;

        output.WriteLine($"Chance to win above 95 % in {above95:P2} of A/A tests");

        Assert.True(above95 is >= FalsePositiveLow and <= FalsePositiveHigh, $"Chance to win above 95 % in {above95:P2} of A/A tests");
        output.WriteLine($"Chance to win below 5 % in {below5:P2} of A/A tests");
        Assert.True(below5 is >= FalsePositiveLow and <= FalsePositiveHigh, $"Chance to win below 5 % in {below5:P2} of A/A tests");
        output.WriteLine($"Mean chance to win {chances.Average():P2}");
        Assert.True(Math.Abs(chances.Average() - 0.5) < 0.02, $"Mean chance to win {chances.Average():P2}");
    }

    [Fact]
    public void With_a_right_split_the_sample_ratio_p_value_is_uniform()
    {
        var random = new Random(20261209);
        var repetitions = Simulations.Repetitions(4_000);
        var deciles = new int[10];
        for (var i = 0; i < repetitions; i++)
        {
            var treatment = Binomial.Sample(random, 0.4, 10_000);
            var pValue = SampleRatioMismatch.Check([10_000 - treatment, treatment], [0.6, 0.4]).PValue;
            deciles[Math.Min(9, (int)(pValue * 10))]++;
        }

        foreach (var (count, decile) in deciles.Select((count, decile) => (count, decile)))
        {
            var share = (double)count / repetitions;
            output.WriteLine($"Sample-ratio p-values in [{decile / 10.0:0.0}, {(decile + 1) / 10.0:0.0}): {share:P2} (uniform: 10 %)");
            Assert.True(share is >= 0.08 and <= 0.12, $"Sample-ratio p-values in [{decile / 10.0:0.0}, {(decile + 1) / 10.0:0.0}): {share:P2} (uniform: 10 %)");
        }
    }
}
