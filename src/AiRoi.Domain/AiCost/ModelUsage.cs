namespace AiRoi.Domain.AiCost;

/// <summary>
/// One model call as a trace reported it (an OpenTelemetry span with GenAI attributes): who was called, when, and the
/// tokens it used. Token counts follow the GenAI conventions: <see cref="InputTokens"/> includes the cached and
/// cache-creation tokens, <see cref="OutputTokens"/> includes the reasoning tokens, so each part is priced once.
/// </summary>
/// <param name="TraceId">The trace, 32 lower-case hex digits.</param>
/// <param name="SpanId">The span, 16 lower-case hex digits.</param>
/// <param name="StartedAt">When the call started: the price in force then applies.</param>
/// <param name="Provider">The provider (<c>openai</c>, <c>anthropic</c>), lower case; empty when the span names none.</param>
/// <param name="Model">The model that answered (the response model, else the requested one).</param>
public sealed record ModelUsage(string TraceId, string SpanId, DateTimeOffset StartedAt, string Provider, string Model)
{
    /// <summary>What the call did (<c>chat</c>, <c>embeddings</c>, …), as the span says.</summary>
    public string? Operation { get; init; }

    /// <summary>All input tokens, cached and cache-creation included.</summary>
    public long InputTokens { get; init; }

    /// <summary>Of <see cref="InputTokens"/>, those read from the prompt cache.</summary>
    public long CachedInputTokens { get; init; }

    /// <summary>Of <see cref="InputTokens"/>, those written to the prompt cache.</summary>
    public long CacheCreationTokens { get; init; }

    /// <summary>All output tokens, reasoning included.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Of <see cref="OutputTokens"/>, those spent on reasoning.</summary>
    public long ReasoningTokens { get; init; }

    /// <summary>A cost the span already carries (<c>gen_ai.usage.cost</c>): kept as reported, not priced.</summary>
    public decimal? ReportedCost { get; init; }

    /// <summary>The use case the span names (<c>airoi.use_case_id</c>), on itself or on its trace's root.</summary>
    public string? UseCaseId { get; init; }

    /// <summary>The outcome event the span names (<c>airoi.event_id</c>), on itself or on its trace's root.</summary>
    public string? EventId { get; init; }

    /// <summary>Every token the call used.</summary>
    public long TotalTokens => InputTokens + OutputTokens;

    /// <summary>The tokens of each kind, each counted once (fresh input is input less cached and cache creation).</summary>
    public IEnumerable<(UsageType Type, long Tokens)> TokensByType()
    {
        yield return (UsageType.Input, InputTokens - CachedInputTokens - CacheCreationTokens);
        yield return (UsageType.CachedInput, CachedInputTokens);
        yield return (UsageType.CacheCreation, CacheCreationTokens);
        yield return (UsageType.Output, OutputTokens - ReasoningTokens);
        yield return (UsageType.Reasoning, ReasoningTokens);
    }
}
