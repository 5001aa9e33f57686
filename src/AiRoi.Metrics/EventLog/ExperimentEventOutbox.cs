using AiRoi.Contracts;
using AiRoi.Contracts.Messages;

namespace AiRoi.Metrics.EventLog;

/// <summary>
/// One use case's experiment events on their way to the experiment service. The event log is the outbox: after
/// each commit the batch's experiment events go out as one message, and <see cref="PublishedUpTo"/> records how far
/// the log has been published. What the broker did not confirm (broker down, no queue bound yet) stays after that
/// position and is published again from the log, in order, by <see cref="RepublishAsync"/>. The experiment
/// service keeps each event once, so publishing one twice is harmless (ADR-0010).
/// </summary>
/// <param name="useCaseId">The use case.</param>
/// <param name="log">The event log to republish from.</param>
/// <param name="publisher">Publishes to RabbitMQ, confirmed.</param>
/// <param name="publishedUpTo">The position restored from the grain's snapshot.</param>
public sealed class ExperimentEventOutbox(string useCaseId, OutcomeEventLog log, ExperimentEventPublisher publisher, long publishedUpTo)
{
    /// <summary>Events per republished message, so a long backlog goes out in messages of bounded size.</summary>
    public const int RepublishChunk = 10_000;

    /// <summary>The last sequence number whose experiment events (if any) the broker has confirmed.</summary>
    public long PublishedUpTo { get; private set; } = publishedUpTo;

    /// <summary>
    /// Experiment events the broker has confirmed since the grain activated. The position is worth recording only
    /// when this moved: without experiment events after the recorded position, an activation republishes nothing.
    /// </summary>
    public long Published { get; private set; }

    /// <summary>
    /// After a commit that moved the log from <paramref name="previousSequence"/> to <paramref name="lastSequence"/>:
    /// publishes the batch's experiment events, but only when nothing earlier is pending (otherwise the retry
    /// publishes from the log in order).
    /// </summary>
    public async Task PublishCommittedAsync(long previousSequence, long lastSequence, IReadOnlyList<RecordedOutcome> events)
    {
        if (PublishedUpTo == previousSequence && await publisher.TryPublishAsync(useCaseId, events, CancellationToken.None))
        {
            PublishedUpTo = lastSequence;
            Published += events.Count;
        }
    }

    /// <summary>
    /// Publishes, from the log and in order, the experiment events after <see cref="PublishedUpTo"/> up to
    /// <paramref name="lastSequence"/>. True when it published any (the position is then worth recording).
    /// </summary>
    public async Task<bool> RepublishAsync(long lastSequence, CancellationToken cancellationToken)
    {
        if (PublishedUpTo >= lastSequence)
        {
            return false;
        }
        var before = Published;
        while (true)
        {
            var page = await log.ReadExperimentEventsAsync(useCaseId, PublishedUpTo, lastSequence, RepublishChunk, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }
            var events = page.Select(logged => new RecordedOutcome(logged.Sequence, OutcomeEventJson.DeserializeStored(logged.Json))).ToList();
            if (!await publisher.TryPublishAsync(useCaseId, events, cancellationToken))
            {
                return false;
            }
            PublishedUpTo = page[^1].Sequence;
            Published += events.Count;
        }
        PublishedUpTo = lastSequence;
        return Published != before;
    }
}
