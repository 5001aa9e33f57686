namespace AiRoi.Statistics.Tests;

/// <summary>Inputs of the published reference cases, named once so each test reads as its case.</summary>
internal static class Samples
{
    // Fixed-horizon mean case: control mean 0.41, sd 3.9; treatment mean 0.70, sd 6.2.
    public static readonly MeanStatistic FixedControl = new(3407, 1396.87, 52377.9767);
    public static readonly MeanStatistic FixedTreatment = new(3461, 2422.7, 134698.29);

    // Sequential and CUPED cases: same sums, control n 3000.
    public static readonly MeanStatistic SequentialControl = new(3000, 1396.87, 52377.9767);
    public static readonly MeanStatistic SequentialTreatment = new(3461, 2422.7, 134698.29);

    public static readonly MeanStatistic CupedControl =
        SequentialControl with { Covariate = new CupedCovariate(16.87, 527.9767, 1) };

    public static readonly MeanStatistic CupedTreatment =
        SequentialTreatment with { Covariate = new CupedCovariate(22.7, 1348.29, 1) };
}
