using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace AiRoi.Stack.Tests;

/// <summary>
/// The stack on more than one process per service: two silos in one cluster found through the membership table,
/// two ingestion nodes, two experiment services. One use case keeps one writer however many nodes write to it, the
/// portfolio gathers grains from every silo, and the loss of a silo (SIGKILL) loses no acknowledged event.
/// </summary>
[Collection(ScaleOutStackCollection.Name)]
public sealed class ScaleOutTests(ScaleOutStackFixture stack, ITestOutputHelper output)
{
    [Fact]
    public async Task The_silos_form_one_cluster_in_the_membership_table_that_every_ingestion_node_reaches()
    {
        var silos = await StackProcesses.FindAllAsync(stack, "AiRoi.Metrics");
        Assert.Equal(2, silos.Count);
        // Status 3 is Orleans' "active"; each silo's own port is in the table, advertised on loopback.
        foreach (var silo in silos)
        {
            Assert.Equal(1, await StackDatabase.ScalarAsync(stack, "clusterdb",
                "select count(*) from members where status = 3 and address = '127.0.0.1' and port = $1", silo.SiloPort));
        }
        Assert.Equal(2, await StackDatabase.ScalarAsync(stack, "clusterdb", "select count(*) from members where status = 3"));

        var nodes = await StackProcesses.FindAllAsync(stack, "AiRoi.Ingestion");
        Assert.Equal(2, nodes.Count);
        foreach (var node in nodes)
        {
            var status = await SendToAsync(node, HttpMethod.Get, "/api/v1/status");
            Assert.True(status.Status == HttpStatusCode.OK, status.Body?.ToJsonString());
            Assert.Equal(2, status.Body!["activeSilos"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task One_use_case_written_from_two_ingestion_nodes_at_once_has_one_writer_and_each_event_once()
    {
        var useCase = $"hammer-{Guid.NewGuid():N}"[..24];
        await StackDatabase.RegisterUseCaseAsync(stack, useCase);
        var nodes = await StackProcesses.FindAllAsync(stack, "AiRoi.Ingestion");
        Assert.Equal(2, nodes.Count);

        // Four writers, two per node, 40 batches of 50 each; writers on different nodes send the same events half the
        // time (a retry landing on the other node), so ids 0–5,999 arrive 8,000 times in all.
        const int Batches = 40;
        var writers = Enumerable.Range(0, 4).Select(async writer =>
        {
            var node = nodes[writer % 2];
            for (var batch = 0; batch < Batches; batch++)
            {
                var first = (writer / 2 * Batches + batch) * 50 + (writer % 2 == 1 && batch % 2 == 1 ? 1_000 : 0);
                var body = Batch(useCase, first, 50);
                while (true)
                {
                    var answer = await SendToAsync(node, HttpMethod.Post, "/api/v1/events", body);
                    if (answer.Status == HttpStatusCode.OK)
                    {
                        break;
                    }
                    Assert.True(answer.Status == HttpStatusCode.ServiceUnavailable, $"{(int)answer.Status} {answer.Body?.ToJsonString()}");
                    await Task.Delay(100);
                }
            }
        }).ToArray();
        await Task.WhenAll(writers);

        var distinct = Enumerable.Range(0, 4).SelectMany(writer => Enumerable.Range(0, Batches).SelectMany(batch =>
            Enumerable.Range((writer / 2 * Batches + batch) * 50 + (writer % 2 == 1 && batch % 2 == 1 ? 1_000 : 0), 50))).Distinct().Count();
        await Recomputation.AssertEachEventOnceAsync(stack, useCase, distinct);
        await Recomputation.AssertFiguresEqualLogAsync(stack, useCase, new DateOnly(2026, 11, 1));

        var placement = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, $"/api/v1/status/placement/{useCase}");
        Assert.True(placement.Status == HttpStatusCode.OK, placement.Node?.ToJsonString());
        Assert.Single(placement.Node!["silos"]!.AsArray());
        Assert.Equal(2, placement.Node!["activeSilos"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_portfolio_gathers_use_cases_whose_grains_are_on_both_silos()
    {
        var useCases = Enumerable.Range(0, 12).Select(_ => $"spread-{Guid.NewGuid():N}"[..24]).ToArray();
        foreach (var useCase in useCases)
        {
            await StackDatabase.RegisterUseCaseAsync(stack, useCase);
            Assert.Equal(HttpStatusCode.OK, (await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/events", Batch(useCase, 0, 3))).Status);
        }
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var useCase in useCases)
        {
            var placement = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, $"/api/v1/status/placement/{useCase}");
            hosts.Add(Assert.Single(placement.Node!["silos"]!.AsArray())!.GetValue<string>());
        }
        // Orleans places new activations at random by default: twelve all on one of two silos is a 1 in 2,048 chance.
        Assert.Equal(2, hosts.Count);

        // Every use case is listed with its three events (a summary computed before they came catches up on the grain's timer).
        var caughtUp = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        Dictionary<string, long> listed;
        do
        {
            listed = (await PortfolioAsync())["useCases"]!.AsArray().ToDictionary(row => row!["id"]!.GetValue<string>(), row => row!["events"]!.GetValue<long>(), StringComparer.Ordinal);
        }
        while (useCases.Any(useCase => listed.GetValueOrDefault(useCase) != 3) && DateTime.UtcNow < caughtUp && await Delay());
        Assert.All(useCases, useCase => Assert.Equal(3, listed.GetValueOrDefault(useCase)));

        // Each silo answers alike: its own grains' summaries from memory, the other silo's in one call to it.
        foreach (var silo in await StackProcesses.FindAllAsync(stack, "AiRoi.Metrics"))
        {
            var (status, body) = await SendToAsync(silo, HttpMethod.Get, "/api/v1/portfolio");
            Assert.Equal(HttpStatusCode.OK, status);
            var rows = body!["useCases"]!.AsArray().ToDictionary(row => row!["id"]!.GetValue<string>(), row => row!["events"]!.GetValue<long>(), StringComparer.Ordinal);
            Assert.All(useCases, useCase => Assert.Equal(3, rows.GetValueOrDefault(useCase)));
        }
    }

    [Fact]
    public async Task When_the_silo_of_a_busy_use_case_is_killed_its_grain_comes_back_on_the_other_silo_and_no_acknowledged_event_is_lost()
    {
        var useCase = "";
        var stopwatch = new System.Diagnostics.Stopwatch();
        string? before = null, after = null;
        await EventFlow.SurviveAsync(stack, output, TimeSpan.FromMinutes(4), batches: 40, batchesAfterFaults: 10, async busy =>
        {
            useCase = busy;
            for (var attempt = 0; before is null && attempt < 40; attempt++)
            {
                before = await PlacementAsync(busy, expectedSilos: 2);
                await Task.Delay(before is null ? 250 : 0);
            }
            Assert.NotNull(before);
            var silo = (await StackProcesses.FindAllAsync(stack, "AiRoi.Metrics")).Single(process => before.EndsWith($":{process.SiloPort}", StringComparison.Ordinal));
            silo.Process.Kill(entireProcessTree: true);
            stopwatch.Start();
            // Events keep flowing through both ingestion nodes; the next write after the silo is declared dead activates
            // the grain on the survivor, which rebuilds it from the log.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            do
            {
                await Task.Delay(250);
                after = await PlacementAsync(busy, expectedSilos: 1);
            }
            while ((after is null || after == before) && DateTime.UtcNow < deadline);
            stopwatch.Stop();
            Assert.True(after is not null && after != before, $"The grain of {busy} was not active on the other silo within 60 s of the kill.");
        });
        output.WriteLine($"grain of {useCase}: {before} killed; active on {after} {stopwatch.Elapsed.TotalSeconds:0.0} s later");

        // The portfolio answers for the use case, and catches up with its last events within the grain's timer period.
        var logged = await StackDatabase.ScalarAsync(stack, "metricsdb", "select count(*) from metrics.outcome_events where use_case_id = $1", useCase);
        var caughtUp = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        long listed;
        do
        {
            var portfolio = await PortfolioAsync();
            listed = portfolio["useCases"]!.AsArray().Single(row => row!["id"]!.GetValue<string>() == useCase)!["events"]!.GetValue<long>();
        }
        while (listed != logged && DateTime.UtcNow < caughtUp && await Delay());
        Assert.Equal(logged, listed);

        // The killed silo's replica starts again and rejoins, so the stack is whole for whatever runs next.
        await RestartStoppedSiloAsync();
    }

    /// <summary>
    /// The silo holding the use case's grain once the cluster lists <paramref name="expectedSilos"/> active silos; null
    /// while the grain is not active, or while the cluster cannot say (a silo that stopped is not yet declared dead).
    /// </summary>
    private async Task<string?> PlacementAsync(string useCase, int expectedSilos)
    {
        try
        {
            var answer = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, $"/api/v1/status/placement/{useCase}");
            return answer.Status == HttpStatusCode.OK && answer.Node!["activeSilos"]!.AsArray().Count == expectedSilos
                ? answer.Node!["silos"]!.AsArray().SingleOrDefault()?.GetValue<string>()
                : null;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private async Task RestartStoppedSiloAsync()
    {
        using var timeout = new CancellationTokenSource(StackFixture.StartTimeout);
        string? stopped = null;
        await foreach (var resourceEvent in stack.App.ResourceNotifications.WatchAsync(timeout.Token))
        {
            if (resourceEvent.Resource.Name == "metrics" && Aspire.Hosting.ApplicationModel.KnownResourceStates.TerminalStates.Contains(resourceEvent.Snapshot.State?.Text))
            {
                stopped = resourceEvent.ResourceId;
                break;
            }
        }
        var started = await stack.App.ResourceCommands.ExecuteCommandAsync(stopped!, Aspire.Hosting.ApplicationModel.KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(started.Success, started.Message);
        await stack.WaitForHealthyReplicasAsync("metrics", 2, timeout.Token);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        return true;
    }

    /// <summary>The portfolio as a client reads it: a 503 is sent again, for up to 60 s.</summary>
    private async Task<JsonNode> PortfolioAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var answer = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, "/api/v1/portfolio");
            if (answer.Status == HttpStatusCode.OK)
            {
                return answer.Node!;
            }
            Assert.True(answer.Status == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline, $"{(int)answer.Status} {answer.Node?.ToJsonString()}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static JsonObject Batch(string useCase, int first, int count) => new()
    {
        ["events"] = new JsonArray([.. Enumerable.Range(first, count).Select(n => (JsonNode)new JsonObject
        {
            ["eventId"] = $"h-{n}",
            ["useCaseId"] = useCase,
            ["startedAt"] = "2026-11-21T08:00:00Z",
            ["completedAt"] = "2026-11-21T08:03:00Z",
            ["handler"] = "ai",
            ["aiCost"] = n % 7 / 100.0,
            ["csat"] = 1 + n % 5,
        })]),
    };

    /// <summary>One request straight to one node (not through the orchestrator's proxy, which spreads calls over the nodes).</summary>
    private static async Task<(HttpStatusCode Status, JsonNode? Body)> SendToAsync(StackProcess node, HttpMethod method, string path, JsonNode? body = null)
    {
        using var client = new HttpClient { BaseAddress = node.HttpAddress, Timeout = StackFixture.CallTimeout };
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", StackHttp.DevelopmentKey);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        try
        {
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return (HttpStatusCode.ServiceUnavailable, null);
        }
    }
}
