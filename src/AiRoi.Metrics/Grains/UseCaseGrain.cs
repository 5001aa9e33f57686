using AiRoi.Contracts;
using AiRoi.Contracts.Messages;
using AiRoi.Contracts.UseCases;
using AiRoi.Domain.Events;
using AiRoi.Domain.Rollups;
using AiRoi.Metrics.Annotations;
using AiRoi.Metrics.Baselines;
using AiRoi.Metrics.EventLog;
using AiRoi.Metrics.Experiments;
using AiRoi.Metrics.UseCases;

namespace AiRoi.Metrics.Grains;

/// <summary>
/// One use case's single writer and the keeper of its metric state (key: the use case id). Orleans runs one
/// activation per key and one call at a time, so the sequence numbers it hands out are gap-free. It holds the
/// definition, the metric state, the current baselines and the annotations, and answers every report from memory.
/// On activation it loads its snapshot and replays the log after it; it snapshots again every
/// <see cref="SnapshotEvery"/> events and when it is deactivated. A definition change that alters the roll-up's
/// shape (custom metrics, segment dimensions, hourly cost) rebuilds the roll-up from the whole log. Experiment
/// events leave through the <see cref="ExperimentEventOutbox"/>.
/// </summary>
public sealed partial class UseCaseGrain(
    OutcomeEventLog log,
    ExperimentEventPublisher publisher,
    UseCaseRegistry registry,
    BaselineStore baselineStore,
    AnnotationStore annotationStore,
    ExperimentLiftStore liftStore,
    ILogger<UseCaseGrain> logger)
    : Grain, IUseCaseGrain
{
    /// <summary>How often unpublished experiment events are tried again.</summary>
    public static readonly TimeSpan PublishRetryPeriod = TimeSpan.FromSeconds(10);

    /// <summary>How often the registry row is re-read unasked: bounds how long a lost notification of a change goes
    /// unnoticed; a minute keeps a thousand grains to 17 queries a second.</summary>
    public static readonly TimeSpan DefinitionRecheckPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Events between snapshots: bounds the replay on activation to a fraction of a second of reading while
    /// a snapshot (a few kilobytes) costs one row write per this many events.</summary>
    public const int SnapshotEvery = 10_000;

    private StoredUseCase? definition;
    private DateTime definitionCheckedAt = DateTime.UtcNow;
    private MetricState state = new(new RollupShape());
    private ExperimentEventOutbox outbox = null!;
    private ReportConfiguration configuration = null!;
    private SummaryCache summary = null!;
    private long lastSequence;

    private string UseCaseId => this.GetPrimaryKeyString();

    private UseCaseWriteStatus WriteStatus => definition?.WriteStatus ?? UseCaseWriteStatus.Unknown;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        definition = await registry.FindAsync(UseCaseId, cancellationToken);
        summary = new SummaryCache(today => Reports().Summary(today));
        configuration = await ReportConfiguration.LoadAsync(UseCaseId, baselineStore, annotationStore, liftStore, cancellationToken);
        (state, var publishedUpTo, var replayed) = await MetricState.LoadAsync(log, UseCaseId, definition?.Shape ?? new RollupShape(), cancellationToken);
        outbox = new ExperimentEventOutbox(UseCaseId, log, publisher, publishedUpTo);
        lastSequence = await log.ReadLastSequenceAsync(UseCaseId, cancellationToken);
        LogActivated(UseCaseId, state.SnapshotSequence, replayed, lastSequence);

        await RepublishAsync(cancellationToken);
        this.RegisterGrainTimer(OnTimerAsync, PublishRetryPeriod, PublishRetryPeriod);
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        state.Sequence > state.SnapshotSequence ? TrySnapshotAsync(cancellationToken) : Task.CompletedTask;

    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(IReadOnlyList<OutcomeEvent> events)
    {
        if (WriteStatus != UseCaseWriteStatus.Open)
        {
            return new AppendResult(WriteStatus, [], lastSequence);
        }
        if (events.FirstOrDefault(outcomeEvent => outcomeEvent.UseCaseId != UseCaseId) is { } stray)
        {
            throw new ArgumentException($"Event {stray.EventId} belongs to {stray.UseCaseId}, not {UseCaseId}.", nameof(events));
        }

        var batch = events.Select(outcomeEvent => new LoggedEvent(outcomeEvent, OutcomeEventJson.Serialize(outcomeEvent))).ToList();
        IReadOnlyList<AppendOutcome> outcomes;
        try
        {
            outcomes = await log.AppendAsync(UseCaseId, lastSequence, batch, CancellationToken.None);
        }
        catch
        {
            // The database may have committed a batch whose acknowledgement was lost: the in-memory position can no
            // longer be trusted. The next call activates afresh from the log, and a resent batch is found duplicate.
            DeactivateOnIdle();
            throw;
        }
        var experimentEvents = state.ApplyAccepted(events, outcomes);
        var previousSequence = lastSequence;
        lastSequence += outcomes.Count(outcome => outcome.Accepted);
        summary.MarkStale();

        var published = await outbox.PublishCommittedAsync(previousSequence, lastSequence, experimentEvents);
        if (published || state.Sequence - state.SnapshotSequence >= SnapshotEvery)
        {
            await TrySnapshotAsync(CancellationToken.None);
        }
        return new AppendResult(WriteStatus, outcomes, lastSequence);
    }

    /// <inheritdoc />
    public Task DefinitionChangedAsync() => ReloadDefinitionAsync(CancellationToken.None);

    /// <inheritdoc />
    public Task<UseCaseWriteStatus> GetWriteStatusAsync() => Task.FromResult(WriteStatus);

    /// <inheritdoc />
    public Task<UseCaseTotals> GetTotalsAsync() => Task.FromResult(state.Totals.ToTotals());

    /// <summary>
    /// Every <see cref="PublishRetryPeriod"/>: publishes what is pending and refreshes a stale portfolio summary;
    /// every <see cref="DefinitionRecheckPeriod"/> it also re-reads its registry row (archiving reaches a busy grain
    /// even when the registry's notification was lost).
    /// </summary>
    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        if (DateTime.UtcNow - definitionCheckedAt >= DefinitionRecheckPeriod)
        {
            await ReloadDefinitionAsync(cancellationToken);
        }
        await RepublishAsync(cancellationToken);
        summary.RefreshIfStale();
    }

    /// <summary>
    /// Reads the registry row; a new revision replaces the definition, and a new shape rebuilds the roll-up. The
    /// rebuild runs before anything changes, so a failure (the database gone for a moment) leaves the grain as it
    /// was, on the old revision, and the next check tries again.
    /// </summary>
    private async Task ReloadDefinitionAsync(CancellationToken cancellationToken)
    {
        definitionCheckedAt = DateTime.UtcNow;
        if (await registry.ReadRevisionAsync(UseCaseId, cancellationToken) == definition?.Revision)
        {
            return;
        }
        var stored = await registry.FindAsync(UseCaseId, cancellationToken);
        var rebuilt = await state.ReshapeAsync(log, UseCaseId, stored?.Shape ?? new RollupShape(), cancellationToken);
        definition = stored;
        summary.Drop();
        if (rebuilt)
        {
            LogRebuilt(UseCaseId, state.Rollup.Events);
            await TrySnapshotAsync(cancellationToken);
        }
    }

    /// <summary>Publishes what the outbox holds and records the new position in a snapshot.</summary>
    private async Task RepublishAsync(CancellationToken cancellationToken)
    {
        if (await outbox.RepublishAsync(lastSequence, cancellationToken))
        {
            await TrySnapshotAsync(cancellationToken);
        }
    }

    /// <summary>A snapshot only shortens the next replay; the log is the truth, so a failed write is logged, not raised.</summary>
    private async Task TrySnapshotAsync(CancellationToken cancellationToken)
    {
        try
        {
            await state.SnapshotAsync(log, UseCaseId, outbox.PublishedUpTo, cancellationToken);
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
        {
            LogSnapshotFailed(UseCaseId, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot of use case {UseCaseId} not written; the next activation replays more of the log")]
    private partial void LogSnapshotFailed(string useCaseId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Metrics of use case {UseCaseId} rebuilt from {Events} events after a change of custom metrics, segment dimensions or hourly cost")]
    private partial void LogRebuilt(string useCaseId, long events);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Use case {UseCaseId} activated: snapshot at {SnapshotSequence}, {Replayed} events replayed, log at {LastSequence}")]
    private partial void LogActivated(string useCaseId, long snapshotSequence, int replayed, long lastSequence);
}
