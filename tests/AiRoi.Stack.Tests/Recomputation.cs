using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace AiRoi.Stack.Tests;

/// <summary>
/// What a fault must leave intact, checked against the event log by SQL: each acknowledged event once, the use
/// case's figures, and an experiment's tables.
/// </summary>
public static class Recomputation
{
    // Unpublished events go out again on the grains' 10 s timer; the consumer then needs a moment. Ample room on 2 cores.
    private static readonly TimeSpan CatchUpWait = TimeSpan.FromMinutes(2);

    /// <summary>The log holds <paramref name="acknowledged"/> events of the use case, each once, numbered 1 to that count without a gap.</summary>
    public static async Task AssertEachEventOnceAsync(StackFixture stack, string useCase, long acknowledged)
    {
        var rows = await RowsAsync(stack, "metricsdb",
            """
            select 'log', count(*)::float8, count(distinct event_id)::float8, coalesce(max(sequence), 0)::float8, count(distinct sequence)::float8
              from metrics.outcome_events where use_case_id = $1
            union all
            select 'ids', count(*)::float8, count(distinct event_id)::float8, coalesce(max(sequence), 0)::float8, count(distinct sequence)::float8
              from metrics.event_ids where use_case_id = $1
            """, useCase);
        Assert.Equal([acknowledged, acknowledged, acknowledged, acknowledged], rows["log"]);
        Assert.Equal([acknowledged, acknowledged, acknowledged, acknowledged], rows["ids"]);
    }

    /// <summary>
    /// The grain's running totals, and its monthly cost per task and CSAT for <paramref name="month"/> (every event of the
    /// use case falls in it), equal the same figures computed by SQL from the log.
    /// </summary>
    public static async Task AssertFiguresEqualLogAsync(StackFixture stack, string useCase, DateOnly month)
    {
        using var client = StackHttp.Client(stack, "metrics");
        using var call = new CancellationTokenSource(StackFixture.CallTimeout);
        var logged = await StackDatabase.ScalarAsync(stack, "metricsdb", "select count(*) from metrics.outcome_events where use_case_id = $1", useCase);
        var totals = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/use-cases/{useCase}/event-log", call.Token))!;
        Assert.Equal(logged, totals["sequence"]!.GetValue<long>());
        Assert.Equal(logged, totals["eventsByHandler"]!["ai"]!.GetValue<long>());

        // An event's AI cost is its own aiCost, else what its traced calls cost when all of them had a price (ledger).
        const string traced = "(select sum(amount) from metrics.ai_cost_ledger l where l.use_case_id = e.use_case_id and l.event_id = e.event_id having sum(unpriced_tokens) = 0)";
        var tracedTotal = (await RowsAsync(stack, "metricsdb",
            "select 'all', coalesce(sum(l.amount), 0)::float8 from metrics.ai_cost_ledger l join metrics.outcome_events e on e.use_case_id = l.use_case_id and e.event_id = l.event_id where l.use_case_id = $1 and not e.event ? 'aiCost'",
            useCase))["all"][0];
        Assert.Equal(tracedTotal, (double)totals["tracedAiCost"]!.GetValue<decimal>(), 9);

        var until = month.AddMonths(1).AddDays(-1);
        foreach (var (metric, field) in new[] { ("costPerTask", $"coalesce((event->>'aiCost')::numeric, {traced})::float8"), ("csatMean", "(event->>'csat')::float8") })
        {
            var series = (await client.GetFromJsonAsync<JsonArray>(
                $"/api/v1/use-cases/{useCase}/metrics/{metric}?granularity=month&from={month:yyyy-MM-dd}&to={until:yyyy-MM-dd}", call.Token))!;
            var expected = (await RowsAsync(stack, "metricsdb",
                $"select 'all', avg({field}), count({field})::float8 from metrics.outcome_events e where use_case_id = $1", useCase))["all"];
            var overall = Assert.Single(series)!["overall"]!;
            Assert.Equal(expected[0], overall["value"]!.GetValue<double>(), 9);
            Assert.Equal((long)expected[1], overall["n"]!.GetValue<long>());
        }
    }

    /// <summary>
    /// Waits until every experiment event of the log reached the experiment tables, then checks them against the
    /// log: per variant and metric the moments, each subject's first exposure, and the per-variant exposure counts.
    /// </summary>
    public static async Task AssertExperimentEqualsLogAsync(StackFixture stack, string useCase, string experiment, int subjects)
    {
        var logged = await StackDatabase.ScalarAsync(stack, "metricsdb",
            "select count(*) from metrics.outcome_events where use_case_id = $1 and event->>'experimentId' = $2", useCase, experiment);
        var deadline = DateTime.UtcNow + CatchUpWait;
        long kept;
        while ((kept = await StackDatabase.ScalarAsync(stack, "experimentsdb", "select count(*) from experiments.outcomes where experiment_id = $1", experiment)) < logged
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }
        Assert.Equal(logged, kept);

        // Per variant and metric, the moments the consumer kept against the same moments by SQL over the log.
        var statistics = await RowsAsync(stack, "experimentsdb",
            "select variant || '/' || metric_key, n, sum, sum_of_squares from experiments.variant_statistics where experiment_id = $1 and metric_key in ('conversionRate', 'csatMean', 'escalationRate')",
            experiment);
        var recomputed = await RowsAsync(stack, "metricsdb",
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
        var exposures = await RowsAsync(stack, "experimentsdb",
            "select subject_id || '/' || variant, extract(epoch from first_exposed_at)::float8 from experiments.exposures where experiment_id = $1", experiment);
        var firsts = await RowsAsync(stack, "metricsdb",
            """
            select distinct on (event->>'subjectId') event->>'subjectId' || '/' || (event->>'variant'), extract(epoch from (event->>'completedAt')::timestamptz)::float8
              from metrics.outcome_events where use_case_id = $2 and event->>'experimentId' = $1
             order by event->>'subjectId', (event->>'completedAt')::timestamptz
            """, experiment, useCase);
        Assert.Equal(subjects, firsts.Count);
        Assert.Equal(firsts.OrderBy(e => e.Key).Select(e => (e.Key, e.Value[0])), exposures.OrderBy(e => e.Key).Select(e => (e.Key, e.Value[0])));

        // The per-variant exposure counts that results read equal a count of the exposures.
        var counted = await RowsAsync(stack, "experimentsdb", "select variant, subjects::float8 from experiments.variant_exposures where experiment_id = $1", experiment);
        var counts = await RowsAsync(stack, "experimentsdb", "select variant, count(*)::float8 from experiments.exposures where experiment_id = $1 group by variant", experiment);
        Assert.Equal(counts.OrderBy(e => e.Key).Select(e => (e.Key, e.Value[0])), counted.OrderBy(e => e.Key).Select(e => (e.Key, e.Value[0])));
    }

    /// <summary>Rows of (key, numbers…) from one of the stack's databases.</summary>
    private static async Task<Dictionary<string, double[]>> RowsAsync(StackFixture stack, string database, string sql, params object[] parameters)
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
