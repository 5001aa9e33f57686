using AiRoi.Domain.Rollups;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Baselines;

/// <summary>
/// Turns a baseline request into the version to store: a value entered by hand with its source, or a value
/// measured from the use case's roll-up over the requested period (by default the one the method implies).
/// </summary>
public static class BaselineDraft
{
    /// <summary>
    /// The version to store (number, time and author's record are assigned when it is stored), or the rules the
    /// request breaks, each naming its field; a measured method over a period with no data names
    /// <c>periodStart</c>.
    /// </summary>
    public static BaselineOutcome Create(BaselineRequest request, UseCase useCase, UseCaseRollup rollup, string createdBy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(useCase);
        ArgumentNullException.ThrowIfNull(rollup);
        var errors = BaselineRules.Check(request, useCase);
        if (errors.Count > 0)
        {
            return new BaselineOutcome(null, errors);
        }
        var metric = useCase.ResolveMetric(request.MetricKey!)!;
        var method = request.Method!.Value;
        if (method == BaselineMethod.Manual)
        {
            return new BaselineOutcome(new BaselineVersion(metric.Key, 0, method, request.Value!.Value, createdBy, default)
            {
                Source = request.Source,
                PeriodStart = request.PeriodStart,
                PeriodEnd = request.PeriodEnd,
                Note = request.Note,
            }, []);
        }
        var (defaultStart, defaultEnd) = BaselineMeasurement.DefaultPeriod(method, useCase.AiGoLiveDate, today);
        var start = request.PeriodStart ?? defaultStart;
        var end = request.PeriodEnd ?? defaultEnd;
        var reading = BaselineMeasurement.Measure(rollup, metric, method, start, end);
        if (reading.Value is not { } value)
        {
            return new BaselineOutcome(null, [new ValidationError("periodStart", ValidationCodes.NoData,
                $"No {(method == BaselineMethod.ConcurrentHuman ? "human-handled " : "")}event from {start:yyyy-MM-dd} to {end.AddDays(-1):yyyy-MM-dd} carries {metric.Key}, so there is nothing to measure; choose another period or enter the value by hand.")]);
        }
        return new BaselineOutcome(new BaselineVersion(metric.Key, 0, method, value, createdBy, default)
        {
            StandardError = reading.StandardError,
            Low = reading.Low,
            High = reading.High,
            SampleSize = reading.N,
            PeriodStart = start,
            PeriodEnd = end,
            Source = request.Source,
            Note = request.Note,
        }, []);
    }
}
