using AiRoi.Experiments.Analysis;
using AiRoi.Statistics;
using static AiRoi.Experiments.Tests.Requests;

namespace AiRoi.Experiments.Tests;

/// <summary>The handler, called directly, reproduces the published reference cases through the HTTP contract.</summary>
public class AnalysisOracleTests
{
    [Fact]
    public void Frequentist_proportion_relative_matches_reference()
    {
        var response = Answer.Ok(Handled.AnalyzeMetric(SmallProportion()));

        var lift = Assert.Single(response.Results);
        Assert.Equal("treatment", lift.Variant);
        Answer.Close(0.06667, lift.Estimate);
        Answer.Close(0.2717, lift.StandardError);
        Answer.Close(-0.47767, lift.CiLower);
        Answer.Close(0.61101, lift.CiUpper);
        Answer.Close(0.80707, lift.PValue);
        Assert.Null(lift.ChanceToWin);
        Assert.Null(lift.Risk);
        Assert.Null(lift.RiskControl);
    }

    [Theory]
    [InlineData(Difference.Relative, 0.70732, 0.37879, -0.03526, 1.44989, 0.06191)]
    [InlineData(Difference.Absolute, 0.29, 0.12478, 0.04538, 0.53462, 0.02016)]
    public void Frequentist_mean_matches_reference(Difference difference, double estimate, double standardError, double lower, double upper, double pValue)
    {
        var lift = Assert.Single(Answer.Ok(Handled.AnalyzeMetric(FixedMean(difference))).Results);

        Answer.Close(estimate, lift.Estimate);
        Answer.Close(standardError, lift.StandardError);
        Answer.Close(lower, lift.CiLower);
        Answer.Close(upper, lift.CiUpper);
        Answer.Close(pValue, lift.PValue);
    }

    [Fact]
    public void Difference_defaults_to_relative()
    {
        var lift = Assert.Single(Answer.Ok(Handled.AnalyzeMetric(FixedMean(Difference.Relative) with { Difference = null })).Results);

        Answer.Close(0.70732, lift.Estimate);
    }

    [Fact]
    public void Sequential_proportion_relative_matches_reference()
    {
        var request = MetricRequest(MetricKind.Proportion, AnalysisMethod.Sequential, Proportion("control", 3000, 1396), Proportion("treatment", 3461, 2422))
            with { SequentialTuning = 5000 };

        var lift = Assert.Single(Answer.Ok(Handled.AnalyzeMetric(request)).Results);

        Answer.Close(0.50386, lift.Estimate);
        Answer.Close(0.03386, lift.StandardError);
        Answer.Close(0.40098, lift.CiLower);
        Answer.Close(0.60675, lift.CiUpper);
        Assert.NotNull(lift.PValue);
        Assert.Null(lift.ChanceToWin);
    }

    [Fact]
    public void Sequential_mean_relative_with_tuning_1000_matches_reference()
    {
        var request = MetricRequest(MetricKind.Mean, AnalysisMethod.Sequential, SequentialControl, SequentialTreatment) with { SequentialTuning = 1000 };

        var lift = Assert.Single(Answer.Ok(Handled.AnalyzeMetric(request)).Results);

        Answer.Close(0.50336, lift.Estimate);
        Answer.Close(-0.55844, lift.CiLower);
        Answer.Close(1.56516, lift.CiUpper);
    }

    [Fact]
    public void Sequential_tuning_defaults_to_5000()
    {
        var request = MetricRequest(MetricKind.Proportion, AnalysisMethod.Sequential, Proportion("control", 3000, 1396), Proportion("treatment", 3461, 2422));

        var lift = Assert.Single(Answer.Ok(Handled.AnalyzeMetric(request)).Results);

        Answer.Close(0.40098, lift.CiLower);
        Answer.Close(0.60675, lift.CiUpper);
    }

    [Fact]
    public void Cuped_with_sequential_interval_matches_reference()
    {
        var request = MetricRequest(
            MetricKind.Mean,
            AnalysisMethod.Sequential,
            SequentialControl with { PreSum = 16.87, PreSumSquares = 527.9767, SumProducts = 1 },
            SequentialTreatment with { PreSum = 22.7, PreSumSquares = 1348.29, SumProducts = 1 }) with { SequentialTuning = 5000 };

        var lift = Assert.Single(Answer.Ok(Handled.AnalyzeMetric(request)).Results);

        Answer.Close(0.50338, lift.Estimate);
        Answer.Close(0.33341, lift.StandardError);
        Answer.Close(-0.50969, lift.CiLower);
        Answer.Close(1.51646, lift.CiUpper);
    }

    [Fact]
    public void Bayesian_flat_prior_matches_reference_with_risk_as_the_treatments_expected_loss()
    {
        var request = MetricRequest(MetricKind.Proportion, AnalysisMethod.Bayesian, Proportion("control", 100, 49), Proportion("treatment", 100, 51));

        var lift = Assert.Single(Answer.Ok(Handled.AnalyzeMetric(request)).Results);

        Answer.Close(0.04082, lift.Estimate);
        Answer.Close(-0.24779, lift.CiLower);
        Answer.Close(0.32943, lift.CiUpper);
        Answer.Close(0.60918, lift.ChanceToWin);
        Answer.Close(0.04058, lift.Risk);
        Answer.Close(0.0814, lift.RiskControl);
        Assert.Null(lift.PValue);
    }

