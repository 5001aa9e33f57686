using AiRoi.Domain.Events;

namespace AiRoi.Domain.Rollups;

/// <summary>
/// The per-event numbers the built-in metrics are computed from, one <see cref="Moments"/> slot each in a
/// <see cref="MetricCell"/>. Yes/no outcomes are 1 or 0, so their mean is a rate; an event that does not carry a
/// measure adds nothing to its slot, so unknown values stay out of the mean. Custom metrics take the slots after
/// <see cref="BuiltInCount"/>, in the use case's order.
/// </summary>
public static class Measure
{
    /// <summary>completedAt − startedAt, in seconds.</summary>
    public const int ResolutionSeconds = 0;

    /// <summary>Cost to serve (AI + human), where the event carries a cost figure.</summary>
    public const int Cost = 1;

    /// <summary>Human minutes, where given.</summary>
    public const int HumanMinutes = 2;

    /// <summary>1 when converted, 0 when not; absent when unknown.</summary>
    public const int Converted = 3;

    /// <summary>Conversion value on every event, 0 for events without one: its mean is value per task.</summary>
    public const int ConversionValue = 4;

    /// <summary>1 when resolved, 0 when not; absent when unknown.</summary>
    public const int Resolved = 5;

    /// <summary>1 when resolved at first contact without escalation; absent when resolution is unknown.</summary>
    public const int FirstContactResolved = 6;

    /// <summary>1 when escalated, on every event.</summary>
    public const int Escalated = 7;

    /// <summary>The 1–5 CSAT answer.</summary>
    public const int Csat = 8;

    /// <summary>1 when the CSAT answer is 4 or 5; absent without an answer.</summary>
    public const int CsatSatisfied = 9;

    /// <summary>+1 for an NPS promoter (9–10), −1 for a detractor (0–6), 0 otherwise: its mean × 100 is the NPS.</summary>
    public const int NpsScore = 10;

    /// <summary>1 when the event carries an exception type, on every event.</summary>
    public const int Exception = 11;

    /// <summary>Number of built-in slots; custom metrics follow.</summary>
    public const int BuiltInCount = 12;

    /// <summary>The NPS contribution of one 0–10 answer: +1 promoter, −1 detractor, 0 passive.</summary>
    public static double NetPromoterScore(double answer) =>
        answer >= SurveyScales.NpsPromoterMin ? 1 : answer <= SurveyScales.NpsDetractorMax ? -1 : 0;
}
