using AiRoi.Domain.Metrics;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Tests;

/// <summary>The target rules of <see cref="UseCaseValidator"/>: each broken target yields exactly its field and code.</summary>
public class TargetRulesTests
{
    private static readonly DateOnly Due = new(2026, 9, 30);

    public static TheoryData<string, Target?, string, string> Broken => new()
    {
        { "null target", null, "targets[0]", ValidationCodes.Required },
        { "metric blank", new Target("", TargetDirection.AtLeast, 0.7, Due), "targets[0].metricKey", ValidationCodes.Required },
        { "metric unknown", new Target("happiness", TargetDirection.AtLeast, 0.7, Due), "targets[0].metricKey", ValidationCodes.UnknownMetric },
        { "direction missing", new Target(MetricKeys.FcrRate, 0, 0.7, Due), "targets[0].direction", ValidationCodes.Required },
        { "direction undefined", new Target(MetricKeys.FcrRate, (TargetDirection)5, 0.7, Due), "targets[0].direction", ValidationCodes.UnknownValue },
        { "value NaN", new Target(MetricKeys.FcrRate, TargetDirection.AtLeast, double.NaN, Due), "targets[0].value", ValidationCodes.NotFinite },
        { "value infinite", new Target(MetricKeys.CostPerTask, TargetDirection.AtMost, double.PositiveInfinity, Due), "targets[0].value", ValidationCodes.NotFinite },
        { "rate above 1 (percent sent as a number)", new Target(MetricKeys.FcrRate, TargetDirection.AtLeast, 70, Due), "targets[0].value", ValidationCodes.OutOfRange },
        { "rate below 0", new Target(MetricKeys.ExceptionRate, TargetDirection.AtMost, -0.1, Due), "targets[0].value", ValidationCodes.OutOfRange },
        { "CSAT above 5", new Target(MetricKeys.CsatMean, TargetDirection.AtLeast, 6, Due), "targets[0].value", ValidationCodes.OutOfRange },
        { "CSAT below 1", new Target(MetricKeys.CsatMean, TargetDirection.AtLeast, 0.5, Due), "targets[0].value", ValidationCodes.OutOfRange },
        { "NPS below -100", new Target(MetricKeys.Nps, TargetDirection.AtLeast, -101, Due), "targets[0].value", ValidationCodes.OutOfRange },
        { "NPS above 100", new Target(MetricKeys.Nps, TargetDirection.AtLeast, 101, Due), "targets[0].value", ValidationCodes.OutOfRange },
        { "negative cost", new Target(MetricKeys.CostPerTask, TargetDirection.AtMost, -1, Due), "targets[0].value", ValidationCodes.OutOfRange },
        { "negative duration", new Target(MetricKeys.ResolutionTimeP90, TargetDirection.AtMost, -60, Due), "targets[0].value", ValidationCodes.OutOfRange },
        { "custom rating metric above 5", new Target(MetricTemplates.QualityRating.Name, TargetDirection.AtLeast, 6, Due), "targets[0].value", ValidationCodes.OutOfRange },
        { "at most on higher-is-better", new Target(MetricKeys.CsatMean, TargetDirection.AtMost, 3, Due), "targets[0].direction", ValidationCodes.Inconsistent },
        { "at least on lower-is-better", new Target(MetricKeys.CostPerTask, TargetDirection.AtLeast, 10, Due), "targets[0].direction", ValidationCodes.Inconsistent },
        { "due date missing", new Target(MetricKeys.FcrRate, TargetDirection.AtLeast, 0.7, default), "targets[0].dueDate", ValidationCodes.Required },
        { "due date before 2000", new Target(MetricKeys.FcrRate, TargetDirection.AtLeast, 0.7, new DateOnly(1999, 12, 31)), "targets[0].dueDate", ValidationCodes.OutOfRange },
        { "due date after 2100", new Target(MetricKeys.FcrRate, TargetDirection.AtLeast, 0.7, new DateOnly(2101, 1, 1)), "targets[0].dueDate", ValidationCodes.OutOfRange },
        { "due before go-live", new Target(MetricKeys.FcrRate, TargetDirection.AtLeast, 0.7, UseCases.GoLive.AddDays(-1)), "targets[0].dueDate", ValidationCodes.Inconsistent },
    };

    public static TheoryData<string, Target> Accepted => new()
    {
        { "rate of 0", new Target(MetricKeys.ExceptionRate, TargetDirection.AtMost, 0, Due) },
        { "rate of 1", new Target(MetricKeys.FcrRate, TargetDirection.AtLeast, 1, Due) },
        { "negative NPS", new Target(MetricKeys.Nps, TargetDirection.AtLeast, -20, Due) },
        { "CSAT 5", new Target(MetricKeys.CsatMean, TargetDirection.AtLeast, 5, Due) },
        { "any score", new Target(UseCases.HandleScore.Name, TargetDirection.AtLeast, -3.5, Due) },
        { "due on go-live day", new Target(MetricKeys.FcrRate, TargetDirection.AtLeast, 0.7, UseCases.GoLive) },
        { "due in 2100", new Target(MetricKeys.FcrRate, TargetDirection.AtLeast, 0.7, new DateOnly(2100, 12, 31)) },
        { "due long ago (history stays valid)", new Target(MetricKeys.TasksCompleted, TargetDirection.AtLeast, 1000, UseCases.GoLive.AddDays(1)) },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_target_rule_reports_its_field_and_code(string rule, Target? target, string field, string code)
    {
        Assert.NotNull(rule);
        Expect.Single(UseCaseValidator.Validate(WithTargets(target!)), field, code);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Sensible_targets_are_accepted(string rule, Target target)
    {
        Assert.NotNull(rule);
        Expect.Valid(UseCaseValidator.Validate(WithTargets(target)));
    }

    [Fact]
    public void Targets_must_be_a_list()
    {
        Expect.Single(UseCaseValidator.Validate(UseCases.Full() with { Targets = null! }), "targets", ValidationCodes.Required);
    }

    [Fact]
    public void At_most_twenty_targets()
    {
        var target = new Target(MetricKeys.FcrRate, TargetDirection.AtLeast, 0.7, Due);

        Expect.Valid(UseCaseValidator.Validate(WithTargets(Enumerable.Repeat(target, 20).ToArray())));
        Expect.Single(UseCaseValidator.Validate(WithTargets(Enumerable.Repeat(target, 21).ToArray())), "targets", ValidationCodes.TooMany);
    }

    [Fact]
    public void A_due_date_before_go_live_is_fine_when_there_is_no_go_live_date()
    {
        var early = new Target(MetricKeys.FcrRate, TargetDirection.AtLeast, 0.7, UseCases.GoLive.AddDays(-30));

        Expect.Valid(UseCaseValidator.Validate(WithTargets(early) with { AiGoLiveDate = null }));
    }

    private static UseCase WithTargets(params Target[] targets) =>
        UseCases.Full() with { Targets = targets, CustomMetrics = [UseCases.HandleScore, MetricTemplates.QualityRating] };
}
