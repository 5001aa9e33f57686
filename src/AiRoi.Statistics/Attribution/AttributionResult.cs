namespace AiRoi.Statistics.Attribution;

/// <summary>
/// What part of a metric's change at go-live is the AI's, by one method; or, when the data do not allow the
/// method, why not (<see cref="Refusal"/>), and nothing else.
/// </summary>
/// <param name="Method">The method.</param>
/// <param name="Refusal">Why the method cannot answer (too few weeks, no control data); null when it answered.</param>
/// <param name="Effect">The task-weighted mean effect over the periods since go-live: observed minus counterfactual.</param>
/// <param name="Model">The effect per period, for the effect over any stretch of periods.</param>
/// <param name="Counterfactual">Every period of the series with the model's counterfactual and its band.</param>
/// <param name="Placebo">The placebo test; null when the history is too short for one.</param>
/// <param name="Checks">The method's assumptions and whether the data bear them out.</param>
public sealed record AttributionResult(
    AttributionMethod Method,
    string? Refusal,
    AttributedEstimate? Effect,
    EffectModel? Model,
    IReadOnlyList<CounterfactualPoint> Counterfactual,
    PlaceboResult? Placebo,
    IReadOnlyList<AttributionCheck> Checks)
{
    /// <summary>Periods with data needed on each side of go-live.</summary>
    public const int MinimumPeriodsEachSide = 8;

    /// <summary>Periods of history before go-live from which seasonality (a yearly cycle of weeks) is modelled.</summary>
    public const int PeriodsPerYear = 52;

    /// <summary>The method could not answer, for <paramref name="reason"/>.</summary>
    public static AttributionResult Refused(AttributionMethod method, string reason) => new(method, reason, null, null, [], null, []);

    /// <summary>True when every check that could be made passed.</summary>
    public bool ChecksPassed => Checks.All(check => check.Passed != false);
}
