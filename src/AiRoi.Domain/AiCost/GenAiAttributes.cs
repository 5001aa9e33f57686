using AiRoi.Domain.Events;

namespace AiRoi.Domain.AiCost;

/// <summary>
/// Reads a model call from a span's attributes as the OpenTelemetry GenAI conventions name them, the current names
/// and the older ones both. A span is a model call when it names a model and carries token counts or a cost; any
/// other span (HTTP, database, a tool call) is not one and is ignored. A model call with impossible values is refused
/// with errors naming the attribute.
/// </summary>
public static class GenAiAttributes
{
    /// <summary>The attribute that ties a span (or its trace's root) to a use case.</summary>
    public const string UseCaseId = "airoi.use_case_id";

    /// <summary>The attribute that ties a span (or its trace's root) to an outcome event.</summary>
    public const string EventId = "airoi.event_id";

    /// <summary>Most tokens one attribute may count; more is a sender's bug, not a call.</summary>
    public const long MaxTokens = 100_000_000;

    /// <summary>Longest provider or model name kept.</summary>
    public const int MaxNameLength = 200;

    private static readonly string[] Providers = ["gen_ai.provider.name", "gen_ai.system"];
    private static readonly string[] Operations = ["gen_ai.operation.name"];
    private static readonly string[] Models = ["gen_ai.response.model", "gen_ai.request.model"];
    private static readonly string[] Input = ["gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens"];
    private static readonly string[] Output = ["gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens"];
    private static readonly string[] CacheRead = ["gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens"];
    private static readonly string[] CacheCreation = ["gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_creation_input_tokens"];
    private static readonly string[] Reasoning = ["gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.output_tokens.reasoning", "gen_ai.usage.reasoning_tokens"];
    private static readonly string[] Cost = ["gen_ai.usage.cost"];

