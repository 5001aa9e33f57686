using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace AiRoi.Stack.Tests;

/// <summary>
/// The database fails under a client that sends events with retries: PostgreSQL killed outright, or a commit whose
/// acknowledgement never reaches the metrics service. Afterwards every acknowledged event is in the log once, the
/// use case's figures and the experiment's tables equal a recomputation from the log, and the client saw nothing
/// but acknowledgements and 503s with problem details.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class DatabaseFaultTests(StackFixture stack, ITestOutputHelper output)
{
    private const int Batches = 30;
    private const int BatchesAfterFaults = 5;

    /// <summary>How long PostgreSQL stays down before the orchestrator starts it again.</summary>
    private static readonly TimeSpan DatabaseOutage = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task After_PostgreSQL_is_killed_and_restarted_every_acknowledged_event_is_in_the_log_once_and_the_figures_equal_a_recomputation()
    {
        await WhileEventsFlowAsync(() => StackProcesses.KillAndRestartPostgresAsync(stack, DatabaseOutage));

        // Refusals are counted on the side, and nobody sends one again to have it counted: the services' pools
        // still hold connections from before the restart, and none of those may lose a count.
        var useCase = $"pg-restart-{Guid.NewGuid():N}"[..24];
        await StackDatabase.RegisterUseCaseAsync(stack, useCase);
        const int Refusals = 3;
        for (var i = 0; i < Refusals; i++)
        {
            var refused = await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/events", new JsonObject
            {
                ["events"] = new JsonArray(new JsonObject
                {
                    ["eventId"] = $"refused-{i}",
                    ["useCaseId"] = useCase,
                    ["startedAt"] = "2026-11-20T10:00:00Z",
                    ["completedAt"] = "2026-11-20T10:07:30Z",
                    ["handler"] = "ai",
                    ["resolved"] = true,
                    ["csat"] = 9,
                }),
            });
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        }
        Assert.Equal(new Dictionary<string, long> { ["out-of-range/events"] = Refusals }, await StackRejections.ByReasonAsync(stack, useCase));
    }

    [Fact]
    public async Task After_commits_whose_acknowledgement_was_lost_every_acknowledged_event_is_in_the_log_once_and_the_figures_equal_a_recomputation()
    {
        await WhileEventsFlowAsync(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                using var wait = new CancellationTokenSource(StackFixture.CallTimeout);
                await stack.MetricsDatabaseProxy.LoseNextAppendCommitAsync().WaitAsync(wait.Token);
            }
        });
    }

    /// <summary>The client must have met the fault: at least one 503 (a write the database could not confirm).</summary>
    private async Task WhileEventsFlowAsync(Func<Task> faults) =>
        Assert.NotEmpty(await EventFlow.SurviveAsync(stack, output, TimeSpan.FromMinutes(4), Batches, BatchesAfterFaults, faults));
}
