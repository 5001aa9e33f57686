namespace AiRoi.Web.Display;

/// <summary>
/// Rates and weights as people type them: percentages (85 for 85 %), while the APIs carry fractions (0.85).
/// The web converts at the form's edge and checks the range itself, so a mistyped rate is a sentence about the
/// field, not a refusal from the API.
/// </summary>
public static class Percentages
{
    /// <summary>A fraction as the percentage a form shows (0.85 → 85), without binary noise (85.00000000000001).</summary>
    public static double FromFraction(double fraction) => Math.Round(fraction * 100, 10);

    /// <summary>A typed percentage as the fraction the API takes (85 → 0.85).</summary>
    public static double ToFraction(double percent) => Math.Round(percent / 100, 12);

    /// <summary>
    /// Why <paramref name="percent"/> cannot be a value of the field called <paramref name="label"/>, which takes
    /// percentages from <paramref name="lowest"/> to <paramref name="highest"/>; null when it can.
    /// </summary>
    public static string? Problem(string label, double? percent, double lowest = 0, double highest = 100)
    {
        if (percent is not { } value)
        {
            return $"{label} is required: a percentage from {lowest:0.##} to {highest:0.##}.";
        }
        return !double.IsFinite(value) || value < lowest || value > highest
            ? $"{label} is a percentage: enter a number from {lowest:0.##} to {highest:0.##} (85 for 85 %)."
            : null;
    }
}
