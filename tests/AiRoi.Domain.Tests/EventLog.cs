using AiRoi.Domain.Events;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Tests;

/// <summary>Outcome events on given days, and roll-ups built from them in log order, as the grain builds them.</summary>
internal static class EventLog
{
    /// <summary>z(0.975), the two-sided 95 % normal quantile, from tables (reference_values.py prints the same digits).</summary>
    public const double Z = 1.959963984540054;

    private static long ids;

    /// <summary>An event that completed at noon UTC on <paramref name="day"/>, five minutes after it started.</summary>
    public static OutcomeEvent On(DateOnly day, Handler handler = Handler.Ai) => At(day.ToDateTime(new TimeOnly(12, 0)), handler);

    /// <summary>An event that completed at <paramref name="completedUtc"/>, five minutes after it started.</summary>
    public static OutcomeEvent At(DateTime completedUtc, Handler handler = Handler.Ai)
    {
        var completed = new DateTimeOffset(completedUtc, TimeSpan.Zero);
        return new OutcomeEvent($"evt-{Interlocked.Increment(ref ids)}", "support-bot", completed.AddMinutes(-5), completed, handler);
    }

    /// <summary><paramref name="count"/> events made by <paramref name="make"/> from their index 0, 1, ….</summary>
    public static IEnumerable<OutcomeEvent> Times(int count, Func<int, OutcomeEvent> make) => Enumerable.Range(0, count).Select(make);

    /// <summary>The roll-up of a use case's events, numbered 1, 2, … in the order given.</summary>
    public static UseCaseRollup Build(UseCase useCase, IEnumerable<OutcomeEvent> events) => Build(RollupShape.Of(useCase), events);

    /// <summary>The roll-up of events under a shape, numbered 1, 2, … in the order given.</summary>
    public static UseCaseRollup Build(RollupShape shape, IEnumerable<OutcomeEvent> events)
    {
        var rollup = new UseCaseRollup(shape);
        Apply(rollup, events);
        return rollup;
    }

    /// <summary>Applies events after those the roll-up already holds.</summary>
    public static void Apply(UseCaseRollup rollup, IEnumerable<OutcomeEvent> events)
    {
        var sequence = rollup.Sequence;
        foreach (var e in events)
        {
            rollup.Apply(++sequence, e);
        }
    }
}
