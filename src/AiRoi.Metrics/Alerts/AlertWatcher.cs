using AiRoi.Contracts.UseCases;
using AiRoi.Domain.Alerts;
using AiRoi.Domain.Reports;
using AiRoi.Metrics.UseCases;
using AiRoi.ServiceDefaults.Data;
using Npgsql;

namespace AiRoi.Metrics.Alerts;

/// <summary>
/// Looks at every use case each period: the health checks that apply and the targets at risk or missed, as its
/// grain's summary has them, are the conditions that hold; <see cref="AlertStore.ObserveAsync"/> opens the new ones
/// (and alerts the rules that watch them) and closes those that stopped. With several silos, one of them looks each
/// period: it claims the period's round (<see cref="PeriodicRounds"/>).
/// </summary>
public sealed partial class AlertWatcher(
    UseCaseRegistry registry, IGrainFactory grains, AlertStore store, NpgsqlDataSource dataSource, TimeProvider time, IConfiguration configuration, ILogger<AlertWatcher> logger)
    : BackgroundService
{
    /// <summary>The configuration key of the period (a TimeSpan).</summary>
    public const string PeriodKey = "Alerts:EvaluateEvery";

    /// <summary>Five minutes: a health check or a target changes with days of data, not seconds.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = configuration.GetValue(PeriodKey, DefaultPeriod);
        using var timer = new PeriodicTimer(period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await dataSource.TryClaimAsync("metrics.periodic_rounds", "alert-conditions", period, stoppingToken))
                {
                    await RunOnceAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The silo is starting or the database is away for a moment: the next period looks again.
                LogFailed(exception.Message);
            }
        }
    }

    /// <summary>One look at every use case; answers how many alerts it made.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var alerts = 0;
        foreach (var chunk in (await registry.ListIdsAsync(cancellationToken)).Chunk(100))
        {
            var summaries = await Task.WhenAll(chunk.Select(id => grains.GetGrain<IUseCaseGrain>(id).GetSummaryAsync(today, null)));
            foreach (var summary in summaries.Select(answer => answer.Value).OfType<UseCaseSummary>().Where(summary => !summary.Archived))
            {
                alerts += await store.ObserveAsync(summary.Id, AlertConditions.UseCasePrefixes, AlertConditions.ForUseCase(summary), cancellationToken);
            }
        }
        return alerts;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for alert conditions did not finish: {Reason}; it looks again next period")]
    private partial void LogFailed(string reason);
}
