using AiRoi.Domain.Metrics;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Tests;

/// <summary>The custom metric rules of <see cref="UseCaseValidator"/>.</summary>
public class CustomMetricRulesTests
{
    private static readonly CustomMetricDefinition Good = UseCases.HandleScore;

    public static TheoryData<string, CustomMetricDefinition?, string, string> Broken => new()
    {
        { "null definition", null, "customMetrics[1]", ValidationCodes.Required },
        { "name blank", Good with { Name = "" }, "customMetrics[1].name", ValidationCodes.Required },
        { "name with space", Good with { Name = "deal velocity" }, "customMetrics[1].name", ValidationCodes.InvalidFormat },
        { "name kebab", Good with { Name = "deal-velocity" }, "customMetrics[1].name", ValidationCodes.InvalidFormat },
        { "name 65 chars", Good with { Name = new string('m', 65) }, "customMetrics[1].name", ValidationCodes.TooLong },
        { "name of a built-in", Good with { Name = MetricKeys.CostPerTask }, "customMetrics[1].name", ValidationCodes.Reserved },
        { "name of a built-in in another case", Good with { Name = "CostPerTask" }, "customMetrics[1].name", ValidationCodes.Reserved },
        { "name declared twice, other case", Good with { Name = "HANDLESCORE" }, "customMetrics[1].name", ValidationCodes.Duplicate },
        { "display name blank", Good with { Name = "other", DisplayName = " " }, "customMetrics[1].displayName", ValidationCodes.Required },
        { "display name 201 chars", Good with { Name = "other", DisplayName = new string('d', 201) }, "customMetrics[1].displayName", ValidationCodes.TooLong },
        { "description 1001 chars", Good with { Name = "other", Description = new string('d', 1001) }, "customMetrics[1].description", ValidationCodes.TooLong },
        { "unit missing", Good with { Name = "other", Unit = 0 }, "customMetrics[1].unit", ValidationCodes.Required },
        { "aggregation undefined", Good with { Name = "other", Aggregation = (Aggregation)99 }, "customMetrics[1].aggregation", ValidationCodes.UnknownValue },
        { "good direction missing", Good with { Name = "other", GoodDirection = 0 }, "customMetrics[1].goodDirection", ValidationCodes.Required },
        { "kind missing", Good with { Name = "other", Kind = 0 }, "customMetrics[1].kind", ValidationCodes.Required },
        { "role missing", Good with { Name = "other", Role = 0 }, "customMetrics[1].role", ValidationCodes.Required },
        { "rate of money", Good with { Name = "other", Aggregation = Aggregation.Rate, Unit = MetricUnit.Currency }, "customMetrics[1].unit", ValidationCodes.Inconsistent },
        { "net promoter of a score", Good with { Name = "other", Aggregation = Aggregation.NetPromoter }, "customMetrics[1].unit", ValidationCodes.Inconsistent },
        { "count of minutes", Good with { Name = "other", Aggregation = Aggregation.Count, Unit = MetricUnit.Minutes }, "customMetrics[1].unit", ValidationCodes.Inconsistent },
        { "vanity output", Good with { Name = "other", Kind = ValueKind.Vanity, Role = MetricRole.Output }, "customMetrics[1].role", ValidationCodes.Inconsistent },
        { "model accuracy as value", MetricTemplates.ModelAccuracy with { Kind = ValueKind.Value }, "customMetrics[1].kind", ValidationCodes.Inconsistent },
        { "active users as value, other case", MetricTemplates.ActiveUsers with { Name = "ActiveUsers", Kind = ValueKind.Value }, "customMetrics[1].kind", ValidationCodes.Inconsistent },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_custom_metric_rule_reports_its_field_and_code(string rule, CustomMetricDefinition? second, string field, string code)
    {
        Assert.NotNull(rule);
        Expect.Single(UseCaseValidator.Validate(WithCustomMetrics(Good, second!)), field, code);
    }

    [Fact]
    public void Custom_metrics_must_be_a_list()
    {
        Expect.Single(UseCaseValidator.Validate(WithCustomMetrics(null!)), "customMetrics", ValidationCodes.Required);
    }

    [Fact]
    public void At_most_fifty_custom_metrics()
    {
        CustomMetricDefinition[] Many(int n) => Enumerable.Range(0, n).Select(i => Good with { Name = $"m{i}" }).ToArray();

        Expect.Valid(UseCaseValidator.Validate(WithCustomMetrics(Many(50))));
        Expect.Single(UseCaseValidator.Validate(WithCustomMetrics(Many(51))), "customMetrics", ValidationCodes.TooMany);
    }

    [Fact]
    public void Every_suggested_and_vanity_template_is_a_valid_custom_metric()
    {
        Expect.Valid(UseCaseValidator.Validate(WithCustomMetrics([.. MetricTemplates.Suggested, .. MetricTemplates.VanityExamples])));
    }

    [Fact]
    public void A_rate_of_a_ratio_a_net_promoter_score_and_a_count_of_counts_are_consistent()
    {
        Expect.Valid(UseCaseValidator.Validate(WithCustomMetrics(
            Good with { Name = "a", Aggregation = Aggregation.Rate, Unit = MetricUnit.Ratio },
            Good with { Name = "b", Aggregation = Aggregation.NetPromoter, Unit = MetricUnit.NetPromoterScore },
            Good with { Name = "c", Aggregation = Aggregation.Count, Unit = MetricUnit.Count },
            Good with { Name = "d", Aggregation = Aggregation.Mean, Unit = MetricUnit.Ratio })));
    }

    private static UseCase WithCustomMetrics(params CustomMetricDefinition[] metrics) =>
        UseCases.Full() with { CustomMetrics = metrics, GuardrailMetrics = [], Targets = [] };
}
