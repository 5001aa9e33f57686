using AiRoi.Statistics.Attribution;

namespace AiRoi.Domain.Attribution;

/// <summary>
/// What part of a metric's change since go-live is the AI's: the method, the effect with its 95 % interval, the
/// counterfactual by week, the placebo test and the checks, and the plain before/after change for comparison. When
/// the method cannot answer, <see cref="Refusal"/> says why and the figures are absent.
/// </summary>
/// <param name="MetricKey">The metric.</param>
/// <param name="Method">Interrupted time series, or difference-in-differences when a control is named.</param>
/// <param name="Control">The control of a difference-in-differences; null otherwise.</param>
/// <param name="GoLive">The go-live date; null when the use case has none.</param>
public sealed record MetricAttribution(string MetricKey, AttributionMethod Method, string? Control, DateOnly? GoLive)
{
    /// <summary>Why the method cannot answer; null when it answered.</summary>
    public string? Refusal { get; init; }

    /// <summary>The mean effect per task over the weeks since go-live: observed minus counterfactual.</summary>
    public AttributedEstimate? Effect { get; init; }

    /// <summary>The plain change: the mean since go-live minus the mean before, over the same weeks.</summary>
    public double? BeforeAfterChange { get; init; }

    /// <summary>The effect per week since go-live, for the effect over a shorter stretch (ROI's 90 days).</summary>
    public EffectModel? Model { get; init; }

    /// <summary>Every week analysed, observed and counterfactual.</summary>
    public IReadOnlyList<CounterfactualWeek> Counterfactual { get; init; } = [];

    /// <summary>The placebo test; null when the history is too short for one.</summary>
    public PlaceboResult? Placebo { get; init; }

    /// <summary>The Mondays of the fake go-live weeks the placebo test used.</summary>
    public IReadOnlyList<DateOnly> PlaceboWeeks { get; init; } = [];

    /// <summary>The method's assumptions and whether the data bear them out.</summary>
    public IReadOnlyList<AttributionCheck> Checks { get; init; } = [];

    /// <summary>What the AI changed, net of trend (or of the control), in one sentence; or why it cannot be said.</summary>
    public string Summary { get; init; } = "";
}
