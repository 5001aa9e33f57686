namespace AiRoi.Domain.Events;

/// <summary>
/// Who handled an outcome event. Wire names: <c>ai</c>, <c>human</c>, <c>hybrid</c>. There is no zero member, so
/// an event whose handler was never set is detected as missing instead of silently becoming "ai".
/// </summary>
public enum Handler
{
    /// <summary>The AI handled the task end to end.</summary>
    Ai = 1,

    /// <summary>A human handled the task without the AI (the concurrent baseline).</summary>
    Human = 2,

    /// <summary>The AI handled the task with human help (review, takeover, correction).</summary>
    Hybrid = 3,
}
