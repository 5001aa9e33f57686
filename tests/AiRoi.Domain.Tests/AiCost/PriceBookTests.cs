using AiRoi.Domain.AiCost;
using AiRoi.Domain.Alerts;
using AiRoi.Domain.Health;
using AiRoi.Domain.Reports;

namespace AiRoi.Domain.Tests.AiCost;

public sealed class PriceBookTests
{
    private static readonly DateTimeOffset Jan = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Jun = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static ModelPrice Price(long id, string model, UsageType usage, decimal perMillion, DateTimeOffset from, bool builtIn = false, long? above = null, string provider = "openai", string currency = "USD") =>
        new(id, provider, model, usage, perMillion, currency, from) { BuiltIn = builtIn, AboveInputTokens = above };

    private static ModelUsage Call(string model, long input, long output, long cached = 0, long creation = 0, long reasoning = 0, DateTimeOffset? at = null) =>
        new("t", "s", at ?? Jun.AddDays(10), "openai", model)
        {
            InputTokens = input, OutputTokens = output, CachedInputTokens = cached, CacheCreationTokens = creation, ReasoningTokens = reasoning,
        };

    [Fact]
    public void Every_kind_of_token_at_its_own_rate()
    {
        var book = new PriceBook([
            Price(1, "gpt-4o", UsageType.Input, 2.50m, Jan), Price(2, "gpt-4o", UsageType.CachedInput, 1.25m, Jan),
            Price(3, "gpt-4o", UsageType.CacheCreation, 3.00m, Jan), Price(4, "gpt-4o", UsageType.Output, 10m, Jan),
            Price(5, "gpt-4o", UsageType.Reasoning, 12m, Jan)]);

        var priced = book.Price(Call("gpt-4o", input: 10_000, output: 2_000, cached: 6_000, creation: 1_000, reasoning: 500), "USD");

        // 3,000 fresh × 2.50 + 6,000 × 1.25 + 1,000 × 3.00 + 1,500 × 10 + 500 × 12, per million.
        Assert.Equal((3_000 * 2.50m + 6_000 * 1.25m + 1_000 * 3.00m + 1_500 * 10m + 500 * 12m) / 1_000_000m, priced.Amount);
        Assert.Equal([1L, 2, 3, 4, 5], priced.PriceIds);
    }

    [Fact]
    public void Without_their_own_price_cached_input_is_priced_as_input_and_reasoning_as_output()
    {
        var book = new PriceBook([Price(1, "m", UsageType.Input, 1m, Jan), Price(2, "m", UsageType.Output, 4m, Jan)]);
        Assert.Equal((1_000 * 1m + 300 * 4m) / 1_000_000m, book.Price(Call("m", 1_000, 300, cached: 800, reasoning: 100), "USD").Amount);
    }

    [Fact]
    public void The_price_in_force_at_the_start_of_the_call_applies()
    {
        var book = new PriceBook([Price(1, "m", UsageType.Input, 1m, Jan), Price(2, "m", UsageType.Input, 2m, Jun)]);
        Assert.Equal(1m, book.Price(Call("m", 1_000_000, 0, at: Jun.AddTicks(-1)), "USD").Amount);
        Assert.Equal(2m, book.Price(Call("m", 1_000_000, 0, at: Jun), "USD").Amount);
        Assert.Equal([2L], book.Price(Call("m", 1_000_000, 0, at: Jun), "USD").PriceIds);
    }

    [Fact]
    public void The_organization_beats_built_in_and_exact_beats_pattern()
    {
        var book = new PriceBook([
            Price(1, "gpt-4o*", UsageType.Input, 5m, Jan, builtIn: true), Price(2, "gpt-4o-mini", UsageType.Input, 0.15m, Jan, builtIn: true),
            Price(3, "gpt-4o*", UsageType.Input, 4m, Jan)]);

        Assert.Equal(4m, book.Price(Call("gpt-4o-2024-08-06", 1_000_000, 0), "USD").Amount);
        Assert.Equal(4m, book.Price(Call("gpt-4o-mini", 1_000_000, 0), "USD").Amount);
        Assert.Equal(0.15m, new PriceBook(book.Prices.Where(p => p.Id != 3).ToList()).Price(Call("gpt-4o-mini", 1_000_000, 0), "USD").Amount);
    }

    [Fact]
    public void A_longer_context_pays_the_higher_tier()
    {
        var book = new PriceBook([Price(1, "gemini-1.5-pro", UsageType.Input, 1.25m, Jan, provider: "*"), Price(2, "gemini-1.5-pro", UsageType.Input, 2.50m, Jan, above: 128_000, provider: "*")]);
        Assert.Equal(128_000 * 1.25m / 1_000_000m, book.Price(Call("gemini-1.5-pro", 128_000, 0), "USD").Amount);
        Assert.Equal(200_000 * 2.50m / 1_000_000m, book.Price(Call("gemini-1.5-pro", 200_000, 0), "USD").Amount);
    }

