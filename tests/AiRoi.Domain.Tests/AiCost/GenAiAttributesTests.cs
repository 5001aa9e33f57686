using AiRoi.Domain;
using AiRoi.Domain.AiCost;

namespace AiRoi.Domain.Tests.AiCost;

public sealed class GenAiAttributesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static (ModelUsage? Usage, List<ValidationError> Errors) Read(params (string Key, object? Value)[] attributes)
    {
        var errors = new List<ValidationError>();
        var usage = GenAiAttributes.Read("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", Start, attributes.ToDictionary(a => a.Key, a => a.Value), errors);
        return (usage, errors);
    }

    [Fact]
    public void Current_names_give_every_kind_of_token()
    {
        var (usage, errors) = Read(
            ("gen_ai.operation.name", "chat"), ("gen_ai.provider.name", "OpenAI"), ("gen_ai.request.model", "gpt-4o"),
            ("gen_ai.response.model", "gpt-4o-2024-08-06"), ("gen_ai.usage.input_tokens", 1200L), ("gen_ai.usage.output_tokens", 300L),
            ("gen_ai.usage.cache_read.input_tokens", 1000L), ("gen_ai.usage.cache_creation.input_tokens", 100L),
            ("gen_ai.usage.reasoning.output_tokens", 200L), ("airoi.use_case_id", "support-bot"), ("airoi.event_id", "t-1"));

        Assert.Empty(errors);
        Assert.NotNull(usage);
        Assert.Equal(("openai", "gpt-4o-2024-08-06", "chat"), (usage.Provider, usage.Model, usage.Operation));
        Assert.Equal([(UsageType.Input, 100L), (UsageType.CachedInput, 1000L), (UsageType.CacheCreation, 100L), (UsageType.Output, 100L), (UsageType.Reasoning, 200L)],
            usage.TokensByType().ToArray());
        Assert.Equal(("support-bot", "t-1"), (usage.UseCaseId, usage.EventId));
    }

    [Fact]
    public void Older_names_are_read_as_the_current_ones()
    {
        var (usage, errors) = Read(("gen_ai.system", "anthropic"), ("gen_ai.request.model", "claude-3-5-haiku"),
            ("gen_ai.usage.prompt_tokens", 50L), ("gen_ai.usage.completion_tokens", 20.0), ("gen_ai.usage.cache_read_input_tokens", 10L));

        Assert.Empty(errors);
        Assert.Equal(("anthropic", "claude-3-5-haiku", 50L, 20L, 10L), (usage!.Provider, usage.Model, usage.InputTokens, usage.OutputTokens, usage.CachedInputTokens));
    }

    [Fact]
    public void A_span_without_tokens_or_cost_is_not_a_model_call()
    {
        Assert.Equal((null, 0), (Read(("http.request.method", "GET")).Usage, Read(("http.request.method", "GET")).Errors.Count));
        Assert.Null(Read(("gen_ai.operation.name", "execute_tool"), ("gen_ai.request.model", "gpt-4o")).Usage);
    }

    [Fact]
    public void A_reported_cost_is_kept()
    {
        var (usage, _) = Read(("gen_ai.request.model", "m"), ("gen_ai.usage.cost", 0.0125));
        Assert.Equal(0.0125m, usage!.ReportedCost);
    }

    [Theory]
    [InlineData("gen_ai.usage.input_tokens", -5L, ValidationCodes.Negative)]
    [InlineData("gen_ai.usage.output_tokens", 1e12, ValidationCodes.InvalidFormat)]
    [InlineData("gen_ai.usage.output_tokens", 2.5, ValidationCodes.InvalidFormat)]
    [InlineData("gen_ai.usage.input_tokens", "many", ValidationCodes.InvalidFormat)]
    [InlineData("gen_ai.usage.input_tokens", 200_000_000L, ValidationCodes.OutOfRange)]
    [InlineData("gen_ai.usage.cost", -1.0, ValidationCodes.OutOfRange)]
    public void Impossible_values_refuse_the_span_naming_the_attribute(string key, object value, string code)
    {
        var attributes = new Dictionary<string, object?> { ["gen_ai.request.model"] = "gpt-4o", ["gen_ai.usage.input_tokens"] = 10L, ["gen_ai.usage.output_tokens"] = 5L };
        attributes[key] = value;
        var errors = new List<ValidationError>();

        Assert.Null(GenAiAttributes.Read("t", "s", Start, attributes, errors));
        Assert.Equal((key, code), (errors.Single().Field, errors.Single().Code));
    }

    [Fact]
    public void Parts_larger_than_their_whole_are_refused()
    {
        Assert.Equal(ValidationCodes.Inconsistent, Read(("gen_ai.request.model", "m"), ("gen_ai.usage.input_tokens", 10L), ("gen_ai.usage.cache_read.input_tokens", 11L)).Errors.Single().Code);
        Assert.Equal(ValidationCodes.Inconsistent, Read(("gen_ai.request.model", "m"), ("gen_ai.usage.output_tokens", 10L), ("gen_ai.usage.reasoning.output_tokens", 11L)).Errors.Single().Code);
        Assert.Equal(ValidationCodes.Required, Read(("gen_ai.usage.input_tokens", 10L)).Errors.Single().Code);
        Assert.Equal(ValidationCodes.InvalidFormat, Read(("gen_ai.request.model", "m"), ("gen_ai.usage.input_tokens", 1L), ("airoi.use_case_id", "Not A Slug")).Errors.Single().Code);
    }

    [Fact]
    public void A_link_needs_both_ids()
    {
        Assert.Equal(("support-bot", "t-1"), GenAiAttributes.Link(new Dictionary<string, object?> { ["airoi.use_case_id"] = "support-bot", ["airoi.event_id"] = "t-1" }));
        Assert.Null(GenAiAttributes.Link(new Dictionary<string, object?> { ["airoi.event_id"] = "t-1" }));
    }
}
