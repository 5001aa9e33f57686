namespace AiRoi.Statistics.Attribution;

/// <summary>
/// The AI's effect on a metric against a control that did not get the AI (another use case, or a segment the AI
/// was not rolled out to): whatever moved the control at the same time (a season, a price change, a product launch)
/// is taken out of the change.
/// </summary>
/// <remarks>
/// <para>
/// For every week both series have, dₜ = treatedₜ − controlₜ, weighted by 1/(1/nₜ + 1/mₜ) (the precision of a
/// difference of two means of nₜ and mₜ tasks). Model: dₜ = a + δ·[t ≥ 0] + eₜ with autocorrelation-robust standard errors (<see cref="AutocorrelatedRegression"/>);
/// δ, the change of the gap at go-live, is the effect. The counterfactual of the treated series is
/// controlₜ + a, with the band of a.
/// </para>
/// <para>
/// The method assumes the two would have moved in parallel without the AI. It checks what it can: before go-live
/// the gap must not drift (the slope of dₜ on t over the history, tested at 5 %), and the placebo test must not
/// fire. A failed check is reported, never hidden.
/// </para>
/// </remarks>
public static class DifferenceInDifferences
{
    /// <summary>Analyses <paramref name="treated"/> against <paramref name="control"/>; periods count weeks from go-live.</summary>
    /// <exception cref="StatisticsInputException">A value or weight is not finite, a weight is negative, or a period appears twice.</exception>
    public static AttributionResult Analyze(IReadOnlyList<SeriesPoint> treated, IReadOnlyList<SeriesPoint> control)
    {
        var ours = AttributionSeries.Prepare(treated, "treated");
        var theirs = AttributionSeries.Prepare(control, "control").ToDictionary(point => point.Period);
        var pairs = ours.Where(point => theirs.ContainsKey(point.Period)).Select(point => (Treated: point, Control: theirs[point.Period])).ToList();
        var gaps = pairs
            .Select(pair => new SeriesPoint(pair.Treated.Period, pair.Treated.Value - pair.Control.Value, 1 / (1 / pair.Treated.Weight + 1 / pair.Control.Weight)))
            .ToList();
        if (AttributionSeries.TooShort(gaps, "A difference-in-differences (weeks both the use case and the control have)") is { } reason)
        {
            return AttributionResult.Refused(AttributionMethod.DifferenceInDifferences, reason);
        }
        if (Fit(gaps) is not { } fit)
        {
            return AttributionResult.Refused(AttributionMethod.DifferenceInDifferences, "The gap between the use case and the control cannot be fitted.");
        }

        var effect = fit.Combination([0, 1]);
        var model = new EffectModel(effect.Value, 0, effect.StandardError * effect.StandardError, 0, 0, fit.DegreesOfFreedom);
        var gapBefore = fit.Combination([1, 0]);
        var counterfactual = pairs.Select(pair => new CounterfactualPoint(pair.Treated.Period, pair.Treated.Value,
            pair.Control.Value + gapBefore.Value, pair.Control.Value + gapBefore.Low, pair.Control.Value + gapBefore.High)).ToList();

        var history = gaps.Where(point => point.Period < 0).ToList();
        var placebo = PlaceboTest.Run(history, fake => Fit(AttributionSeries.Shifted(history, fake))?.Combination([0, 1]).PValue);
        return new AttributionResult(AttributionMethod.DifferenceInDifferences, null, effect, model, counterfactual, placebo,
            [ParallelTrends(history), InterruptedTimeSeries.PlaceboCheck(placebo)]);
    }

    private static AutocorrelatedRegression? Fit(IReadOnlyList<SeriesPoint> gaps) => AutocorrelatedRegression.Fit(
        gaps.Select(point => new double[] { 1, point.Period >= 0 ? 1 : 0 }).ToList(),
        gaps.Select(point => point.Value).ToList(),
        gaps.Select(point => point.Weight).ToList());

    private static AttributionCheck ParallelTrends(IReadOnlyList<SeriesPoint> history)
    {
        var fit = AutocorrelatedRegression.Fit(
            history.Select(point => new double[] { 1, point.Period }).ToList(),
            history.Select(point => point.Value).ToList(),
            history.Select(point => point.Weight).ToList());
        if (fit is null)
        {
            return new("parallel-trends", null, "The history is too short to check that the use case and the control moved in parallel.");
        }
        var drift = fit.Combination([0, 1]);
        return drift.PValue < 0.05
            ? new("parallel-trends", false,
                $"Before go-live the gap between the use case and the control drifted by {InterruptedTimeSeries.Text(drift.Value)} a week (p = {InterruptedTimeSeries.Text(drift.PValue)}): they were not moving in parallel, so the control does not show what the use case would have done.")
            : new("parallel-trends", true,
                $"Before go-live the use case and the control moved in parallel (drift of the gap {InterruptedTimeSeries.Text(drift.Value)} a week, p = {InterruptedTimeSeries.Text(drift.PValue)}).");
    }
}
