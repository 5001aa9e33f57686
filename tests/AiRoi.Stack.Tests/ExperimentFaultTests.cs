using Xunit.Abstractions;

namespace AiRoi.Stack.Tests;

/// <summary>
/// Invariant 3 for experiments: with the broker restarted, stopped for a minute, or the experiment service killed
/// (SIGKILL) while events flow, every acknowledged event is in the log once, and every experiment event of the log
/// reaches the experiment tables once: the exposures and per-variant statistics equal a recomputation by SQL from the
/// log. The client sees acknowledgements and 503s only.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ExperimentFaultTests(StackFixture stack, ITestOutputHelper output)
{
    // At least this many batches, and five more after the last fault, so events flow through every fault.
    private const int Batches = 40;
    private const int BatchesAfterFaults = 5;

    /// <summary>How long the broker stays stopped while events flow.</summary>
    private static readonly TimeSpan BrokerOutage = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task After_a_broker_restart_and_a_killed_experiment_service_the_experiment_tables_equal_a_recomputation_from_the_log()
    {
        await WhileEventsFlowAsync(TimeSpan.FromMinutes(3), async () =>
        {
            await StackProcesses.RestartAsync(stack, "messaging");
            await Task.Delay(TimeSpan.FromSeconds(1));
            await StackProcesses.KillAndRestartAsync(stack, "experiments", "AiRoi.Experiments");
        });
    }

    [Fact]
    public async Task After_the_broker_is_stopped_for_a_minute_the_experiment_tables_equal_a_recomputation_from_the_log()
    {
        await WhileEventsFlowAsync(BrokerOutage + TimeSpan.FromMinutes(3),
            () => StackProcesses.StopForAsync(stack, "messaging", BrokerOutage));
    }

    private Task WhileEventsFlowAsync(TimeSpan bound, Func<Task> faults) =>
        EventFlow.SurviveAsync(stack, output, bound, Batches, BatchesAfterFaults, faults);
}
