namespace AiRoi.Statistics;

/// <summary>
/// What a power calculation needs to know about a metric: its control mean and per-unit variance, and the
/// error rates the experiment accepts.
/// </summary>
/// <param name="BaselineMean">Control mean (conversion rate, mean value …).</param>
/// <param name="UnitVariance">Per-unit variance of the metric; p(1 − p) for a conversion rate.</param>
/// <param name="Alpha">Two-sided significance level, in (0, 1).</param>
/// <param name="Power">Probability of detecting the effect when it is real, in (0, 1); 0.8 by convention.</param>
public sealed record PowerPlan(double BaselineMean, double UnitVariance, double Alpha = 0.05, double Power = 0.8)
{
    /// <summary>Whether the metric is a rate, whose variance p(1 − p) moves with the rate; a mean's spread is taken to stay.</summary>
    public bool IsRate { get; init; }

    /// <summary>The per-unit variance of an arm whose mean is <paramref name="mean"/> (the treatment under a planned effect).</summary>
    internal double VarianceAt(double mean, string effectField)
    {
        if (!IsRate)
        {
            return UnitVariance;
        }
        if (!(mean > 0 && mean < 1))
        {
            throw new StatisticsInputException(effectField, InputProblem.OutOfRange, $"The effect takes the rate {BaselineMean} to {mean}, outside (0, 1).");
        }
        return mean * (1 - mean);
    }

    /// <summary>A plan for a conversion rate, whose per-unit variance follows from the rate.</summary>
    public static PowerPlan ForConversionRate(double baselineRate, double alpha = 0.05, double power = 0.8)
    {
        Require.Finite(baselineRate, "baselineRate");
        if (baselineRate <= 0 || baselineRate >= 1)
        {
            throw new StatisticsInputException("baselineRate", InputProblem.OutOfRange, $"baselineRate must lie strictly between 0 and 1, got {baselineRate}.");
        }

        return new PowerPlan(baselineRate, baselineRate * (1 - baselineRate), alpha, power) { IsRate = true };
    }

    /// <summary>A plan whose baseline and variance are read from the control arm observed so far.</summary>
    public static PowerPlan FromControl(SampleStatistic control, double alpha = 0.05, double power = 0.8)
    {
        var moments = Require.NotNull(control, "control").Moments("control");
        return new PowerPlan(moments.Mean, moments.Variance, alpha, power) { IsRate = control.Kind == MetricKind.Proportion };
    }

    /// <summary>Lowest power planned for: below a coin flip a plan is not worth making.</summary>
    public const double MinimumPower = 0.5;

    /// <summary>Highest power planned for: beyond it the normal quantile runs out of double precision.</summary>
    public const double MaximumPower = 0.999999;

    internal void Validate()
    {
        Require.Finite(BaselineMean, "baselineMean");
        Require.Positive(UnitVariance, "unitVariance");
        Require.StrictProbability(Alpha, "alpha");
        Require.StrictProbability(Power, "power");
        if (Alpha < AnalysisRequest.MinimumAlpha || Alpha > AnalysisRequest.MaximumAlpha)
        {
            throw new StatisticsInputException(
                "alpha", InputProblem.OutOfRange, $"alpha must lie between {AnalysisRequest.MinimumAlpha} and {AnalysisRequest.MaximumAlpha}, got {Alpha}.");
        }
        if (Power < MinimumPower || Power > MaximumPower)
        {
            throw new StatisticsInputException("power", InputProblem.OutOfRange, $"power must lie between {MinimumPower} and {MaximumPower}, got {Power}.");
        }
    }
}
