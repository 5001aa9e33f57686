using AiRoi.Contracts;
using AiRoi.Contracts.Messages;
using AiRoi.Contracts.UseCases;
using AiRoi.Domain.Events;
using AiRoi.Domain.Rollups;
using AiRoi.Metrics.AiCost;
using AiRoi.Metrics.EventLog;

namespace AiRoi.Metrics.Grains;

/// <summary>
/// A use case's metric state as of one log position: the running totals and the metric roll-up, built by applying
/// logged events in sequence order. It is loaded from the latest snapshot plus the log after it, and written back
/// as a snapshot document (<see cref="GrainSnapshot"/>) that only shortens the next load: the log is the truth.
/// </summary>
/// <param name="shape">What the roll-up keeps (custom metrics, segment dimensions, hourly cost).</param>
public sealed class MetricState(RollupShape shape)
{
    /// <summary>The running totals.</summary>
    public TotalsAccumulator Totals { get; private set; } = new();

    /// <summary>The metric roll-up.</summary>
    public UseCaseRollup Rollup { get; private set; } = new(shape);

    /// <summary>The sequence number of the last event applied.</summary>
    public long Sequence => Totals.Sequence;

    /// <summary>The sequence number the latest snapshot covers.</summary>
    public long SnapshotSequence { get; private set; }

    /// <summary>
    /// Loads the state of a use case: its snapshot when that is a whole one of <paramref name="shape"/>, then the log
    /// after it. Also answers the snapshot's published position, which refers to the log and so stays valid even
    /// when the state document cannot be used, and how many events were replayed.
    /// </summary>
    public static async Task<(MetricState State, long PublishedUpTo, int Replayed)> LoadAsync(
        OutcomeEventLog log, AiCostLedger ledger, string useCaseId, RollupShape shape, CancellationToken cancellationToken)
    {
        var state = new MetricState(shape);
        var stored = await log.ReadSnapshotAsync(useCaseId, cancellationToken);
        if (stored is { } snapshot
            && GrainSnapshot.Deserialize(snapshot.State) is { } document
            && UseCaseRollup.FromSnapshot(document.Rollup!, shape) is { } restored)
        {
            state.Totals = TotalsAccumulator.FromTotals(document.Totals!);
            state.Rollup = restored;
            state.SnapshotSequence = snapshot.Sequence;
        }
        var replayed = 0;
        await foreach (var logged in log.ReadAfterAsync(useCaseId, state.Sequence, cancellationToken))
        {
            state.Apply(logged.Sequence, OutcomeEventJson.DeserializeStored(logged.Json));
            replayed++;
        }
        await state.ApplyCostsAfterAsync(ledger, useCaseId, cancellationToken);
        return (state, stored?.PublishedUpTo ?? 0, replayed);
    }

    /// <summary>
    /// Applies the AI cost ledger's entries after the position the totals hold: each adds its amount to its event's AI
    /// cost, unless the event states its own (ADR-0035).
    /// </summary>
    public async Task ApplyCostsAfterAsync(AiCostLedger ledger, string useCaseId, CancellationToken cancellationToken)
    {
        await foreach (var entry in ledger.ReadAfterAsync(useCaseId, Totals.CostLedgerPosition, cancellationToken))
        {
            var outcomeEvent = OutcomeEventJson.DeserializeStored(entry.EventJson);
            Totals.ApplyCost(entry.Position, entry.Amount, entry.Model, entry.UnpricedTokens, statesOwnCost: outcomeEvent.AiCost is not null);
            ApplyCost(Rollup, entry, outcomeEvent);
        }
    }

    private static void ApplyCost(UseCaseRollup rollup, CostEntry entry, OutcomeEvent outcomeEvent)
    {
        if (outcomeEvent.AiCost is null)
        {
            rollup.ReviseAiCost(outcomeEvent, entry.Before, entry.After);
        }
    }

    private static async Task<UseCaseRollup> BuildRollupAsync(
        OutcomeEventLog log, AiCostLedger ledger, string useCaseId, RollupShape shape, CancellationToken cancellationToken)
    {
        var rebuilt = new UseCaseRollup(shape);
        await foreach (var logged in log.ReadAfterAsync(useCaseId, 0, cancellationToken))
        {
            rebuilt.Apply(logged.Sequence, OutcomeEventJson.DeserializeStored(logged.Json));
        }
        await foreach (var entry in ledger.ReadAfterAsync(useCaseId, 0, cancellationToken))
        {
            ApplyCost(rebuilt, entry, OutcomeEventJson.DeserializeStored(entry.EventJson));
        }
        return rebuilt;
    }

    /// <summary>Applies one logged event; events arrive in sequence order.</summary>
    public void Apply(long sequence, OutcomeEvent outcomeEvent)
    {
        Totals.Apply(sequence, outcomeEvent);
        Rollup.Apply(sequence, outcomeEvent);
    }

    /// <summary>
    /// Applies the events of a batch that the log accepted (not its duplicates), in batch order; answers those that
    /// belong to an experiment, with their sequence numbers, for the experiment service.
    /// </summary>
    public IReadOnlyList<RecordedOutcome> ApplyAccepted(IReadOnlyList<OutcomeEvent> events, IReadOnlyList<AppendOutcome> outcomes)
    {
        var experimentEvents = new List<RecordedOutcome>();
        for (var i = 0; i < events.Count; i++)
        {
            if (outcomes[i].Accepted)
            {
                Apply(outcomes[i].Sequence, events[i]);
                if (events[i].ExperimentId is not null)
                {
                    experimentEvents.Add(new RecordedOutcome(outcomes[i].Sequence, events[i]));
                }
            }
        }
        return experimentEvents;
    }

    /// <summary>
    /// Rebuilds the roll-up from the whole log when <paramref name="shape"/> keeps something else; false when the
    /// shape is the same. A failure changes nothing. The totals do not depend on the shape.
    /// </summary>
    public async Task<bool> ReshapeAsync(OutcomeEventLog log, AiCostLedger ledger, string useCaseId, RollupShape shape, CancellationToken cancellationToken)
    {
        if (shape.Fingerprint == Rollup.Shape.Fingerprint)
        {
            return false;
        }
        Rollup = await BuildRollupAsync(log, ledger, useCaseId, shape, cancellationToken);
        return true;
    }

    /// <summary>Writes a snapshot of the state, with the outbox's published position.</summary>
    public async Task SnapshotAsync(OutcomeEventLog log, string useCaseId, long publishedUpTo, CancellationToken cancellationToken)
    {
        var document = new GrainSnapshot(Totals.ToTotals(), Rollup.ToSnapshot()).Serialize();
        await log.WriteSnapshotAsync(useCaseId, Sequence, document, publishedUpTo, cancellationToken);
        SnapshotSequence = Sequence;
    }
}
