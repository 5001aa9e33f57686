using AiRoi.Domain.Experiments;

namespace AiRoi.Domain.Tests.Experiments;

public sealed class ExperimentRulesTests
{
    private static readonly Domain.UseCases.UseCase Chatbot = UseCases.Full();

    private static ExperimentDefinition Valid() => new()
    {
        UseCaseId = Chatbot.Id,
        Name = "Prompt v4",
        Variants = [new ExperimentVariant("control", 1 / 3.0), new ExperimentVariant("prompt-v4", 1 / 3.0), new ExperimentVariant("prompt-v5", 1 / 3.0)],
        PrimaryMetric = "fcrRate",
        GuardrailMetrics = ["csatMean"],
    };

    [Fact]
    public void A_complete_definition_with_weights_in_thirds_is_valid() => Expect.Valid(ExperimentRules.Check(Valid(), Chatbot));

    [Fact]
    public void An_unregistered_use_case_is_refused() =>
        Expect.Single(ExperimentRules.Check(Valid() with { UseCaseId = "nobody" }, null), "useCaseId", ValidationCodes.UnknownValue);

    [Fact]
    public void Weights_must_sum_to_one() =>
        Expect.Single(ExperimentRules.Check(Valid() with { Variants = [new("control", 0.5), new("b", 0.6)] }, Chatbot), "variants", ValidationCodes.Inconsistent);

    [Fact]
    public void A_weight_must_be_positive() =>
        Assert.Contains(ExperimentRules.Check(Valid() with { Variants = [new("control", 1), new("b", 0)] }, Chatbot),
            error => error.Field == "variants[1].weight" && error.Code == ValidationCodes.OutOfRange);

    [Fact]
    public void Variant_names_are_unique() =>
        Expect.Single(ExperimentRules.Check(Valid() with { Variants = [new("control", 0.5), new("control", 0.5)] }, Chatbot), "variants[1].name", ValidationCodes.Duplicate);

    [Fact]
    public void Metrics_must_be_the_use_cases_and_a_guardrail_is_not_the_primary()
    {
        Expect.Single(ExperimentRules.Check(Valid() with { PrimaryMetric = "happiness" }, Chatbot), "primaryMetric", ValidationCodes.UnknownMetric);
        Expect.Single(ExperimentRules.Check(Valid() with { GuardrailMetrics = ["fcrRate"] }, Chatbot), "guardrailMetrics[0]", ValidationCodes.Inconsistent);
    }

    [Fact]
    public void A_namespace_slice_and_the_plan_are_checked() =>
        Assert.Equal(["namespace", "power"], ExperimentRules.Check(Valid() with { Namespace = new("support", 0.6, 0.4), Power = 1.0 }, Chatbot).Select(e => e.Field));

    [Fact]
    public void The_multiple_testing_correction_and_the_guardrail_tolerance_are_checked()
    {
        Expect.Valid(ExperimentRules.Check(Valid() with { MultipleTesting = MultipleTestingCorrection.BenjaminiHochberg, GuardrailTolerance = 0.05 }, Chatbot));
        Expect.Single(ExperimentRules.Check(Valid() with { GuardrailTolerance = 0 }, Chatbot), "guardrailTolerance", ValidationCodes.OutOfRange);
        Expect.Single(ExperimentRules.Check(Valid() with { GuardrailTolerance = 0.6 }, Chatbot), "guardrailTolerance", ValidationCodes.OutOfRange);
        Assert.Contains(ExperimentRules.Check(Valid() with { MultipleTesting = (MultipleTestingCorrection)9 }, Chatbot), error => error.Field == "multipleTesting");
    }
}
