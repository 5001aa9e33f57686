using AiRoi.Contracts;
using AiRoi.Contracts.Messages;
using AiRoi.Contracts.UseCases;
using AiRoi.Domain.AiCost;
using AiRoi.Domain.Events;
using AiRoi.Domain.Rollups;
using AiRoi.Metrics.AiCost;
using AiRoi.Metrics.Annotations;
using AiRoi.Metrics.Baselines;
using AiRoi.Metrics.EventLog;
using AiRoi.Metrics.Experiments;
using AiRoi.Metrics.Organization;
using AiRoi.Metrics.Portfolio;
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
    AiCostLedger costLedger,
    OrganizationStore organization,
    PortfolioSummaries portfolio,
    ILogger<UseCaseGrain> logger)
    : Grain, IUseCaseGrain
{
    /// <summary>How often unpublished experiment events are tried again.</summary>
    public static readonly TimeSpan PublishRetryPeriod = TimeSpan.FromSeconds(10);

    /// <summary>How often the registry row is re-read unasked: bounds how long a lost notification of a change goes
    /// unnoticed; a minute keeps a thousand grains to 17 queries a second.</summary>
    public static readonly TimeSpan DefinitionRecheckPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Events between snapshots: bounds the replay on activation to a fraction of a second of reading while
    /// a snapshot (the state document, up to about a megabyte for a busy year) costs one row write per this many events.</summary>
    public const int SnapshotEvery = 10_000;

    private StoredUseCase? definition;
    private DateTime definitionCheckedAt = DateTime.UtcNow;
    private MetricState state = new(new RollupShape());
    private ExperimentEventOutbox outbox = null!;
    private ReportConfiguration configuration = null!;
    private SummaryCache summary = null!;
    private long lastSequence;
    private long publishedRecorded;
    private bool callsWaiting;
    private AiSpendWithNoOutcome? spendWithNoOutcome;

    private string? useCaseId;

    // The key is kept as text once: reading it from the grain id decodes it afresh, and every event compares with it.
    private string UseCaseId => useCaseId ??= this.GetPrimaryKeyString();

    private UseCaseWriteStatus WriteStatus => definition?.WriteStatus ?? UseCaseWriteStatus.Unknown;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        definition = await registry.FindAsync(UseCaseId, cancellationToken);
        summary = new SummaryCache(
            today => Reports().Summary(today) with { AiSpendWithNoOutcome = spendWithNoOutcome },
            computed: (today, computed, revision) => portfolio.Computed(UseCaseId, today, computed, revision),
            dropped: () => portfolio.Dropped(UseCaseId));
        configuration = await ReportConfiguration.LoadAsync(UseCaseId, baselineStore, annotationStore, liftStore, cancellationToken);
        (state, var publishedUpTo, var replayed) = await MetricState.LoadAsync(log, costLedger, UseCaseId, definition?.Shape ?? new RollupShape(), cancellationToken);
        outbox = new ExperimentEventOutbox(UseCaseId, log, publisher, publishedUpTo);
        lastSequence = await log.ReadLastSequenceAsync(UseCaseId, cancellationToken);
        LogActivated(UseCaseId, state.SnapshotSequence, replayed, lastSequence);
        callsWaiting = await costLedger.HasWaitingCallsAsync(UseCaseId, cancellationToken);
        await RefreshSpendWithNoOutcomeAsync(cancellationToken);

        await RepublishAsync(cancellationToken);
        this.RegisterGrainTimer(OnTimerAsync, PublishRetryPeriod, PublishRetryPeriod);
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        portfolio.Dropped(UseCaseId);
        return state.Sequence > state.SnapshotSequence ? TrySnapshotAsync(cancellationToken) : Task.CompletedTask;
    }

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

        IReadOnlyList<AppendOutcome> outcomes;
        try
        {
            outcomes = await log.AppendAsync(UseCaseId, lastSequence, events, CancellationToken.None);
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

        await JoinAfterAppendAsync(events, outcomes);

        await outbox.PublishCommittedAsync(previousSequence, lastSequence, experimentEvents);
        if (state.Sequence - state.SnapshotSequence >= SnapshotEvery)
        {
            await TrySnapshotAsync(CancellationToken.None);
        }
        return new AppendResult(WriteStatus, outcomes, lastSequence);
    }

    /// <inheritdoc />
    public Task DefinitionChangedAsync() => ReloadDefinitionAsync(CancellationToken.None);

    /// <inheritdoc />
    public async Task JoinAiCostAsync()
    {
        await JoinAsync(CancellationToken.None);
        await RefreshSpendWithNoOutcomeAsync(CancellationToken.None);
    }

    /// <summary>Reads the use case's traced calls that found no outcome event (the summary and the alerts show them).</summary>
    private async Task RefreshSpendWithNoOutcomeAsync(CancellationToken cancellationToken)
    {
        if (WriteStatus == UseCaseWriteStatus.Unknown)
        {
            return;
        }
        var read = await costLedger.ReadSpendWithNoOutcomeAsync(UseCaseId, await CurrencyAsync(cancellationToken), cancellationToken);
        if (read != spendWithNoOutcome)
        {
            spendWithNoOutcome = read;
            summary.MarkStale();
        }
    }

    /// <inheritdoc />
    public async Task<AiCostRepricing> RepriceAiCostAsync(bool apply, string author)
    {
        var repricing = await costLedger.RepriceAsync(UseCaseId, await CurrencyAsync(CancellationToken.None), apply, author, CancellationToken.None);
        if (apply && repricing.Changed > 0)
        {
            await ApplyCostsAsync(CancellationToken.None);
        }
        return repricing;
    }

    /// <summary>
    /// After a batch is logged: records the trace links its events name, and joins waiting model calls when any may
    /// now find their event. The events are committed whatever happens here; a join that fails is tried again by the
    /// timer.
    /// </summary>
    private async Task JoinAfterAppendAsync(IReadOnlyList<OutcomeEvent> events, IReadOnlyList<AppendOutcome> outcomes)
    {
        var links = events.Where((outcomeEvent, i) => outcomes[i].Accepted && outcomeEvent.TraceId is not null)
            .Select(outcomeEvent => new TraceLink(outcomeEvent.TraceId!, UseCaseId, outcomeEvent.EventId)).ToList();
        if (links.Count == 0 && !callsWaiting)
        {
            return;
        }
        try
        {
            if (links.Count > 0)
            {
                await costLedger.LinkEventsAsync(links, CancellationToken.None);
            }
            await JoinAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
        {
            callsWaiting = true;
            LogJoinFailed(UseCaseId, exception);
        }
    }

    /// <summary>Joins the model calls whose event is logged into the ledger, then applies what the ledger holds beyond the state.</summary>
    private async Task JoinAsync(CancellationToken cancellationToken)
    {
        if (WriteStatus == UseCaseWriteStatus.Unknown)
        {
            return;
        }
        await costLedger.JoinAsync(UseCaseId, await CurrencyAsync(cancellationToken), cancellationToken);
        await ApplyCostsAsync(cancellationToken);
        callsWaiting = await costLedger.HasWaitingCallsAsync(UseCaseId, cancellationToken);
    }

    private async Task ApplyCostsAsync(CancellationToken cancellationToken)
    {
        var before = state.Totals.CostLedgerPosition;
        await state.ApplyCostsAfterAsync(costLedger, UseCaseId, cancellationToken);
        if (state.Totals.CostLedgerPosition != before)
        {
            summary.MarkStale();
        }
    }

    /// <summary>The currency the use case counts money in: its own, else the organization's.</summary>
    private async Task<string> CurrencyAsync(CancellationToken cancellationToken) =>
        definition?.UseCase.UnitEconomics.Currency ?? (await organization.ReadAsync(cancellationToken)).Currency;

    /// <inheritdoc />
    public Task<UseCaseWriteStatus> GetWriteStatusAsync() => Task.FromResult(WriteStatus);

    /// <inheritdoc />
    public Task<UseCaseTotals> GetTotalsAsync() => Task.FromResult(state.Totals.ToTotals());

    /// <summary>
    /// Every <see cref="PublishRetryPeriod"/>: publishes what is pending and refreshes a stale portfolio summary;
    /// every <see cref="DefinitionRecheckPeriod"/> it also re-reads its registry row (archiving reaches a busy grain
    /// even when the registry's notification was lost) and, when experiment events went out since, records how far
    /// they were published. The position is not recorded after each publish, which would cost a write per batch:
    /// after a crash the events published since the recorded position go out again, and the experiment service
    /// keeps each once.
    /// </summary>
    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        if (DateTime.UtcNow - definitionCheckedAt >= DefinitionRecheckPeriod)
        {
            if (outbox.Published != publishedRecorded)
            {
                await RecordPublishedAsync(cancellationToken);
            }
            await ReloadDefinitionAsync(cancellationToken);
            if (callsWaiting)
            {
                await JoinAsync(cancellationToken);
            }
            if (callsWaiting || spendWithNoOutcome is not null)
            {
                await RefreshSpendWithNoOutcomeAsync(cancellationToken);
            }
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
        var rebuilt = await state.ReshapeAsync(log, costLedger, UseCaseId, stored?.Shape ?? new RollupShape(), cancellationToken);
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

    /// <summary>
    /// Records how far experiment events were published: one small update of the snapshot row (a full snapshot when
    /// there is none yet), so a thousand grains with experiments cost a thousand row updates a minute, not a thousand
    /// states written.
    /// </summary>
    private async Task RecordPublishedAsync(CancellationToken cancellationToken)
    {
        var published = outbox.Published;
        try
        {
            if (await log.RecordPublishedAsync(UseCaseId, outbox.PublishedUpTo, cancellationToken))
            {
                publishedRecorded = published;
                return;
            }
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
        {
            LogSnapshotFailed(UseCaseId, exception);
            return;
        }
        await TrySnapshotAsync(cancellationToken);
    }

    /// <summary>A snapshot only shortens the next replay; the log is the truth, so a failed write is logged, not raised.</summary>
    private async Task TrySnapshotAsync(CancellationToken cancellationToken)
    {
        try
        {
            var published = outbox.Published;
            await state.SnapshotAsync(log, UseCaseId, outbox.PublishedUpTo, cancellationToken);
            publishedRecorded = published;
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
        {
            LogSnapshotFailed(UseCaseId, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Joining traced AI cost of use case {UseCaseId} failed; it is tried again")]
    private partial void LogJoinFailed(string useCaseId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot of use case {UseCaseId} not written; the next activation replays more of the log")]
    private partial void LogSnapshotFailed(string useCaseId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Metrics of use case {UseCaseId} rebuilt from {Events} events after a change of custom metrics, segment dimensions or hourly cost")]
    private partial void LogRebuilt(string useCaseId, long events);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Use case {UseCaseId} activated: snapshot at {SnapshotSequence}, {Replayed} events replayed, log at {LastSequence}")]
    private partial void LogActivated(string useCaseId, long snapshotSequence, int replayed, long lastSequence);
}
