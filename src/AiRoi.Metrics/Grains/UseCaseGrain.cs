using AiRoi.Contracts;
using AiRoi.Contracts.UseCases;
using AiRoi.Metrics.EventLog;

namespace AiRoi.Metrics.Grains;

/// <summary>
/// One use case's single writer and the keeper of its totals (key: the use case id). Orleans runs one activation
/// per key and one call at a time, so the sequence numbers it hands out are gap-free. On activation it loads its
/// snapshot and replays the log after it; it snapshots again every <see cref="SnapshotEvery"/> events and when
/// it is deactivated.
/// </summary>
public sealed partial class UseCaseGrain(OutcomeEventLog log, ILogger<UseCaseGrain> logger) : Grain, IUseCaseGrain
{
    /// <summary>
    /// Events between snapshots: bounds the replay on activation to a fraction of a second of reading while a
    /// snapshot (a few kilobytes) costs one row write per this many events.
    /// </summary>
    public const int SnapshotEvery = 10_000;

    private UseCaseWriteStatus status;
    private TotalsAccumulator totals = new();
    private long lastSequence;
    private long snapshotSequence;

    private string UseCaseId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        status = await log.ReadWriteStatusAsync(UseCaseId, cancellationToken);
        if (await log.ReadSnapshotAsync(UseCaseId, cancellationToken) is { } snapshot)
        {
            totals = TotalsAccumulator.FromSnapshot(snapshot.State);
            snapshotSequence = snapshot.Sequence;
        }

        var replayed = 0;
        await foreach (var logged in log.ReadAfterAsync(UseCaseId, totals.Sequence, cancellationToken))
        {
            totals.Apply(logged.Sequence, OutcomeEventJson.Deserialize(logged.Json));
            replayed++;
        }
        lastSequence = await log.ReadLastSequenceAsync(UseCaseId, cancellationToken);
        LogActivated(UseCaseId, snapshotSequence, replayed, lastSequence);
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (totals.Sequence > snapshotSequence)
        {
            await SnapshotAsync(cancellationToken);
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

        var outcomes = await log.AppendAsync(UseCaseId, lastSequence, batch, CancellationToken.None);
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Accepted)
            {
                totals.Apply(outcomes[i].Sequence, batch[i].Event);
            }
        }
        lastSequence += outcomes.Count(outcome => outcome.Accepted);

        if (totals.Sequence - snapshotSequence >= SnapshotEvery)
        {
            await SnapshotAsync(CancellationToken.None);
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

    private async Task SnapshotAsync(CancellationToken cancellationToken)
    {
        await log.WriteSnapshotAsync(UseCaseId, totals.Sequence, totals.ToSnapshot(), cancellationToken);
        snapshotSequence = totals.Sequence;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Use case {UseCaseId} activated: snapshot at {SnapshotSequence}, {Replayed} events replayed, log at {LastSequence}")]
    private partial void LogActivated(string useCaseId, long snapshotSequence, int replayed, long lastSequence);
}
