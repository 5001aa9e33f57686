using AiRoi.Contracts;
using AiRoi.Contracts.Messages;
using AiRoi.Contracts.UseCases;
using AiRoi.Metrics.EventLog;

namespace AiRoi.Metrics.Grains;

/// <summary>
/// One use case's single writer and the keeper of its totals (key: the use case id). Orleans runs one activation
/// per key and one call at a time, so the sequence numbers it hands out are gap-free. On activation it loads its
/// snapshot and replays the log after it; it snapshots again every <see cref="SnapshotEvery"/> events and when
/// it is deactivated. After each commit it publishes the batch's experiment events as one message; what is not
/// confirmed (broker down, no queue bound yet) stays after <c>publishedUpTo</c> and is published again from the
/// log on the retry timer and on activation.
/// </summary>
public sealed partial class UseCaseGrain(OutcomeEventLog log, ExperimentEventPublisher publisher, ILogger<UseCaseGrain> logger)
    : Grain, IUseCaseGrain
{
    /// <summary>How often unpublished experiment events are tried again.</summary>
    public static readonly TimeSpan PublishRetryPeriod = TimeSpan.FromSeconds(10);

    /// <summary>Events per republished message, so a long backlog goes out in messages of bounded size.</summary>
    public const int RepublishChunk = 10_000;

    /// <summary>
    /// Events between snapshots: bounds the replay on activation to a fraction of a second of reading while a
    /// snapshot (a few kilobytes) costs one row write per this many events.
    /// </summary>
    public const int SnapshotEvery = 10_000;

    private UseCaseWriteStatus status;
    private TotalsAccumulator totals = new();
    private long lastSequence;
    private long snapshotSequence;
    private long publishedUpTo;

    private string UseCaseId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        status = await log.ReadWriteStatusAsync(UseCaseId, cancellationToken);
        if (await log.ReadSnapshotAsync(UseCaseId, cancellationToken) is { } snapshot)
        {
            totals = TotalsAccumulator.FromSnapshot(snapshot.State);
            snapshotSequence = snapshot.Sequence;
            publishedUpTo = snapshot.PublishedUpTo;
        }

        var replayed = 0;
        await foreach (var logged in log.ReadAfterAsync(UseCaseId, totals.Sequence, cancellationToken))
        {
            totals.Apply(logged.Sequence, OutcomeEventJson.DeserializeStored(logged.Json));
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
                if (batch[i].Event.ExperimentId is not null)
                {
                    experimentEvents.Add(new RecordedOutcome(outcomes[i].Sequence, batch[i].Event));
                }
            }
        }
        var previousSequence = lastSequence;
        lastSequence += outcomes.Count(outcome => outcome.Accepted);

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
    public async Task DefinitionChangedAsync() =>
        status = await log.ReadWriteStatusAsync(UseCaseId, CancellationToken.None);

    /// <inheritdoc />
    public Task<UseCaseWriteStatus> GetWriteStatusAsync() => Task.FromResult(status);

    /// <inheritdoc />
    public Task<UseCaseTotals> GetTotalsAsync() => Task.FromResult(totals.ToTotals());

    /// <summary>
    /// Every <see cref="PublishRetryPeriod"/>: re-reads the write status (archiving reaches a busy grain even when
    /// the registry's notification was lost) and publishes what is pending.
    /// </summary>
    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        status = await log.ReadWriteStatusAsync(UseCaseId, cancellationToken);
        await RepublishAsync(cancellationToken);
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
        await log.WriteSnapshotAsync(UseCaseId, totals.Sequence, totals.ToSnapshot(), publishedUpTo, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Use case {UseCaseId} activated: snapshot at {SnapshotSequence}, {Replayed} events replayed, log at {LastSequence}")]
    private partial void LogActivated(string useCaseId, long snapshotSequence, int replayed, long lastSequence);
}
