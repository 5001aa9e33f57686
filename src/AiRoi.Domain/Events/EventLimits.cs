namespace AiRoi.Domain.Events;

/// <summary>
/// Every limit an outcome event must respect, in one place. <see cref="Default"/> is what the product runs
/// with; a deployment or a test may pass different limits. Scales (CSAT 1–5, NPS 0–10) are definitions, not
/// limits, and live in <see cref="SurveyScales"/>; slug and identifier lengths live in <see cref="TextFormats"/>.
/// </summary>
public sealed record EventLimits
{
    /// <summary>The limits the product runs with.</summary>
    public static EventLimits Default { get; } = new();

    /// <summary>
    /// Longest event id. The id is the deduplication key in a unique index; 128 holds a GUID, a ULID or a source
    /// system's composite key ("zendesk:eu:ticket:123456789") with room to spare while keeping the index small.
    /// </summary>
    public int MaxEventIdLength { get; init; } = 128;

    /// <summary>Longest subject id: same reasoning as the event id (it is hashed for assignment and indexed).</summary>
    public int MaxSubjectIdLength { get; init; } = 128;

    /// <summary>
    /// Longest label: escalation reason, exception type, experiment id, variant. These are group-by keys shown as
    /// table rows and chart legends; longer than 64 means free text was sent where a category belongs.
    /// </summary>
    public int MaxLabelLength { get; init; } = 64;

    /// <summary>
    /// How far in the future a timestamp may lie. Senders' clocks drift; five minutes absorbs NTP-level skew while
    /// still catching local times sent as UTC (an hour or more ahead).
    /// </summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Earliest acceptable timestamp. Historical (pre-AI) imports reach back years, not decades; anything earlier
    /// is an unset date (0001-01-01, the Unix epoch) or a parsing mistake.
    /// </summary>
    public DateTimeOffset EarliestTimestamp { get; init; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Longest task. Long-running cases (claims, enterprise deals) take months; a year bounds them and catches
    /// timestamps in the wrong unit (seconds read as milliseconds).
    /// </summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromDays(365);

    /// <summary>
    /// Most contacts on one task. Any case with more than a thousand contacts is a data error or a loop, and would
    /// dominate the mean contact count.
    /// </summary>
    public int MaxContacts { get; init; } = 1000;

    /// <summary>
    /// Largest AI or human cost of one task, in the use case's currency. A single task costing more than a million
    /// is a unit mistake (cents sent as units, a monthly bill sent per task) that would swamp cost per task.
    /// </summary>
    public decimal MaxCostPerEvent { get; init; } = 1_000_000m;

    /// <summary>
    /// Largest conversion value. Enterprise deals reach hundreds of millions; a billion bounds them and still keeps
    /// a year of sums far inside <see cref="decimal"/>'s range.
    /// </summary>
    public decimal MaxConversionValue { get; init; } = 1_000_000_000m;

    /// <summary>
    /// Most human minutes on one task: one year (525,600 minutes), matching <see cref="MaxDuration"/>. More means
    /// seconds or milliseconds were sent as minutes.
    /// </summary>
    public double MaxHumanMinutes { get; init; } = 525_600;

    /// <summary>
    /// Most attributes per event. Attributes are segments for stratified comparisons (region, channel, complexity);
    /// each one is stored and indexed per event, so the map stays small. Twenty covers every segmentation seen in
    /// practice; more means a payload is being dumped into it.
    /// </summary>
    public int MaxAttributes { get; init; } = 20;

    /// <summary>Longest attribute value: a segment label, not a document.</summary>
    public int MaxAttributeValueLength { get; init; } = 256;

    /// <summary>
    /// Most measures per event. Each measure feeds one custom metric, and a use case declares at most
    /// <see cref="UseCases.UseCaseLimits.MaxCustomMetrics"/> of them; the same number bounds the map.
    /// </summary>
    public int MaxMeasures { get; init; } = UseCases.UseCaseLimits.MaxCustomMetrics;

    /// <summary>
    /// Largest magnitude of a measure. A trillion holds any business figure (pipeline value, minutes, scores) while
    /// its square and the sum of a year of squares stay finite, so means and intervals never become infinite.
    /// </summary>
    public double MaxMeasureMagnitude { get; init; } = 1e12;
}
