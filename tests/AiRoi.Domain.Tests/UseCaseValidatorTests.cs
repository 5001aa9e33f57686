using AiRoi.Domain.Metrics;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Tests;

/// <summary>
/// Each rule of <see cref="UseCaseValidator"/> outside targets and custom metrics: a valid use case broken in
/// exactly one place must yield exactly that field and code.
/// </summary>
public class UseCaseValidatorTests
{
    public static TheoryData<string, Func<UseCase, UseCase>, string, string> Broken => new()
    {
        { "id null", u => u with { Id = null! }, "id", ValidationCodes.Required },
        { "id not a slug", u => u with { Id = "EMEA Support" }, "id", ValidationCodes.InvalidFormat },
        { "id 65 chars", u => u with { Id = new string('a', 65) }, "id", ValidationCodes.TooLong },
        { "name blank", u => u with { Name = " " }, "name", ValidationCodes.Required },
        { "name 201 chars", u => u with { Name = new string('n', 201) }, "name", ValidationCodes.TooLong },
        { "name control", u => u with { Name = "EMEA\nbot" }, "name", ValidationCodes.InvalidFormat },
        { "category missing", u => u with { Category = 0 }, "category", ValidationCodes.Required },
        { "category undefined", u => u with { Category = (UseCaseCategory)99 }, "category", ValidationCodes.UnknownValue },
        { "owner name blank", u => u with { BusinessOwner = u.BusinessOwner! with { Name = "" } }, "businessOwner.name", ValidationCodes.Required },
        { "owner name 201 chars", u => u with { BusinessOwner = u.BusinessOwner! with { Name = new string('n', 201) } }, "businessOwner.name", ValidationCodes.TooLong },
        { "owner email blank", u => u with { BusinessOwner = u.BusinessOwner! with { Email = "" } }, "businessOwner.email", ValidationCodes.Required },
        { "owner email no at", u => u with { BusinessOwner = u.BusinessOwner! with { Email = "ana.example.com" } }, "businessOwner.email", ValidationCodes.InvalidFormat },
        { "owner email no dot", u => u with { BusinessOwner = u.BusinessOwner! with { Email = "ana@example" } }, "businessOwner.email", ValidationCodes.InvalidFormat },
        { "owner email 255 chars", u => u with { BusinessOwner = u.BusinessOwner! with { Email = "a@" + new string('d', 249) + ".com" } }, "businessOwner.email", ValidationCodes.TooLong },
        { "go-live before 2000", u => u with { AiGoLiveDate = new DateOnly(1999, 12, 31), Targets = [] }, "aiGoLiveDate", ValidationCodes.OutOfRange },
        { "go-live after 2100", u => u with { AiGoLiveDate = new DateOnly(2101, 1, 1), Targets = [] }, "aiGoLiveDate", ValidationCodes.OutOfRange },
        { "go-live unset date", u => u with { AiGoLiveDate = default(DateOnly) }, "aiGoLiveDate", ValidationCodes.OutOfRange },
        { "economics missing", u => u with { UnitEconomics = null! }, "unitEconomics", ValidationCodes.Required },
        { "hourly cost negative", u => u with { UnitEconomics = u.UnitEconomics with { LoadedHumanCostPerHour = -1m } }, "unitEconomics.loadedHumanCostPerHour", ValidationCodes.Negative },
        { "hourly cost is a salary", u => u with { UnitEconomics = u.UnitEconomics with { LoadedHumanCostPerHour = 120_000m } }, "unitEconomics.loadedHumanCostPerHour", ValidationCodes.OutOfRange },
        { "value per conversion negative", u => u with { UnitEconomics = u.UnitEconomics with { ValuePerConversion = -0.01m } }, "unitEconomics.valuePerConversion", ValidationCodes.Negative },
        { "value per conversion over max", u => u with { UnitEconomics = u.UnitEconomics with { ValuePerConversion = 1_000_000_001m } }, "unitEconomics.valuePerConversion", ValidationCodes.OutOfRange },
        { "currency lower case", u => u with { UnitEconomics = u.UnitEconomics with { Currency = "eur" } }, "unitEconomics.currency", ValidationCodes.UnknownValue },
        { "currency not ISO 4217", u => u with { UnitEconomics = u.UnitEconomics with { Currency = "EURO" } }, "unitEconomics.currency", ValidationCodes.UnknownValue },
        { "currency made up", u => u with { UnitEconomics = u.UnitEconomics with { Currency = "QQQ" } }, "unitEconomics.currency", ValidationCodes.UnknownValue },
        { "fixed costs null", u => u with { UnitEconomics = u.UnitEconomics with { FixedMonthlyCosts = null! } }, "unitEconomics.fixedMonthlyCosts", ValidationCodes.Required },
        { "51 fixed costs", u => u with { UnitEconomics = u.UnitEconomics with { FixedMonthlyCosts = Enumerable.Range(0, 51).Select(i => new FixedCost($"cost {i}", 1m)).ToArray() } }, "unitEconomics.fixedMonthlyCosts", ValidationCodes.TooMany },
        { "fixed cost null", u => u with { UnitEconomics = u.UnitEconomics with { FixedMonthlyCosts = [null!] } }, "unitEconomics.fixedMonthlyCosts[0]", ValidationCodes.Required },
        { "fixed cost name blank", u => u with { UnitEconomics = u.UnitEconomics with { FixedMonthlyCosts = [new FixedCost("", 1m)] } }, "unitEconomics.fixedMonthlyCosts[0].name", ValidationCodes.Required },
        { "fixed cost name 101 chars", u => u with { UnitEconomics = u.UnitEconomics with { FixedMonthlyCosts = [new FixedCost(new string('c', 101), 1m)] } }, "unitEconomics.fixedMonthlyCosts[0].name", ValidationCodes.TooLong },
        { "fixed cost negative", u => u with { UnitEconomics = u.UnitEconomics with { FixedMonthlyCosts = [new FixedCost("Licence", -5m)] } }, "unitEconomics.fixedMonthlyCosts[0].amount", ValidationCodes.Negative },
        { "fixed cost over max", u => u with { UnitEconomics = u.UnitEconomics with { FixedMonthlyCosts = [new FixedCost("Licence", 100_000_001m)] } }, "unitEconomics.fixedMonthlyCosts[0].amount", ValidationCodes.OutOfRange },
        { "fixed cost twice", u => u with { UnitEconomics = u.UnitEconomics with { FixedMonthlyCosts = [new FixedCost("Licence", 5m), new FixedCost(" licence ", 5m)] } }, "unitEconomics.fixedMonthlyCosts[1].name", ValidationCodes.Duplicate },
        { "primary metric missing", u => u with { PrimaryMetric = null! }, "primaryMetric", ValidationCodes.Required },
        { "primary metric unknown", u => u with { PrimaryMetric = "revenue" }, "primaryMetric", ValidationCodes.UnknownMetric },
        { "primary metric wrong case", u => u with { PrimaryMetric = "FcrRate" }, "primaryMetric", ValidationCodes.UnknownMetric },
        { "primary metric undeclared template", u => u with { PrimaryMetric = MetricTemplates.DealVelocity.Name }, "primaryMetric", ValidationCodes.UnknownMetric },
        { "guardrails null", u => u with { GuardrailMetrics = null! }, "guardrailMetrics", ValidationCodes.Required },
        { "11 guardrails", u => u with { GuardrailMetrics = MetricCatalog.BuiltIn.Skip(1).Take(11).Select(m => m.Key).ToArray() }, "guardrailMetrics", ValidationCodes.TooMany },
        { "guardrail blank", u => u with { GuardrailMetrics = [""] }, "guardrailMetrics[0]", ValidationCodes.Required },
        { "guardrail unknown", u => u with { GuardrailMetrics = [MetricKeys.CsatMean, "happiness"] }, "guardrailMetrics[1]", ValidationCodes.UnknownMetric },
        { "guardrail is the primary", u => u with { GuardrailMetrics = [MetricKeys.CsatMean, MetricKeys.FcrRate] }, "guardrailMetrics[1]", ValidationCodes.Inconsistent },
        { "guardrail twice", u => u with { GuardrailMetrics = [MetricKeys.CsatMean, MetricKeys.CsatMean] }, "guardrailMetrics[1]", ValidationCodes.Duplicate },
        { "review cadence 0", u => u with { ReviewCadenceDays = 0 }, "reviewCadenceDays", ValidationCodes.OutOfRange },
        { "review cadence 366", u => u with { ReviewCadenceDays = 366 }, "reviewCadenceDays", ValidationCodes.OutOfRange },
    };

