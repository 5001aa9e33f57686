using AiRoi.Contracts.Messages;
using AiRoi.Domain.Experiments;
using MassTransit;

namespace AiRoi.Experiments.Lifecycle;

/// <summary>
/// Tells the metrics service that an experiment was concluded, so a shipped treatment's conversion lift counts in
/// its use case's ROI. The message is mandatory and confirmed; until the broker has routed it to a queue the
/// experiment stays unpublished in its table and the periodic analysis publishes it again.
/// </summary>
public sealed partial class ConclusionPublisher(IBus bus, ExperimentStore store, ILogger<ConclusionPublisher> logger)
{
    /// <summary>How long a publish may take before it counts as not published.</summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Publishes the conclusion of a concluded experiment; true when the broker confirmed it.</summary>
    public async Task<bool> TryPublishAsync(Experiment experiment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        if (experiment.Status != ExperimentStatus.Concluded)
        {
            return false;
        }
        var decision = experiment.Decisions[^1];
        var message = new ExperimentConcluded(experiment.Definition.UseCaseId!, experiment.Id,
            decision.Decision == ExperimentDecision.Ship ? "ship" : "roll-back", decision.Variant, decision.DecidedAt, decision.ConversionLift);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PublishTimeout);
        try
        {
            await bus.Publish(message, context =>
            {
                if (context is RabbitMqSendContext rabbit)
                {
                    rabbit.Mandatory = true;
                }
            }, timeout.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotPublished(experiment.Id, exception.Message);
            return false;
        }
        await store.MarkConclusionPublishedAsync(experiment.Id, cancellationToken);
        return true;
    }

    /// <summary>Publishes every conclusion not confirmed yet; answers how many went out.</summary>
    public async Task<int> PublishPendingAsync(CancellationToken cancellationToken)
    {
        var published = 0;
        foreach (var experiment in await store.UnpublishedConclusionsAsync(cancellationToken))
        {
            published += await TryPublishAsync(experiment, cancellationToken) ? 1 : 0;
        }
        return published;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The conclusion of experiment {ExperimentId} is not published yet: {Reason}; it is published again with the next analysis")]
    private partial void LogNotPublished(string experimentId, string reason);
}