    [Fact]
    public void Bayesian_prior_shrinks_the_lift_toward_its_mean()
    {
        var flat = MetricRequest(MetricKind.Proportion, AnalysisMethod.Bayesian, Proportion("control", 100, 49), Proportion("treatment", 100, 51));
        var informed = flat with { Prior = new LiftPrior { Mean = 0, Variance = 0.01 } };

        var flatLift = Assert.Single(Answer.Ok(Handled.AnalyzeMetric(flat)).Results);
        var informedLift = Assert.Single(Answer.Ok(Handled.AnalyzeMetric(informed)).Results);

        // Conjugate normal update: the posterior mean is the precision-weighted average of the data and the prior (0).
        var dataVariance = flatLift.StandardError * flatLift.StandardError;
        Assert.Equal(flatLift.Estimate / dataVariance / (1 / dataVariance + 1 / 0.01), informedLift.Estimate, 10);
    }

    [Fact]
    public void Every_treatment_gets_a_result_in_request_order()
    {
        var request = MetricRequest(
            MetricKind.Proportion,
            AnalysisMethod.Frequentist,
            Proportion("control", 28, 14),
            Proportion("big", 30, 16),
            Proportion("small", 30, 10));

        var response = Answer.Ok(Handled.AnalyzeMetric(request));

        Assert.Equal(["big", "small"], response.Results.Select(r => r.Variant));
        Answer.Close(0.06667, response.Results[0].Estimate);
        Answer.Close(10.0 / 30 / 0.5 - 1, response.Results[1].Estimate);
    }

    [Fact]
    public void Ratio_metric_is_the_ratio_of_the_per_unit_means()
    {
        // Revenue per order: control 200/100, treatment 330/150 → lift 2.2 / 2.0 − 1 = 0.1.
        var request = MetricRequest(
            MetricKind.Ratio,
            AnalysisMethod.Frequentist,
            Ratio("control", 50, 200, 1000, 100, 250, 450),
            Ratio("treatment", 60, 330, 2000, 150, 420, 900));

        var lift = Assert.Single(Answer.Ok(Handled.AnalyzeMetric(request)).Results);

        Assert.Equal(0.1, lift.Estimate, 12);
        Assert.True(lift.CiLower < lift.Estimate && lift.Estimate < lift.CiUpper);
    }

    [Fact]
    public void Sample_ratio_check_uses_equal_weights_by_default()
    {
        var srm = Answer.Ok(Handled.AnalyzeMetric(SmallProportion())).Srm;

        // 28 vs 30 against 29 each: χ² = 2/29 with one degree of freedom, whose survival function is erfc(√(χ²/2)).
        Assert.Equal(MathNet.Numerics.SpecialFunctions.Erfc(Math.Sqrt(2.0 / 29 / 2)), srm.PValue, 10);
        Assert.False(srm.Mismatch);
    }

    [Fact]
    public void Sample_ratio_check_uses_the_expected_weights()
    {
        var uneven = MetricRequest(MetricKind.Proportion, AnalysisMethod.Frequentist, Proportion("control", 1000, 100), Proportion("treatment", 1200, 130));

        Assert.True(Answer.Ok(Handled.AnalyzeMetric(uneven)).Srm.Mismatch);
        Assert.False(Answer.Ok(Handled.AnalyzeMetric(uneven with { ExpectedWeights = [0.45, 0.55] })).Srm.Mismatch);
    }

    [Fact]
    public void By_default_a_relative_lift_is_tested_on_the_log_of_the_ratio()
    {
        var lift = Assert.Single(Answer.Ok(Handled.AnalyzeMetric(SmallProportion() with { RelativeInterval = null })).Results);

        // ln((16/30)/(14/28)) with variance 0.25/(28·0.5²) + (8/15)(7/15)/(30·(8/15)²) on Welch's 55.707 degrees of freedom.
        var logRatio = Math.Log(16.0 / 30 / 0.5);
        var logError = Math.Sqrt(0.25 / (28 * 0.25) + 16.0 / 30 * 14 / 30 / (30 * Math.Pow(16.0 / 30, 2)));
        var quantile = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 55.70745, 0.975);
        Answer.Close(0.06667, lift.Estimate);
        Answer.Close(Math.Exp(logRatio - quantile * logError) - 1, lift.CiLower);
        Answer.Close(Math.Exp(logRatio + quantile * logError) - 1, lift.CiUpper);
        Answer.Close(2 * MathNet.Numerics.Distributions.StudentT.CDF(0, 1, 55.70745, -logRatio / logError), lift.PValue);
        Assert.True(lift.CiUpper - lift.Estimate > lift.Estimate - lift.CiLower, "The interval of a ratio reaches further up than down.");
    }
}