    public static TheoryData<string, Func<UseCase, UseCase>> Accepted => new()
    {
        { "no owner", u => u with { BusinessOwner = null } },
        { "no go-live date", u => u with { AiGoLiveDate = null } },
        { "name 200 chars", u => u with { Name = new string('n', 200) } },
        { "zero economics", u => u with { UnitEconomics = new UnitEconomics(0m, 0m, [new FixedCost("Licence", 0m)]) } },
        { "maximum economics", u => u with { UnitEconomics = new UnitEconomics(100_000m, 1_000_000_000m, [new FixedCost("Licence", 100_000_000m)]) } },
        { "own currency EUR", u => u with { UnitEconomics = u.UnitEconomics with { Currency = "EUR" } } },
        { "own currency JPY", u => u with { UnitEconomics = u.UnitEconomics with { Currency = "JPY" } } },
        { "50 fixed costs", u => u with { UnitEconomics = u.UnitEconomics with { FixedMonthlyCosts = Enumerable.Range(0, 50).Select(i => new FixedCost($"cost {i}", 1m)).ToArray() } } },
        { "custom primary metric", u => u with { PrimaryMetric = UseCases.HandleScore.Name, GuardrailMetrics = [MetricKeys.FcrRate] } },
        { "vanity primary metric (a health finding, not an input error)", u => u with { PrimaryMetric = MetricTemplates.ModelAccuracy.Name } },
        { "10 guardrails", u => u with { GuardrailMetrics = MetricCatalog.BuiltIn.Where(m => m.Key != MetricKeys.FcrRate).Take(10).Select(m => m.Key).ToArray() } },
        { "no guardrails, targets or custom metrics", u => u with { GuardrailMetrics = [], Targets = [], CustomMetrics = [] } },
        { "review cadence 1", u => u with { ReviewCadenceDays = 1 } },
        { "review cadence 365", u => u with { ReviewCadenceDays = 365 } },
        { "archived", u => u with { Archived = true } },
        { "category other", u => u with { Category = UseCaseCategory.Other } },
    };

