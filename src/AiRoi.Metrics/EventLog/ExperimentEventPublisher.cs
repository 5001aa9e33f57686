using AiRoi.Contracts.Messages;
using AiRoi.ServiceDefaults.Messaging;
using MassTransit;

namespace AiRoi.Metrics.EventLog;

/// <summary>
/// Publishes a batch's experiment events as one <see cref="ExperimentEventsRecorded"/> message, mandatory and
/// confirmed: a message no queue is bound for is returned by the broker and counts as not published, instead of
/// being dropped silently, so it is published again once the experiment service's topology exists.
/// </summary>
public sealed partial class ExperimentEventPublisher(IBus bus, ILogger<ExperimentEventPublisher> logger)
{
    /// <summary>
    /// How long a publish may take before it counts as not published. The grain handles one call at a time, so an
    /// unanswering broker must not hold up writes; a confirmed publish on this machine takes milliseconds.
    /// </summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(2);

    /// <summary>True when the broker confirmed the message into at least one queue.</summary>
    public async Task<bool> TryPublishAsync(string useCaseId, IReadOnlyList<RecordedOutcome> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return true;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PublishTimeout);
        try
        {
            await bus.Publish(new ExperimentEventsRecorded(useCaseId, events), context =>
            {
                context.SendAsPlainJson();
                if (context is RabbitMqSendContext rabbit)
                {
                    rabbit.Mandatory = true;
                }
            }, timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotPublished(useCaseId, events.Count, events[0].Sequence, events[^1].Sequence, exception.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment events of {UseCaseId} not published yet ({Count} events, sequences {First}-{Last}): {Reason}; they are published again shortly")]
    private partial void LogNotPublished(string useCaseId, int count, long first, long last, string reason);
}
