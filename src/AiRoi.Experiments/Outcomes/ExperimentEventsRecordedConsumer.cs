using AiRoi.Contracts.Messages;
using MassTransit;

namespace AiRoi.Experiments.Outcomes;

/// <summary>
/// Keeps the experiment events a use-case grain published: in one transaction, the events not seen before, each
/// subject's first exposure, and the per-variant sufficient statistics of exactly those new events. An event seen
/// before (a redelivered message, a batch republished after a crash) is skipped and counts nothing, so the tables
/// always equal a recomputation from the outcomes. Failures are retried, then the message goes to the error queue.
/// </summary>
public sealed partial class ExperimentEventsRecordedConsumer(OutcomeStore store, ILogger<ExperimentEventsRecordedConsumer> logger)
    : IConsumer<ExperimentEventsRecorded>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<ExperimentEventsRecorded> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        var outcomes = message.Events
            .Where(recorded => recorded.Event.ExperimentId is not null && recorded.Event.Variant is not null)
            .ToList();
        var added = await store.AddAsync(message.UseCaseId, outcomes, context.CancellationToken);
        LogConsumed(message.UseCaseId, outcomes.Count, added);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Experiment events of {UseCaseId}: {Received} received, {Added} new")]
    private partial void LogConsumed(string useCaseId, int received, int added);
}
