using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiRoi.Statistics.Tests;

/// <summary>Laws that must hold for any valid input, checked on generated inputs.</summary>
public class PropertyTests
{
    private static readonly Gen<double> PValue = Gen.Choose(0, 1_000_000).Select(i => i / 1_000_000.0);

    private static readonly Arbitrary<double[]> PValues = Gen.NonEmptyListOf(PValue).Select(list => list.ToArray()).ToArbitrary();

    /// <summary>Two proportion arms with 20–5000 units and conversions strictly inside, so both arms vary.</summary>
    private static readonly Arbitrary<(ProportionStatistic Control, ProportionStatistic Treatment)> ProportionPairs =
        (from nc in Gen.Choose(20, 5000)
         from cc in Gen.Choose(1, nc - 1)
         from nt in Gen.Choose(20, 5000)
         from ct in Gen.Choose(1, nt - 1)
         select (new ProportionStatistic(nc, cc), new ProportionStatistic(nt, ct))).ToArbitrary();

    private static readonly Gen<AnalysisMethod> Methods = Gen.Elements(AnalysisMethod.Frequentist, AnalysisMethod.Sequential, AnalysisMethod.Bayesian);

    private static readonly Gen<Difference> Differences = Gen.Elements(Difference.Relative, Difference.Absolute);

    [Property]
    public Property Holm_adjusted_p_values_are_at_least_raw_at_most_one_and_monotone_in_rank() =>
        Prop.ForAll(PValues, p => AdjustmentLaws(p, MultipleTesting.Holm(p)));

    [Property]
    public Property Benjamini_Hochberg_adjusted_p_values_are_at_least_raw_at_most_one_and_monotone_in_rank() =>
        Prop.ForAll(PValues, p => AdjustmentLaws(p, MultipleTesting.BenjaminiHochberg(p)));

    [Property]
    public Property Benjamini_Hochberg_is_never_stricter_than_Holm() =>
        Prop.ForAll(PValues, p =>
        {
            var holm = MultipleTesting.Holm(p);
            var bh = MultipleTesting.BenjaminiHochberg(p);
            return Enumerable.Range(0, p.Length).All(i => bh[i] <= holm[i] + 1e-12);
        });

    [Property(MaxTest = 200)]
    public Property Interval_contains_the_estimate_for_every_method_and_difference() =>
        Prop.ForAll(ProportionPairs, Methods.ToArbitrary(), Differences.ToArbitrary(), (pair, method, difference) =>
        {
            var lift = ExperimentAnalyzer.Analyze(new AnalysisRequest([pair.Control, pair.Treatment], method, difference)).Treatments[0].Lift;
            return lift.CiLower <= lift.Estimate && lift.Estimate <= lift.CiUpper && lift.StandardError > 0;
        });

    [Property(MaxTest = 200)]
    public Property P_value_is_below_alpha_exactly_when_the_interval_excludes_zero() =>
        Prop.ForAll(ProportionPairs, Gen.Elements(AnalysisMethod.Frequentist, AnalysisMethod.Sequential).ToArbitrary(), (pair, method) =>
        {
            var lift = ExperimentAnalyzer.Analyze(new AnalysisRequest([pair.Control, pair.Treatment], method)).Treatments[0].Lift;
            var excludesZero = lift.CiLower > 0 || lift.CiUpper < 0;
            var p = lift.PValue!.Value;

            // Skip the knife edge where rounding decides either way.
            var onEdge = Math.Abs(p - 0.05) < 1e-9;
            return onEdge || (p < 0.05) == excludesZero;
        });

    [Property(MaxTest = 200)]
    public Property Bayesian_risks_differ_by_the_estimate_and_the_chance_to_win_is_a_probability() =>
        Prop.ForAll(ProportionPairs, Differences.ToArbitrary(), (pair, difference) =>
        {
            var lift = ExperimentAnalyzer.Analyze(new AnalysisRequest([pair.Control, pair.Treatment], AnalysisMethod.Bayesian, difference)).Treatments[0].Lift;

            // E[max(0, X)] − E[max(0, −X)] = E[X], up to rounding relative to the magnitudes (a relative lift on a
            // rare conversion can be in the thousands).
            var scale = Math.Max(1, Math.Max(Math.Abs(lift.Estimate), lift.StandardError));
            var identity = Math.Abs(lift.RiskControl!.Value - lift.RiskTreatment!.Value - lift.Estimate) < 1e-9 * scale;
            return identity && lift.RiskControl >= 0 && lift.RiskTreatment >= 0 && lift.ChanceToWin is >= 0 and <= 1;
        });

    [Property(MaxTest = 100)]
    public Property Sample_ratio_p_value_is_high_for_perfectly_proportional_counts() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(1, 10)).Where(parts => parts.Count >= 2).ToArbitrary(),
            Gen.Choose(1, 10_000).ToArbitrary(),
            (parts, scale) =>
            {
                var total = parts.Sum();
                var check = SampleRatioMismatch.Check(parts.Select(part => (long)part * scale).ToArray(), parts.Select(part => (double)part / total).ToArray());
                return check.PValue > 0.999 && !check.IsMismatch;
            });

    [Property]
    public Property Assignment_is_deterministic() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonEmptyString>(), ArbMap.Default.ArbFor<NonEmptyString>(), Gen.Elements(1, 2).ToArbitrary(), (seed, subject, version) =>
        {
            var first = new VariantAllocation(seed.Get, [0.3, 0.7], version).Assign(subject.Get);
            var second = new VariantAllocation(seed.Get, [0.3, 0.7], version).Assign(subject.Get);
            return first == second && first.IsAssigned;
        });

    [Property(MaxTest = 20)]
    public Property Share_of_subjects_per_variant_approaches_the_weights() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(1, 10)).Where(parts => parts.Count is >= 2 and <= 5).ToArbitrary(),
            ArbMap.Default.ArbFor<Guid>(),
            (parts, seed) =>
            {
                var total = parts.Sum();
                var weights = parts.Select(part => (double)part / total).ToArray();
                var allocation = new VariantAllocation(seed.ToString(), weights);
                const int subjects = 20_000;
                var counts = new int[weights.Length];
                for (var i = 0; i < subjects; i++)
                {
                    counts[allocation.Assign($"user-{i}").VariantIndex!.Value]++;
                }

                // Sampling error of a share is at most 0.5/sqrt(20000) ≈ 0.0035; 0.02 is more than five of them.
                return Enumerable.Range(0, weights.Length).All(i => Math.Abs((double)counts[i] / subjects - weights[i]) < 0.02);
            });

    private static bool AdjustmentLaws(double[] raw, double[] adjusted)
    {
        if (adjusted.Length != raw.Length)
        {
            return false;
        }

        for (var i = 0; i < raw.Length; i++)
        {
            if (adjusted[i] < raw[i] - 1e-12 || adjusted[i] > 1)
            {
                return false;
            }

            for (var j = 0; j < raw.Length; j++)
            {
                if (raw[i] <= raw[j] && adjusted[i] > adjusted[j] + 1e-12)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
