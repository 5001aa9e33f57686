using AiRoi.Contracts;
using AiRoi.Contracts.Messages;
using AiRoi.Contracts.UseCases;
using AiRoi.Domain.Annotations;
using AiRoi.Domain.Baselines;
using AiRoi.Domain.Events;
using AiRoi.Domain.Roi;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.UseCases;
using AiRoi.Metrics.Annotations;
using AiRoi.Metrics.Baselines;
using AiRoi.Metrics.EventLog;
using AiRoi.Metrics.Experiments;
using AiRoi.Metrics.UseCases;

namespace AiRoi.Metrics.Grains;

/// <summary>
/// One use case's single writer and the keeper of its metric state (key: the use case id). Orleans runs one
/// activation per key and one call at a time, so the sequence numbers it hands out are gap-free. It holds the
/// definition, the metric roll-up, the current baselines and the annotations, and answers every report from
/// memory. On activation it loads its snapshot and replays the log after it; it snapshots again every
/// <see cref="SnapshotEvery"/> events and when it is deactivated. A definition change that alters the roll-up's
/// shape (custom metrics, segment dimensions, hourly cost) rebuilds the roll-up from the whole log. After each commit it publishes the batch's experiment events as one message; what is not
/// confirmed (broker down, no queue bound yet) stays after <c>publishedUpTo</c> and is published again from the
/// log on the retry timer and on activation.
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

    /// <summary>
    /// How often the grain re-reads its registry row although nobody told it of a change: the registry notifies
    /// the grain on every write, so this only bounds how long a lost notification goes unnoticed. A minute keeps
    /// a thousand grains to 17 queries a second.
    /// </summary>
    public static readonly TimeSpan DefinitionRecheckPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Events per republished message, so a long backlog goes out in messages of bounded size.</summary>
    public const int RepublishChunk = 10_000;

    /// <summary>
    /// Events between snapshots: bounds the replay on activation to a fraction of a second of reading while a
    /// snapshot (a few kilobytes) costs one row write per this many events.
    /// </summary>
    public const int SnapshotEvery = 10_000;

    private UseCaseWriteStatus status;
    private StoredUseCase? definition;
    private DateTime definitionCheckedAt = DateTime.UtcNow;
    private TotalsAccumulator totals = new();
    private UseCaseRollup rollup = new(new RollupShape());
    private Dictionary<string, BaselineVersion> baselines = [];
    private List<Annotation> annotations = [];
    private ConversionLiftEvidence? experimentLift;
    private long lastSequence;
    private long snapshotSequence;
    private long publishedUpTo;

    private string UseCaseId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await LoadDefinitionAsync(cancellationToken);
        baselines = await baselineStore.ReadCurrentAsync(UseCaseId, cancellationToken);
        annotations = await annotationStore.ReadAsync(UseCaseId, cancellationToken);
        experimentLift = await liftStore.ReadCurrentAsync(UseCaseId, cancellationToken);
        if (await log.ReadSnapshotAsync(UseCaseId, cancellationToken) is { } stored)
        {
            // The published position refers to the log, so it stays valid even when the state document cannot be used.
            publishedUpTo = stored.PublishedUpTo;
            if (GrainSnapshot.Deserialize(stored.State) is { } snapshot
                && UseCaseRollup.FromSnapshot(snapshot.Rollup!, rollup.Shape) is { } restored)
            {
                totals = TotalsAccumulator.FromTotals(snapshot.Totals!);
                rollup = restored;
                snapshotSequence = stored.Sequence;
            }
        }

        var replayed = 0;
        await foreach (var logged in log.ReadAfterAsync(UseCaseId, totals.Sequence, cancellationToken))
        {
            var outcomeEvent = OutcomeEventJson.DeserializeStored(logged.Json);
            totals.Apply(logged.Sequence, outcomeEvent);
            rollup.Apply(logged.Sequence, outcomeEvent);
            replayed++;
        }
        lastSequence = await log.ReadLastSequenceAsync(UseCaseId, cancellationToken);
        LogActivated(UseCaseId, snapshotSequence, replayed, lastSequence);

        await RepublishAsync(cancellationToken);
        this.RegisterGrainTimer(OnTimerAsync, PublishRetryPeriod, PublishRetryPeriod);
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (totals.Sequence > snapshotSequence)
        {
            await TrySnapshotAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(IReadOnlyList<string> events)
    {
        if (status != UseCaseWriteStatus.Open)
        {
            return new AppendResult(status, [], lastSequence);
        }

        var batch = events.Select(json => new LoggedEvent(OutcomeEventJson.Deserialize(json), json)).ToList();
        var mismatched = batch.FirstOrDefault(logged => logged.Event.UseCaseId != UseCaseId);
        if (mismatched is not null)
        {
            throw new ArgumentException($"Event {mismatched.Event.EventId} belongs to {mismatched.Event.UseCaseId}, not {UseCaseId}.", nameof(events));
        }

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
        var experimentEvents = new List<RecordedOutcome>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Accepted)
            {
                totals.Apply(outcomes[i].Sequence, batch[i].Event);
                rollup.Apply(outcomes[i].Sequence, batch[i].Event);
                if (batch[i].Event.ExperimentId is not null)
                {
                    experimentEvents.Add(new RecordedOutcome(outcomes[i].Sequence, batch[i].Event));
                }
            }
        }
        var previousSequence = lastSequence;
        lastSequence += outcomes.Count(outcome => outcome.Accepted);
        summaryStale |= lastSequence != previousSequence;

        // Only when nothing is pending may this batch alone move the published position; otherwise the timer
        // republishes from the log in order.
        var published = false;
        if (publishedUpTo == previousSequence && await publisher.TryPublishAsync(UseCaseId, experimentEvents, CancellationToken.None))
        {
            publishedUpTo = lastSequence;
            published = experimentEvents.Count > 0;
        }

        if (published || totals.Sequence - snapshotSequence >= SnapshotEvery)
        {
            await TrySnapshotAsync(CancellationToken.None);
        }
        return new AppendResult(status, outcomes, lastSequence);
    }

    /// <inheritdoc />
    public Task DefinitionChangedAsync() => ReloadDefinitionAsync(CancellationToken.None);

    /// <inheritdoc />
    public Task<UseCaseWriteStatus> GetWriteStatusAsync() => Task.FromResult(status);

    /// <inheritdoc />
    public Task<UseCaseTotals> GetTotalsAsync() => Task.FromResult(totals.ToTotals());

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
        RefreshStaleSummary();
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
        var shape = ShapeOf(stored);
        var rebuilt = shape.Fingerprint == rollup.Shape.Fingerprint ? null : await BuildFromLogAsync(shape, cancellationToken);
        ApplyDefinition(stored);
        summaryCache = null;
        if (rebuilt is not null)
        {
            rollup = rebuilt;
            LogRebuilt(UseCaseId, rollup.Events);
            await TrySnapshotAsync(cancellationToken);
        }
    }

    /// <summary>Reads the definition and write status on activation, with an empty roll-up of its shape.</summary>
    private async Task LoadDefinitionAsync(CancellationToken cancellationToken)
    {
        var stored = await registry.FindAsync(UseCaseId, cancellationToken);
        ApplyDefinition(stored);
        rollup = new UseCaseRollup(ShapeOf(stored));
    }

    private void ApplyDefinition(StoredUseCase? stored)
    {
        definition = stored;
        status = stored switch
        {
            null => UseCaseWriteStatus.Unknown,
            { UseCase.Archived: true } => UseCaseWriteStatus.Archived,
            _ => UseCaseWriteStatus.Open,
        };
    }

    private static RollupShape ShapeOf(StoredUseCase? stored) => stored is null ? new RollupShape() : RollupShape.Of(stored.UseCase);

    /// <summary>A roll-up of <paramref name="shape"/> built from the whole log.</summary>
    private async Task<UseCaseRollup> BuildFromLogAsync(RollupShape shape, CancellationToken cancellationToken)
    {
        var rebuilt = new UseCaseRollup(shape);
        await foreach (var logged in log.ReadAfterAsync(UseCaseId, 0, cancellationToken))
        {
            rebuilt.Apply(logged.Sequence, OutcomeEventJson.DeserializeStored(logged.Json));
        }
        return rebuilt;
    }

    /// <summary>A snapshot only shortens the next replay; the log is the truth, so a failed write is logged, not raised.</summary>
    private async Task TrySnapshotAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SnapshotAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
        {
            LogSnapshotFailed(UseCaseId, exception);
        }
    }

    private async Task SnapshotAsync(CancellationToken cancellationToken)
    {
        var document = new GrainSnapshot(totals.ToTotals(), rollup.ToSnapshot()).Serialize();
        await log.WriteSnapshotAsync(UseCaseId, totals.Sequence, document, publishedUpTo, cancellationToken);
        snapshotSequence = totals.Sequence;
    }

    /// <summary>Publishes, from the log and in order, the experiment events after <c>publishedUpTo</c>.</summary>
    private async Task RepublishAsync(CancellationToken cancellationToken)
    {
        if (publishedUpTo >= lastSequence)
        {
            return;
        }
        while (true)
        {
            var page = await log.ReadExperimentEventsAsync(UseCaseId, publishedUpTo, lastSequence, RepublishChunk, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }
            var events = page.Select(logged => new RecordedOutcome(logged.Sequence, OutcomeEventJson.DeserializeStored(logged.Json))).ToList();
            if (!await publisher.TryPublishAsync(UseCaseId, events, cancellationToken))
            {
                return;
            }
            publishedUpTo = page[^1].Sequence;
        }
        publishedUpTo = lastSequence;
        await TrySnapshotAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot of use case {UseCaseId} not written; the next activation replays more of the log")]
    private partial void LogSnapshotFailed(string useCaseId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Metrics of use case {UseCaseId} rebuilt from {Events} events after a change of custom metrics, segment dimensions or hourly cost")]
    private partial void LogRebuilt(string useCaseId, long events);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Use case {UseCaseId} activated: snapshot at {SnapshotSequence}, {Replayed} events replayed, log at {LastSequence}")]
    private partial void LogActivated(string useCaseId, long snapshotSequence, int replayed, long lastSequence);
}
