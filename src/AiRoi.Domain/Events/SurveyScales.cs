namespace AiRoi.Domain.Events;

/// <summary>
/// The survey scales AiRoi understands. These are definitions of the standard scales, not tunable limits, so
/// they are constants and not part of <see cref="EventLimits"/>.
/// </summary>
public static class SurveyScales
{
    /// <summary>Lowest CSAT answer on the standard five-point scale.</summary>
    public const int CsatMin = 1;

    /// <summary>Highest CSAT answer.</summary>
    public const int CsatMax = 5;

    /// <summary>Lowest CSAT answer that counts as satisfied: "% satisfied" is the share of 4s and 5s.</summary>
    public const int CsatSatisfiedMin = 4;

    /// <summary>Lowest answer to "how likely are you to recommend us" (0–10).</summary>
    public const int NpsMin = 0;

    /// <summary>Highest NPS answer.</summary>
    public const int NpsMax = 10;

    /// <summary>Lowest answer of a promoter (9–10), per the NPS definition.</summary>
    public const int NpsPromoterMin = 9;

    /// <summary>Highest answer of a detractor (0–6); 7–8 are passives and count in neither group.</summary>
    public const int NpsDetractorMax = 6;
}