    /// <summary>
    /// The model call the span reports, or null when it is not one; <paramref name="errors"/> is filled, and null
    /// answered, when it is one with values that cannot be true.
    /// </summary>
    /// <param name="traceId">The span's trace (hex).</param>
    /// <param name="spanId">The span (hex).</param>
    /// <param name="startedAt">The span's start.</param>
    /// <param name="attributes">The span's attributes: strings, whole numbers (long), doubles or booleans.</param>
    /// <param name="errors">Where the span's errors go, named by attribute.</param>
    public static ModelUsage? Read(string traceId, string spanId, DateTimeOffset startedAt, IReadOnlyDictionary<string, object?> attributes, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(errors);
        var model = Text(attributes, Models);
        var hasTokens = First(attributes, Input) is not null || First(attributes, Output) is not null;
        var hasCost = First(attributes, Cost) is not null;
        if (!hasTokens && !hasCost)
        {
            return null;
        }
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(model))
        {
            errors.Add(new ValidationError(Models[0], ValidationCodes.Required, "A span with token counts must name its model (gen_ai.response.model or gen_ai.request.model)."));
        }
        else if (model.Length > MaxNameLength)
        {
            errors.Add(new ValidationError(Models[0], ValidationCodes.TooLong, $"The model name may be at most {MaxNameLength} characters."));
        }
        var provider = Text(attributes, Providers) ?? "";
        if (provider.Length > MaxNameLength)
        {
            errors.Add(new ValidationError(Providers[0], ValidationCodes.TooLong, $"The provider name may be at most {MaxNameLength} characters."));
        }
        var input = Tokens(attributes, Input, errors);
        var output = Tokens(attributes, Output, errors);
        var cached = Tokens(attributes, CacheRead, errors);
        var creation = Tokens(attributes, CacheCreation, errors);
        var reasoning = Tokens(attributes, Reasoning, errors);
        if (errors.Count == before && cached + creation > input)
        {
            errors.Add(new ValidationError(CacheRead[0], ValidationCodes.Inconsistent,
                $"Cached ({cached:N0}) and cache-creation ({creation:N0}) tokens are part of the input tokens ({input:N0}), so together they cannot exceed them."));
        }
        if (errors.Count == before && reasoning > output)
        {
            errors.Add(new ValidationError(Reasoning[0], ValidationCodes.Inconsistent,
                $"Reasoning tokens ({reasoning:N0}) are part of the output tokens ({output:N0}), so they cannot exceed them."));
        }
        var cost = ReportedCost(attributes, errors);
        var useCaseId = Text(attributes, [UseCaseId]);
        if (useCaseId is not null && !TextFormats.IsSlug(useCaseId))
        {
            errors.Add(new ValidationError(UseCaseId, ValidationCodes.InvalidFormat, "airoi.use_case_id must be a use case id (lower-case letters, digits and single hyphens)."));
        }
        var eventId = Text(attributes, [EventId]);
        if (eventId is not null && (eventId.Length == 0 || eventId.Length > EventLimits.Default.MaxEventIdLength))
        {
            errors.Add(new ValidationError(EventId, ValidationCodes.TooLong, $"airoi.event_id must be 1 to {EventLimits.Default.MaxEventIdLength} characters."));
        }
        if (errors.Count > before)
        {
            return null;
        }
        return new ModelUsage(traceId, spanId, startedAt, provider.ToLowerInvariant(), model!)
        {
            Operation = Text(attributes, Operations),
            InputTokens = input,
            OutputTokens = output,
            CachedInputTokens = cached,
            CacheCreationTokens = creation,
            ReasoningTokens = reasoning,
            ReportedCost = cost,
            UseCaseId = useCaseId,
            EventId = eventId,
        };
    }

    /// <summary>The use case and event a span names (a trace's root ties its whole trace to them); null when it names none.</summary>
    public static (string UseCaseId, string EventId)? Link(IReadOnlyDictionary<string, object?> attributes) =>
        Text(attributes, [UseCaseId]) is { } useCase && Text(attributes, [EventId]) is { } eventId
        && TextFormats.IsSlug(useCase) && eventId.Length is > 0 and <= 128
            ? (useCase, eventId)
            : null;

    private static object? First(IReadOnlyDictionary<string, object?> attributes, string[] names)
    {
        foreach (var name in names)
        {
            if (attributes.TryGetValue(name, out var value) && value is not null)
            {
                return value;
            }
        }
        return null;
    }

    private static string? Text(IReadOnlyDictionary<string, object?> attributes, string[] names) =>
        First(attributes, names) is string text ? text.Trim() : null;

    private static long Tokens(IReadOnlyDictionary<string, object?> attributes, string[] names, List<ValidationError> errors)
    {
        var name = names.FirstOrDefault(attributes.ContainsKey) ?? names[0];
        switch (First(attributes, names))
        {
            case null:
                return 0;
            case long count when count < 0:
                errors.Add(new ValidationError(name, ValidationCodes.Negative, $"{name} is {count:N0}; a token count cannot be negative."));
                return 0;
            case long count when count > MaxTokens:
                errors.Add(new ValidationError(name, ValidationCodes.OutOfRange, $"{name} is {count:N0}; at most {MaxTokens:N0} tokens are taken for one call."));
                return 0;
            case long count:
                return count;
            case double whole when double.IsFinite(whole) && whole == Math.Floor(whole) && whole is >= 0 and <= MaxTokens:
                return (long)whole;
            default:
                errors.Add(new ValidationError(name, ValidationCodes.InvalidFormat, $"{name} must be a whole number of tokens."));
                return 0;
        }
    }

    private static decimal? ReportedCost(IReadOnlyDictionary<string, object?> attributes, List<ValidationError> errors)
    {
        var value = First(attributes, Cost) switch
        {
            null => (double?)null,
            long whole => whole,
            double number => number,
            _ => double.NaN,
        };
        if (value is not { } cost)
        {
            return null;
        }
        if (!double.IsFinite(cost) || cost < 0 || cost > (double)EventLimits.Default.MaxCostPerEvent)
        {
            errors.Add(new ValidationError(Cost[0], ValidationCodes.OutOfRange,
                $"gen_ai.usage.cost must be a number from 0 to {EventLimits.Default.MaxCostPerEvent:N0}."));
            return null;
        }
        return Math.Round((decimal)cost, 10);
    }
}
