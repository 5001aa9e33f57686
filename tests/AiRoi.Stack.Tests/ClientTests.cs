using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AiRoi.Client;
using Aspire.Hosting.Testing;

namespace AiRoi.Stack.Tests;

/// <summary>
/// The .NET client against the whole stack: events arrive exactly once through injected 503s and dropped connections,
/// disposal sends everything queued, the queue's bound holds when AiRoi cannot be reached, an invalid event is refused
/// without retries, and in-process assignment answers as the assignment API does.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ClientTests(StackFixture stack)
{
    [Fact]
    public async Task Events_arrive_exactly_once_through_503s_and_dropped_connections()
    {
        var useCase = await NewUseCaseAsync();
        await using var proxy = new FaultyHttpProxy(stack.App.GetEndpoint("ingestion", "http"));
        await proxy.StartAsync();
        var client = new AiRoiClient(Options(proxy.Address, batchSize: 100) );
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(client.RecordOutcome(Outcome(useCase, $"e-{i}")));
        }
        await client.DisposeAsync();

        Assert.Equal((1_000L, 0L, 0L), (client.Metrics.Sent, client.Metrics.Dropped, client.Metrics.Refused));
        Assert.True(proxy.Refused > 0 && proxy.Dropped > 0, $"{proxy.Refused} refused, {proxy.Dropped} dropped");
        Assert.True(client.Metrics.Retried >= proxy.Refused + proxy.Dropped);
        await Recomputation.AssertEachEventOnceAsync(stack, useCase, 1_000);
    }

    [Fact]
    public async Task Disposing_sends_everything_queued_and_an_invalid_batch_is_refused_without_retries()
    {
        var useCase = await NewUseCaseAsync();
        var client = new AiRoiClient(Options(stack.App.GetEndpoint("ingestion", "http"), batchSize: 250, flushInterval: TimeSpan.FromMinutes(1)));
        for (var i = 0; i < 600; i++)
        {
            client.RecordOutcome(Outcome(useCase, $"s-{i}"));
        }
        await client.DisposeAsync();
        Assert.Equal(600L, client.Metrics.Sent);
        await Recomputation.AssertEachEventOnceAsync(stack, useCase, 600);

        var strict = new AiRoiClient(Options(stack.App.GetEndpoint("ingestion", "http"), batchSize: 10));
        strict.RecordOutcome(Outcome(useCase, "bad") with { Csat = 9 });
        await strict.DisposeAsync();
        Assert.Equal((1L, 0L, 0L), (strict.Metrics.Refused, strict.Metrics.Sent, strict.Metrics.Retried));
    }

    [Fact]
    public async Task A_host_that_stops_sends_what_its_client_queued()
    {
        var useCase = await NewUseCaseAsync();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddAiRoi(options =>
        {
            options.IngestionEndpoint = stack.App.GetEndpoint("ingestion", "http");
            options.ApiKey = StackHttp.DevelopmentKey;
            options.FlushInterval = TimeSpan.FromMinutes(1);
        });
        using var host = builder.Build();
        await host.StartAsync();
        var client = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<AiRoiClient>(host.Services);
        for (var i = 0; i < 50; i++)
        {
            client.RecordOutcome(Outcome(useCase, $"h-{i}"));
        }

        await host.StopAsync();

        Assert.Equal(50L, client.Metrics.Sent);
        await Recomputation.AssertEachEventOnceAsync(stack, useCase, 50);
    }

    [Fact]
    public async Task The_queue_bound_holds_when_airoi_cannot_be_reached()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var deadPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var options = Options(new Uri($"http://127.0.0.1:{deadPort}"), batchSize: 50);
        options.QueueCapacity = 100;
        options.ShutdownTimeout = TimeSpan.FromSeconds(1);
        var client = new AiRoiClient(options);

        var accepted = Enumerable.Range(0, 5_000).Count(i => client.RecordOutcome(Outcome("unreachable", $"q-{i}")));
        await client.DisposeAsync();

        // At most the queue plus the batch being retried; every other event dropped and counted, none sent.
        Assert.InRange(accepted, 100, 150);
        Assert.Equal((5_000L - accepted, 0L), (client.Metrics.Dropped, client.Metrics.Sent));
        Assert.True(client.Metrics.Retried > 0);
    }

    [Fact]
    public async Task In_process_assignment_answers_as_the_assignment_api_does()
    {
        var useCase = await NewUseCaseAsync();
        var experiment = await StackExperiments.StartAsync(stack, new JsonObject
        {
            ["useCaseId"] = useCase,
            ["name"] = "Client parity",
            ["variants"] = new JsonArray(new JsonObject { ["name"] = "control", ["weight"] = 0.3 }, new JsonObject { ["name"] = "short", ["weight"] = 0.7 }),
            ["primaryMetric"] = "conversionRate",
            ["namespace"] = new JsonObject { ["id"] = "checkout", ["start"] = 0.2, ["end"] = 0.9 },
            ["method"] = "frequentist",
        });
        var options = Options(stack.App.GetEndpoint("ingestion", "http"), batchSize: 10);
        options.ExperimentsEndpoint = stack.App.GetEndpoint("experiments", "http");
        await using var client = new AiRoiClient(options);
        await client.RefreshExperimentsAsync();

        var assigned = 0;
        for (var i = 0; i < 300; i++)
        {
            var subject = $"customer-{i}";
            var answer = await StackHttp.SendAsync(stack, "experiments", HttpMethod.Get, $"/api/v1/experiments/{experiment}/assignment?subjectId={subject}");
            var expected = answer.Body["assigned"]!.GetValue<bool>() ? answer.Body["variant"]!.GetValue<string>() : null;
            Assert.Equal(expected, client.Assign(experiment, subject)?.Variant);
            assigned += expected is null ? 0 : 1;
        }
        Assert.InRange(assigned, 150, 270);

        // The definitions are read again only when they changed.
        using var http = new HttpClient { BaseAddress = stack.App.GetEndpoint("experiments", "http") };
        http.DefaultRequestHeaders.Add("X-Api-Key", StackHttp.DevelopmentKey);
        using var first = await http.GetAsync("/api/v1/experiments/running");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/experiments/running");
        again.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task An_outcome_recorded_inside_an_activity_ties_the_activity_to_the_event()
    {
        var useCase = await NewUseCaseAsync();
        using var source = new ActivitySource($"AiRoi.Tests.Client.{Guid.NewGuid():N}");
        using var listener = new ActivityListener
        {
            ShouldListenTo = candidate => candidate.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        await using var client = new AiRoiClient(Options(stack.App.GetEndpoint("ingestion", "http"), batchSize: 10));

        string traceId;
        using (var task = source.StartActivity("handle ticket")!)
        {
            traceId = task.TraceId.ToHexString();
            client.RecordOutcome(Outcome(useCase, "traced"));
            Assert.Equal(("traced", useCase), (task.GetTagItem(AiRoiClient.EventIdTag), task.GetTagItem(AiRoiClient.UseCaseIdTag)));
        }
        await client.FlushAsync();

        Assert.Equal(1, await StackDatabase.ScalarAsync(stack, "metricsdb",
            "select count(*) from metrics.outcome_events where use_case_id = $1 and event_id = 'traced' and event->>'traceId' = $2", useCase, traceId));
    }

    private static AiRoiOptions Options(Uri ingestion, int batchSize, TimeSpan? flushInterval = null) => new()
    {
        IngestionEndpoint = ingestion,
        ApiKey = StackHttp.DevelopmentKey,
        BatchSize = batchSize,
        FlushInterval = flushInterval ?? TimeSpan.FromMilliseconds(100),
        FirstRetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
    };

    private static Outcome Outcome(string useCase, string eventId)
    {
        var completed = DateTimeOffset.UtcNow.AddMinutes(-1);
        return new Outcome(eventId, useCase, completed.AddMinutes(-3), completed, OutcomeHandler.Ai) { Resolved = true, Csat = 4 };
    }

    private async Task<string> NewUseCaseAsync()
    {
        var id = $"client-{Guid.NewGuid():N}"[..24];
        await StackDatabase.RegisterUseCaseAsync(stack, id);
        return id;
    }
}
