using System.Net;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Npgsql;

namespace AiRoi.Stack.Tests;

/// <summary>
/// Invariant 3 for experiments: with RabbitMQ restarted and the experiment service killed (SIGKILL) while events
/// flow, every experiment event in the log reaches the experiment tables once, and the exposures and per-variant
/// statistics equal a recomputation by SQL from the event log.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ExperimentFaultTests(StackFixture stack)
{
    // At least this many batches, and five more after the last fault, so events flow through both faults.
    private const int Batches = 40;
    private const int BatchesAfterFaults = 5;
    private const int PerBatch = 50;
    private const int Subjects = 700;

    // Unpublished events go out again on the grains' 10 s timer; the consumer then needs a moment. Ample room on 2 cores.
    private static readonly TimeSpan CatchUpWait = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task After_a_broker_restart_and_a_killed_experiment_service_the_experiment_tables_equal_a_recomputation_from_the_log()
    {
        var useCase = $"fault-{Guid.NewGuid():N}"[..24];
        var experiment = $"exp-fault-{Guid.NewGuid():N}"[..24];
        await StackDatabase.RegisterUseCaseAsync(stack, useCase);

        using var flowing = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var faultsDone = new TaskCompletionSource();
        var flow = SendAsync(useCase, experiment, faultsDone.Task, flowing.Token);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await StackProcesses.RestartAsync(stack, "messaging");
        await Task.Delay(TimeSpan.FromSeconds(1));
        await StackProcesses.KillAndRestartAsync(stack, "experiments", "AiRoi.Experiments", "experimentsdb");
        faultsDone.SetResult();
        var sent = await flow;

        var logged = await StackDatabase.ScalarAsync(stack, "metricsdb",
            "select count(*) from metrics.outcome_events where use_case_id = $1 and event->>'experimentId' = $2", useCase, experiment);
        Assert.Equal(sent, logged);
        var deadline = DateTime.UtcNow + CatchUpWait;
        long kept;
        while ((kept = await StackDatabase.ScalarAsync(stack, "experimentsdb", "select count(*) from experiments.outcomes where experiment_id = $1", experiment)) < logged
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }
        Assert.Equal(logged, kept);

        // Per variant and metric, the moments the consumer kept against the same moments by SQL over the log.
        var statistics = await RowsAsync("experimentsdb",
            "select variant || '/' || metric_key, n, sum, sum_of_squares from experiments.variant_statistics where experiment_id = $1 and metric_key in ('conversionRate', 'csatMean', 'escalationRate')",
            experiment);
        var recomputed = await RowsAsync("metricsdb",
            """
            select event->>'variant' || '/' || m.key, count(m.value), sum(m.value), sum(m.value * m.value)
              from metrics.outcome_events,
                   lateral (values ('conversionRate', case when event ? 'converted' then (event->>'converted')::boolean::int::float8 end),
                                   ('csatMean', (event->>'csat')::float8),
                                   ('escalationRate', coalesce((event->>'escalated')::boolean, false)::int::float8)) as m(key, value)
             where use_case_id = $2 and event->>'experimentId' = $1 and m.value is not null
             group by 1
            """, experiment, useCase);
        Assert.Equal(6, recomputed.Count);
        Assert.Equal(recomputed.Keys.Order(), statistics.Keys.Order());
        foreach (var (key, expected) in recomputed)
        {
            Assert.Equal(expected[0], statistics[key][0]);
            Assert.Equal(expected[1], statistics[key][1], 6);
            Assert.Equal(expected[2], statistics[key][2], 6);
        }

        // Each subject's first exposure: the variant and time of its earliest event in the log.
        var exposures = await RowsAsync("experimentsdb",
            "select subject_id || '/' || variant, extract(epoch from first_exposed_at)::float8 from experiments.exposures where experiment_id = $1", experiment);
        var firsts = await RowsAsync("metricsdb",
            """
            select distinct on (event->>'subjectId') event->>'subjectId' || '/' || (event->>'variant'), extract(epoch from (event->>'completedAt')::timestamptz)::float8
              from metrics.outcome_events where use_case_id = $2 and event->>'experimentId' = $1
             order by event->>'subjectId', (event->>'completedAt')::timestamptz
            """, experiment, useCase);
        Assert.Equal(Subjects, firsts.Count);
        Assert.Equal(firsts.OrderBy(e => e.Key).Select(e => (e.Key, e.Value[0])), exposures.OrderBy(e => e.Key).Select(e => (e.Key, e.Value[0])));

        // The per-variant exposure counts that results read equal a count of the exposures.
        var counted = await RowsAsync("experimentsdb", "select variant, subjects::float8 from experiments.variant_exposures where experiment_id = $1", experiment);
        var counts = await RowsAsync("experimentsdb", "select variant, count(*)::float8 from experiments.exposures where experiment_id = $1 group by variant", experiment);
        Assert.Equal(counts.OrderBy(e => e.Key).Select(e => (e.Key, e.Value[0])), counted.OrderBy(e => e.Key).Select(e => (e.Key, e.Value[0])));
    }

    /// <summary>
    /// Sends batches one after another, each retried until acknowledged (a service may be restarting), until there
    /// were <see cref="Batches"/> and <see cref="BatchesAfterFaults"/> more after the faults; answers the events sent.
    /// </summary>
    private async Task<long> SendAsync(string useCase, string experiment, Task faultsDone, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        var last = int.MaxValue;
        var batch = 0;
        for (; batch < Math.Max(Batches, last); batch++)
        {
            if (last == int.MaxValue && faultsDone.IsCompleted)
            {
                last = batch + BatchesAfterFaults;
            }
            var events = new JsonArray();
            for (var i = 0; i < PerBatch; i++)
            {
                var n = batch * PerBatch + i;
                var subject = n % Subjects;
                var completed = start.AddMinutes(n);
                var e = new JsonObject
                {
                    ["eventId"] = $"f-{n}",
                    ["useCaseId"] = useCase,
                    ["subjectId"] = $"s-{subject}",
                    ["startedAt"] = completed.AddMinutes(-3).ToString("O"),
                    ["completedAt"] = completed.ToString("O"),
                    ["handler"] = "ai",
                    ["experimentId"] = experiment,
                    ["variant"] = subject % 2 == 0 ? "control" : "treatment",
                    ["escalated"] = n % 7 == 0,
                };
                if (n % 3 != 0)
                {
                    e["converted"] = n % 5 == 0;
                }
                if (n % 4 != 0)
                {
                    e["csat"] = 1 + n % 5;
                }
                events.Add(e);
            }
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var answer = await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/events", new JsonObject { ["events"] = events.DeepClone() });
                    if (answer.Status == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    // A service is away for a moment: the batch is sent again (a duplicate is counted once).
                }
                await Task.Delay(200, cancellationToken);
            }
            await Task.Delay(150, cancellationToken);
        }
        return (long)batch * PerBatch;
    }

    /// <summary>Rows of (key, numbers…) from one of the stack's databases.</summary>
    private async Task<Dictionary<string, double[]>> RowsAsync(string database, string sql, params object[] parameters)
    {
        await using var connection = await StackDatabase.OpenAsync(stack, database);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, double[]>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = Enumerable.Range(1, reader.FieldCount - 1).Select(i => Convert.ToDouble(reader.GetValue(i))).ToArray();
        }
        return rows;
    }
}
