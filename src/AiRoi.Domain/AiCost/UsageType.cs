namespace AiRoi.Domain.AiCost;

/// <summary>
/// The kinds of tokens a model call is billed for, each with its own price (wire names <c>input</c>,
/// <c>cached-input</c>, <c>cache-creation</c>, <c>output</c>, <c>reasoning</c>).
/// </summary>
public enum UsageType
{
    /// <summary>Input tokens read fresh (not from the cache, not written to it).</summary>
    Input,

    /// <summary>Input tokens read from the provider's prompt cache.</summary>
    CachedInput,

    /// <summary>Input tokens written to the provider's prompt cache.</summary>
    CacheCreation,

    /// <summary>Output tokens other than reasoning.</summary>
    Output,

    /// <summary>Output tokens spent on reasoning the caller does not see.</summary>
    Reasoning,
}