    [Fact]
    public void A_minimal_use_case_is_valid() => Expect.Valid(UseCaseValidator.Validate(UseCases.Minimal()));

    [Fact]
    public void A_fully_populated_use_case_is_valid() => Expect.Valid(UseCaseValidator.Validate(UseCases.Full()));

    [Fact]
    public void The_review_cadence_defaults_to_thirty_days() => Assert.Equal(30, UseCases.Minimal().ReviewCadenceDays);

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_rule_reports_its_field_and_code(string rule, Func<UseCase, UseCase> breakIt, string field, string code)
    {
        Assert.NotNull(rule);
        Expect.Single(UseCaseValidator.Validate(breakIt(UseCases.Full())), field, code);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Valid_variations_are_accepted(string rule, Func<UseCase, UseCase> change)
    {
        Assert.NotNull(rule);
        Expect.Valid(UseCaseValidator.Validate(change(UseCases.Full())));
    }

    [Fact]
    public void A_metric_resolves_to_the_built_in_definition_or_the_custom_one()
    {
        var useCase = UseCases.Full();

        Assert.Same(MetricCatalog.Find(MetricKeys.FcrRate), useCase.ResolveMetric(MetricKeys.FcrRate));
        Assert.Equal(MetricUnit.Score, useCase.ResolveMetric("handleScore")?.Unit);
        Assert.Null(useCase.ResolveMetric("dealVelocity"));
    }
}
