using AiRoi.Domain.Events;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Rollups;

namespace AiRoi.Domain.Baselines;

/// <summary>
/// Measures a baseline from a use case's roll-up: the metric over the before-AI period, or over the human-handled
/// events of a period in which the AI also ran.
/// </summary>
public static class BaselineMeasurement
{
    /// <summary>
    /// How far back a before-go-live baseline reaches when no period is given: six months, long enough to even out
    /// a season's swings and short enough to describe the process the AI replaced.
    /// </summary>
    public const int DefaultBeforeGoLiveDays = 182;

    /// <summary>How far back a concurrent baseline reaches when no period is given: the last 90 days.</summary>
    public const int DefaultConcurrentDays = 90;

    /// <summary>
    /// The default period of a measured baseline: the six months before go-live, or the 90 days up to and
    /// including <paramref name="today"/> (not before go-live).
    /// </summary>
    public static (DateOnly Start, DateOnly End) DefaultPeriod(BaselineMethod method, DateOnly? goLive, DateOnly today) => method switch
    {
        BaselineMethod.BeforeGoLive when goLive is { } live => (live.AddDays(-DefaultBeforeGoLiveDays), live),
        BaselineMethod.ConcurrentHuman => (Later(today.AddDays(1 - DefaultConcurrentDays), goLive), today.AddDays(1)),
        _ => throw new ArgumentException($"{method} has no default period without a go-live date.", nameof(method)),
    };

    /// <summary>The metric over the period: all events before go-live, or only the human-handled ones.</summary>
    public static MetricReading Measure(UseCaseRollup rollup, MetricDefinition metric, BaselineMethod method, DateOnly start, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        var filter = method == BaselineMethod.ConcurrentHuman ? new CellFilter(Handler.Human) : CellFilter.All;
        return MetricReader.Read(metric, rollup.Aggregate(start, end, filter), rollup.Shape);
    }

    private static DateOnly Later(DateOnly day, DateOnly? other) => other is { } o && o > day ? o : day;
}
