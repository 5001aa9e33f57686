using AiRoi.Domain.Metrics;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Tests;

/// <summary>A fully valid use case for the tests to break one field at a time.</summary>
internal static class UseCases
{
    public static readonly DateOnly GoLive = new(2026, 1, 15);

    public static CustomMetricDefinition HandleScore => new(
        "handleScore", "Handle score", MetricUnit.Score, Aggregation.Mean, GoodDirection.Higher, ValueKind.Value, MetricRole.Process,
        "Supervisor's score of how the conversation was handled.");

    public static UseCase Minimal() => new(
        "emea-support-chatbot", "EMEA support chatbot", UseCaseCategory.CustomerService,
        new UnitEconomics(48m, 0m, []), MetricKeys.FcrRate);

    /// <summary>Every field set to a valid value.</summary>
    public static UseCase Full() => Minimal() with
    {
        BusinessOwner = new BusinessOwner("Ana López", "ana.lopez@example.com"),
        AiGoLiveDate = GoLive,
        UnitEconomics = new UnitEconomics(48.50m, 120m, [new FixedCost("LLM platform licence", 4_000m), new FixedCost("Prompt engineering team", 18_000m)]),
        GuardrailMetrics = [MetricKeys.CsatMean, MetricKeys.EscalationRate, HandleScore.Name],
        Targets =
        [
            new Target(MetricKeys.FcrRate, TargetDirection.AtLeast, 0.7, new DateOnly(2026, 6, 30)),
            new Target(MetricKeys.CostPerTask, TargetDirection.AtMost, 2.5, new DateOnly(2026, 12, 31)),
            new Target(HandleScore.Name, TargetDirection.AtLeast, 80, GoLive),
        ],
        CustomMetrics = [HandleScore, MetricTemplates.ModelAccuracy],
        ReviewCadenceDays = 14,
    };
}
