using System.Globalization;

namespace AiRoi.Contracts.Api;

/// <summary>
/// Why shipping a treatment now would rest on weak evidence: its primary lift is not significant, the planned
/// sample is not reached, assignment shows a sample-ratio mismatch, or a guardrail is degraded. The experiment API
/// refuses such a ship without a stated reason and keeps the concerns with the decision; the web shows the same
/// sentences before asking for the reason.
/// </summary>
public static class ShipConcerns
{
    /// <summary>The concerns about shipping <paramref name="variant"/> given <paramref name="results"/>; empty when it is ready.</summary>
    public static IReadOnlyList<string> Of(ExperimentResults results, string variant)
    {
        ArgumentNullException.ThrowIfNull(results);
        var concerns = new List<string>();
        var primary = results.Metrics.FirstOrDefault(metric => metric.Role == "primary");
        var lift = primary?.Treatments.FirstOrDefault(treatment => treatment.Variant == variant)?.Lift;
        if (lift is null)
        {
            concerns.Add($"There is no result yet for {variant} on the primary metric.");
        }
        else if (lift.CiLower <= 0 && lift.CiUpper >= 0)
        {
            concerns.Add($"The primary metric's lift for {variant} is not significant: its 95 % interval, {Percent(lift.CiLower)} to {Percent(lift.CiUpper)}, includes no change.");
        }
        if (results.DaysLeft is > 0 and var days)
        {
            concerns.Add($"The planned sample is not reached: about {Math.Ceiling(days).ToString("0", CultureInfo.InvariantCulture)} more days are needed.");
        }
        if (results.SampleRatio is { IsMismatch: true } mismatch)
        {
            concerns.Add($"Subjects are not split as planned (sample-ratio mismatch, p = {mismatch.PValue.ToString("0.####", CultureInfo.InvariantCulture)}): assignment may be broken, so the lift cannot be trusted.");
        }
        foreach (var guardrail in results.Metrics.Where(metric => metric.Role == "guardrail"
            && metric.Treatments.Any(treatment => treatment.Variant == variant && treatment.Guardrail == "degraded")))
        {
            concerns.Add($"The guardrail {guardrail.MetricKey} is degraded for {variant}.");
        }
        return concerns;
    }

    private static string Percent(double fraction) => (fraction * 100).ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture) + " %";
}
