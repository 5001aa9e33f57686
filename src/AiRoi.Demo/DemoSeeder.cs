using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AiRoi.Simulation;

namespace AiRoi.Demo;

/// <summary>
/// Registers the demo portfolio and fills it through the public APIs: use cases (metrics), events in batches
/// (ingestion), baselines, annotations, reviews (metrics), experiments and assignments (experiments). Runs once:
/// when the support chatbot is already registered the demo is there and nothing is sent again.
/// </summary>
public sealed partial class DemoSeeder(IHttpClientFactory clients, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    /// <summary>Events per ingestion call: the API takes up to 10,000; smaller batches stay well inside the client's 10 s attempt timeout.</summary>
    private const int BatchSize = 2000;

    /// <summary>How long to wait for the experiment service to count a concluded experiment's events.</summary>
    private static readonly TimeSpan CountedWithin = TimeSpan.FromSeconds(90);

    /// <summary>Seeds the portfolio unless it is there.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var metrics = clients.CreateClient("metrics");
        using (var existing = await metrics.GetAsync($"/api/v1/use-cases/{DemoPortfolio.SupportBot}", cancellationToken))
        {
            if (existing.IsSuccessStatusCode)
            {
                LogAlreadySeeded();
                return;
            }
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var useCases = DemoPortfolio.For(today);
        foreach (var useCase in useCases)
        {
            await SendAsync(metrics, HttpMethod.Post, "/api/v1/use-cases", useCase.Definition, cancellationToken);
        }
        var experiments = new Dictionary<DemoExperiment, string>();
        foreach (var experiment in DemoExperiment.All)
        {
            var created = await SendAsync(clients.CreateClient("experiments"), HttpMethod.Post, "/api/v1/experiments", experiment.Definition, cancellationToken);
            var id = created!["id"]!.GetValue<string>();
            await SendAsync(clients.CreateClient("experiments"), HttpMethod.Post, $"/api/v1/experiments/{id}/start", null, cancellationToken);
            experiments[experiment] = id;
        }

        var seed = 20_261_201;
        foreach (var useCase in useCases)
        {
            var goLive = today.AddDays(-DemoPortfolio.DaysEachSide);
            var events = new PortfolioSimulator(seed++).Events(useCase.Id, useCase.Converts, goLive, goLive.AddDays(-DemoPortfolio.DaysEachSide), today, useCase.PerDay).ToList();
            var random = new Random(seed);
            DemoEffects.Apply(events, useCase, goLive, random);
            foreach (var (experiment, id) in experiments.Where(pair => pair.Key.UseCaseId == useCase.Id))
            {
                await DemoEffects.AssignAsync(events, experiment, id, today, clients.CreateClient("experiments"), random, cancellationToken);
            }
            foreach (var batch in events.Chunk(BatchSize))
            {
                await SendAsync(clients.CreateClient("ingestion"), HttpMethod.Post, "/api/v1/events", new JsonObject { ["events"] = new JsonArray(batch) }, cancellationToken);
            }
            if (useCase.Change is { } change)
            {
                await SendAsync(metrics, HttpMethod.Post, $"/api/v1/use-cases/{useCase.Id}/annotations", new JsonObject
                {
                    ["date"] = DemoPortfolio.Day(goLive.AddDays(change.DaysAfterGoLive)), ["kind"] = change.Kind, ["title"] = change.Title,
                }, cancellationToken);
            }
            LogUseCaseSeeded(useCase.Id, events.Count);
            if (useCase.Id == DemoPortfolio.SupportBot)
            {
                await SendMisconfiguredBatchAsync(events, cancellationToken);
            }
        }

        foreach (var (useCaseId, metricKey) in DemoPortfolio.MeasuredBaselines)
        {
            await SendAsync(metrics, HttpMethod.Post, $"/api/v1/use-cases/{useCaseId}/baselines",
                new JsonObject { ["metricKey"] = metricKey, ["method"] = "before-go-live" }, cancellationToken);
        }
        await SendAsync(metrics, HttpMethod.Post, $"/api/v1/use-cases/{DemoPortfolio.SupportBot}/reviews", new JsonObject
        {
            ["reviewer"] = "Ana Ruiz", ["date"] = DemoPortfolio.Day(today.AddDays(-30)), ["decision"] = "keep",
            ["note"] = "FCR above target since prompt v4; watch CSAT on hard cases.",
        }, cancellationToken);
        await SendAsync(metrics, HttpMethod.Post, "/api/v1/use-cases/demo-invoice-extraction/reviews", new JsonObject
        {
            ["reviewer"] = "Tomás Silva", ["date"] = DemoPortfolio.Day(today.AddDays(-14)), ["decision"] = "adjust",
            ["note"] = "Record the pre-AI cost per invoice so savings can be shown.",
        }, cancellationToken);

        foreach (var (experiment, id) in experiments.Where(pair => pair.Key.Conclude))
        {
            await ConcludeAsync(id, cancellationToken);
        }
        LogSeeded(useCases.Count, experiments.Count);
    }

    /// <summary>
    /// What the data page shows as refused on a first run: a survey connector that reported CSAT on a 0–10 scale for
    /// a day. The ingestion service refuses the batch whole and counts its events under the use case.
    /// </summary>
    private async Task SendMisconfiguredBatchAsync(IReadOnlyList<JsonObject> events, CancellationToken cancellationToken)
    {
        var misreported = events.TakeLast(MisconfiguredEvents).Select((original, index) =>
        {
            var copy = original.DeepClone().AsObject();
            copy["eventId"] = $"{original["eventId"]!.GetValue<string>()}-survey-retry";
            copy["csat"] = 6 + index % 5;
            return (JsonNode)copy;
        }).ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
        {
            Content = new StringContent(new JsonObject { ["events"] = new JsonArray(misreported) }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await clients.CreateClient("ingestion").SendAsync(request, cancellationToken);
        if (response.StatusCode != System.Net.HttpStatusCode.BadRequest)
        {
            throw new InvalidOperationException($"The misconfigured demo batch was answered {(int)response.StatusCode}, not refused.");
        }
    }

    /// <summary>Events in the demo's refused batch.</summary>
    private const int MisconfiguredEvents = 40;

    // The experiment service counts events as they arrive over the broker; conclude once it has, so the
    // concluded experiment keeps a result.
    private async Task ConcludeAsync(string id, CancellationToken cancellationToken)
    {
        var experiments = clients.CreateClient("experiments");
        using var waited = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waited.CancelAfter(CountedWithin);
        try
        {
            while (true)
            {
                var results = await experiments.GetFromJsonAsync<JsonObject>($"/api/v1/experiments/{id}/results", waited.Token);
                if (results!["exposures"]!.AsArray().All(exposure => exposure!["subjects"]!.GetValue<long>() > 0))
                {
                    break;
                }
                await Task.Delay(TimeSpan.FromSeconds(2), waited.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotCountedYet(id, CountedWithin.TotalSeconds);
        }
        await SendAsync(experiments, HttpMethod.Post, $"/api/v1/experiments/{id}/stop", null, cancellationToken);
        await SendAsync(experiments, HttpMethod.Post, $"/api/v1/experiments/{id}/conclude",
            new JsonObject { ["decision"] = "ship", ["note"] = "Conversion up; rolled out to every SDR." }, cancellationToken);
    }

    private static async Task<JsonNode?> SendAsync(HttpClient client, HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{method} {client.BaseAddress}{path.TrimStart('/')} answered {(int)response.StatusCode}: {text}"));
        }
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The demo portfolio is already there; nothing sent")]
    private partial void LogAlreadySeeded();

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {UseCaseId} with {Events} events")]
    private partial void LogUseCaseSeeded(string useCaseId, int events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {Id}'s events were not all counted within {Seconds} s; concluding anyway")]
    private partial void LogNotCountedYet(string id, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo portfolio ready: {UseCases} use cases, {Experiments} experiments")]
    private partial void LogSeeded(int useCases, int experiments);
}