    [Fact]
    public void A_model_without_a_price_is_unpriced_never_zero()
    {
        var book = new PriceBook([Price(1, "m", UsageType.Input, 1m, Jan)]);

        var priced = book.Price(Call("m", 100, 50), "USD");
        Assert.Equal((null, 150L), (priced.Amount, priced.UnpricedTokens));
        Assert.Contains("output", priced.Note, StringComparison.Ordinal);
        Assert.Equal((null, 30L), (book.Price(Call("other", 10, 20), "USD").Amount, book.Price(Call("other", 10, 20), "USD").UnpricedTokens));
        Assert.Contains("never converted", book.Price(Call("m", 100, 0), "EUR").Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reported_cost_is_not_priced()
    {
        var priced = new PriceBook([]).Price(Call("m", 100, 50) with { ReportedCost = 0.5m }, "USD");
        Assert.Equal((0.5m, true, 0L), (priced.Amount, priced.Reported, priced.UnpricedTokens));
    }

    [Theory]
    [InlineData("gpt-4o*", "gpt-4o-2024-08-06", true)]
    [InlineData("gpt-4o*", "GPT-4O", true)]
    [InlineData("*sonnet*", "claude-3-5-sonnet-latest", true)]
    [InlineData("claude-*-haiku", "claude-3-5-haiku", true)]
    [InlineData("claude-*-haiku", "claude-3-5-sonnet", false)]
    [InlineData("a*a", "a", false)]
    [InlineData("gpt-4o", "gpt-4o-mini", false)]
    public void Patterns_match_as_globs(string pattern, string name, bool matches) => Assert.Equal(matches, ModelPrice.Matches(pattern, name));
}

public sealed class AiCostHonestyTests
{
    [Fact]
    public void Tokens_without_a_price_are_a_health_finding_naming_the_models()
    {
        var inputs = new HealthInputs(UseCases.Full(), new DateOnly(2026, 11, 20))
        {
            UnpricedTokensByModel = new Dictionary<string, long> { ["model-b"] = 10, ["model-a"] = 1_500 },
        };

        var finding = HealthChecks.Evaluate(inputs).Single(finding => finding.Check == HealthCheck.AiCostNotPriced);

        Assert.StartsWith("1,510 tokens of traced model calls have no price (model-a, model-b)", finding.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(HealthChecks.Evaluate(inputs with { UnpricedTokensByModel = new Dictionary<string, long>() }),
            other => other.Check == HealthCheck.AiCostNotPriced);
    }

    [Fact]
    public void Spend_with_no_outcome_is_priced_and_its_unpriced_tokens_counted_apart()
    {
        var book = new PriceBook([new ModelPrice(1, "*", "m", UsageType.Input, 1m, "USD", DateTimeOffset.UnixEpoch)]);
        var at = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        ModelUsage[] calls = [new("t", "a", at, "x", "m") { InputTokens = 500_000 }, new("t", "b", at, "x", "unknown") { InputTokens = 7, OutputTokens = 3 }];

        Assert.Equal(new AiSpendWithNoOutcome(2, 500_010, 0.5m, 10), AiSpendWithNoOutcome.Of(calls, book, "USD"));
        Assert.Null(AiSpendWithNoOutcome.Of([], book, "USD"));
    }
}

public sealed class AiSpendAlertTests
{
    [Fact]
    public void Spend_with_no_outcome_is_an_alert_condition_of_its_use_case()
    {
        var summary = new UseCaseSummary("support-bot", "Support bot", AiRoi.Domain.UseCases.UseCaseCategory.CustomerService, null, false, 0, null, [], null, [], Currency: "EUR");

        Assert.Empty(AlertConditions.ForUseCase(summary));
        var condition = AlertConditions.ForUseCase(summary with { AiSpendWithNoOutcome = new AiSpendWithNoOutcome(3, 1_000, 1.5m, 0) }).Single();
        Assert.Equal(("ai-spend:no-outcome", AlertKind.AiSpendWithNoOutcome), (condition.Key, condition.Kind));
        Assert.StartsWith("3 traced model calls (1.50 EUR) never found their outcome event", condition.Detail, StringComparison.Ordinal);
        Assert.Contains(AlertConditions.UseCasePrefixes, prefix => condition.Key.StartsWith(prefix, StringComparison.Ordinal));
    }
}
