using MassTransit;

namespace AiRoi.ServiceDefaults.Messaging;

/// <summary>
/// How every AiRoi consumer treats a failure: a message that fails (the database down for a moment) is tried again
/// after 0.5, 2 and 10 s, then moved to the endpoint's error queue (<c>{queue}_error</c>), from which it can be
/// replayed. The consumers are idempotent, so a retry or a replay is harmless.
/// </summary>
/// <typeparam name="TConsumer">The consumer.</typeparam>
public abstract class RetryingConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    /// <summary>The waits between attempts, in milliseconds: about 12 s of trying before a message is dead-lettered.</summary>
    public static readonly int[] RetryIntervals = [500, 2_000, 10_000];

    /// <inheritdoc />
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(consumerConfigurator);
        consumerConfigurator.UseMessageRetry(retry => retry.Intervals(RetryIntervals));
    }
}
