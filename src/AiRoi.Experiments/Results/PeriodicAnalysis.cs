using AiRoi.Contracts.Api;
using AiRoi.Contracts.Messages;
using AiRoi.Domain.Experiments;
using AiRoi.Experiments.Lifecycle;
using AiRoi.ServiceDefaults.Data;
using MassTransit;
using Npgsql;

namespace AiRoi.Experiments.Results;

/// <summary>
/// Analyses every running or stopped experiment each period: keeps the results and the reasons it is ready for a
/// decision (the sequential interval excludes zero, a guardrail is degraded, the planned sample is reached) in
/// <c>experiments.analyses</c>, publishes <see cref="ExperimentAnalyzed"/>, and publishes again any conclusion the
/// broker has not confirmed. One replica of the service analyses per period: it claims the period's round
/// (<see cref="PeriodicRounds"/>), and holds a lock while it runs so that a round that outlasts its period is not
/// overlapped; the other replicas skip their tick.
/// </summary>
public sealed partial class PeriodicAnalysis(
    NpgsqlDataSource dataSource,
    ExperimentStore experiments,
    ResultsStore results,
    AnalysisStore analyses,
    ConclusionPublisher conclusions,
    IBus bus,
    TimeProvider time,
    IConfiguration configuration,
    ILogger<PeriodicAnalysis> logger) : BackgroundService
{
    /// <summary>The configuration key of the period (a TimeSpan, e.g. <c>00:01:00</c>).</summary>
    public const string PeriodKey = "Experiments:AnalysisPeriod";

    /// <summary>
    /// A minute: an experimenter watching a result sees it at most this late, while a thousand experiments cost a
    /// few thousand small queries a minute.
    /// </summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromMinutes(1);

    // Any fixed number that no other part of AiRoi takes as an advisory lock: "airoi-an" in ASCII.
    private const long LockKey = 0x6169726f692d616e;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = configuration.GetValue(PeriodKey, DefaultPeriod);
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database or the broker is away for a moment: the next period tries again.
                LogFailed(exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round; answers how many experiments it analysed (0 when another instance holds the round).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var period = configuration.GetValue(PeriodKey, DefaultPeriod);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("select pg_try_advisory_xact_lock($1)", connection, transaction).WithValues(LockKey))
        {
            if (await take.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return 0;
            }
        }
        if (!await PeriodicRounds.TryClaimAsync(connection, transaction, "experiments.periodic_rounds", "analysis", period, cancellationToken))
        {
            return 0;
        }

        var analysed = 0;
        var candidates = (await experiments.ListAsync(null, ExperimentStatus.Running, cancellationToken))
            .Concat(await experiments.ListAsync(null, ExperimentStatus.Stopped, cancellationToken));
        foreach (var experiment in candidates)
        {
            var now = time.GetUtcNow();
            var computed = ResultsCalculator.Compute(experiment, await results.ReadAsync(experiment.Id, cancellationToken), now);
            await analyses.SaveAsync(computed, now, cancellationToken);
            await PublishAsync(experiment, computed, now, cancellationToken);
            analysed++;
        }
        await conclusions.PublishPendingAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return analysed;
    }

    private async Task PublishAsync(Experiment experiment, ExperimentResults computed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var primary = computed.Metrics[0];
        var message = new ExperimentAnalyzed(experiment.Id, experiment.Definition.UseCaseId!, now, computed.Status,
            computed.Exposures.Sum(exposure => exposure.Subjects), computed.SampleRatio?.IsMismatch ?? false, primary.MetricKey,
            primary.Treatments.Select(t => new AnalyzedLift(t.Variant, t.Lift.Estimate, t.Lift.CiLower, t.Lift.CiUpper, t.AdjustedPValue)).ToList(),
            computed.ReadyForDecision,
            computed.Metrics.Where(metric => metric.Treatments.Any(t => t.Guardrail == "degraded")).Select(metric => metric.MetricKey).ToList(),
            experiment.Definition.Name);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConclusionPublisher.PublishTimeout);
        try
        {
            await bus.Publish(message, timeout.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The analysis is stored; the next period publishes a fresh one.
            LogNotPublished(experiment.Id, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The analysis of experiment {ExperimentId} was stored but not published: {Reason}")]
    private partial void LogNotPublished(string experimentId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The periodic analysis did not finish: {Reason}; it runs again next period")]
    private partial void LogFailed(string reason);
}
