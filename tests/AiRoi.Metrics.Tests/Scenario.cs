using AiRoi.Domain.Events;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.UseCases;

namespace AiRoi.Metrics.Tests;

/// <summary>Builders for the grain tests: a use case with a fresh id, and events on given days.</summary>
public static class Scenario
{
    /// <summary>Noon UTC of a day: far from midnight, so the event's day is unambiguous.</summary>
    public static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    /// <summary>A customer-service use case with a fresh id, an hourly cost of 60 and fixed costs of 20 a month.</summary>
    public static UseCase UseCase(string prefix) => new(
        $"{prefix}-{Guid.NewGuid():N}",
        "Support chatbot",
        UseCaseCategory.CustomerService,
        new UnitEconomics(60m, 100m, [new FixedCost("LLM platform", 20m)]) { ImplementationCost = 64m },
        MetricKeys.FcrRate)
    {
        BusinessOwner = new BusinessOwner("Ana Silva", "ana@example.com"),
        AiGoLiveDate = new DateOnly(2026, 6, 1),
        GuardrailMetrics = [MetricKeys.CsatMean],
        Targets = [new Target(MetricKeys.FcrRate, TargetDirection.AtLeast, 0.7, new DateOnly(2026, 12, 31))],
    };

    /// <summary>An event completed at noon of <paramref name="day"/> after <paramref name="seconds"/> seconds.</summary>
    public static OutcomeEvent Event(UseCase useCase, DateOnly day, Handler handler, double seconds = 600) =>
        new(Guid.NewGuid().ToString("N"), useCase.Id, Noon(day).AddSeconds(-seconds), Noon(day), handler);
}
