using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.AiCost;

/// <summary>A new price-book entry as the API accepts it (<c>POST /api/v1/model-prices</c>).</summary>
public sealed record ModelPriceRequest
{
    /// <summary>Largest price of a million tokens taken.</summary>
    public const decimal MaxPerMillionTokens = 100_000m;

    /// <summary>The provider as traces name it (<c>openai</c>), or <c>*</c> for any; <c>*</c> when absent.</summary>
    public string? Provider { get; init; }

    /// <summary>The model's exact name, or a pattern with <c>*</c>.</summary>
    public string? Model { get; init; }

    /// <summary>Which tokens: <c>input</c>, <c>cached-input</c>, <c>cache-creation</c>, <c>output</c> or <c>reasoning</c>.</summary>
    public UsageType? Usage { get; init; }

    /// <summary>The price of one million tokens.</summary>
    public decimal? PerMillionTokens { get; init; }

    /// <summary>The ISO 4217 currency of the price.</summary>
    public string? Currency { get; init; }

    /// <summary>From when it applies, by the start of a call.</summary>
    public DateTimeOffset? EffectiveFrom { get; init; }

    /// <summary>A tier: applies only to calls with more input tokens than this.</summary>
    public long? AboveInputTokens { get; init; }

    /// <summary>The errors of the request, named by field; empty when it is a valid entry.</summary>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new FieldErrors();
        var provider = Provider ?? "*";
        if (provider.Length is 0 or > GenAiAttributes.MaxNameLength || provider.Any(char.IsControl) || (provider.Contains('*', StringComparison.Ordinal) && provider != "*"))
        {
            errors.Add("provider", ValidationCodes.InvalidFormat, $"provider is the provider's name as traces give it (such as openai), or * for any; at most {GenAiAttributes.MaxNameLength} characters.");
        }
        if (string.IsNullOrWhiteSpace(Model))
        {
            errors.Add("model", ValidationCodes.Required, "model is required: a model's exact name, or a pattern where * stands for any characters (gpt-4o*).");
        }
        else if (Model.Length > GenAiAttributes.MaxNameLength || Model.Any(char.IsControl) || Model.All(character => character == '*'))
        {
            errors.Add("model", ValidationCodes.InvalidFormat, $"model is a name or a pattern with at least one letter, at most {GenAiAttributes.MaxNameLength} characters.");
        }
        if (Usage is null)
        {
            errors.Add("usage", ValidationCodes.Required, "usage is required: input, cached-input, cache-creation, output or reasoning.");
        }
        if (PerMillionTokens is not { } price)
        {
            errors.Add("perMillionTokens", ValidationCodes.Required, "perMillionTokens is required: the price of one million tokens.");
        }
        else if (price < 0 || price > MaxPerMillionTokens)
        {
            errors.Add("perMillionTokens", ValidationCodes.OutOfRange, $"perMillionTokens must be from 0 to {MaxPerMillionTokens:N0}.");
        }
        if (!Currencies.IsKnown(Currency))
        {
            errors.Add("currency", Currency is null ? ValidationCodes.Required : ValidationCodes.UnknownValue, "currency must be an ISO 4217 currency code in capitals, such as USD or EUR.");
        }
        if (EffectiveFrom is null)
        {
            errors.Add("effectiveFrom", ValidationCodes.Required, "effectiveFrom is required: from when the price applies (calls are priced by their start).");
        }
        if (AboveInputTokens is { } above && (above < 1 || above > GenAiAttributes.MaxTokens))
        {
            errors.Add("aboveInputTokens", ValidationCodes.OutOfRange, $"aboveInputTokens must be from 1 to {GenAiAttributes.MaxTokens:N0}.");
        }
        return errors.ToList();
    }

    /// <summary>The entry this request makes (after <see cref="Validate"/> found nothing).</summary>
    public ModelPrice ToPrice() =>
        new(0, (Provider ?? "*").Trim().ToLowerInvariant(), Model!.Trim(), Usage!.Value, PerMillionTokens!.Value, Currency!, EffectiveFrom!.Value) { AboveInputTokens = AboveInputTokens };
}
