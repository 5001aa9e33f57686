using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SupportBot;

/// <summary>
/// Sets the sample up in AiRoi once: its use case, and an experiment on the prompt (the current one against a shorter
/// one) that is running; answers the experiment's id.
/// </summary>
public sealed class PromptExperiment(IHttpClientFactory clients, SupportBotSettings settings, ILogger<PromptExperiment> logger)
{
    /// <summary>The control variant.</summary>
    public const string CurrentPrompt = "current-prompt";

    /// <summary>The treatment variant.</summary>
    public const string ShortPrompt = "short-prompt";

    /// <summary>The running experiment, once set up.</summary>
    public string? Id { get; private set; }

    /// <summary>Registers the use case if it is not, and starts the prompt experiment if none runs.</summary>
    public async Task SetUpAsync(CancellationToken cancellationToken)
    {
        using var metrics = Client(settings.Metrics!);
        var registered = await metrics.PostAsJsonAsync("/api/v1/use-cases", new JsonObject
        {
            ["id"] = settings.UseCaseId,
            ["name"] = "Support bot (sample)",
            ["category"] = "customer-service",
            ["businessOwner"] = new JsonObject { ["name"] = "Sam Ple", ["email"] = "sam.ple@example.com" },
            ["aiGoLiveDate"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30).ToString("yyyy-MM-dd"),
            ["unitEconomics"] = new JsonObject { ["loadedHumanCostPerHour"] = 42.5, ["valuePerConversion"] = 0, ["fixedMonthlyCosts"] = new JsonArray() },
            ["primaryMetric"] = "fcrRate",
            ["guardrailMetrics"] = new JsonArray("csatMean"),
        }, cancellationToken);
        logger.LogInformation("Use case {UseCaseId}: {Status}", settings.UseCaseId, (int)registered.StatusCode);

        using var experiments = Client(settings.Experiments!);
        var running = await experiments.GetFromJsonAsync<JsonArray>($"/api/v1/experiments?useCaseId={settings.UseCaseId}&status=running", cancellationToken) ?? [];
        if (running.FirstOrDefault() is { } existing)
        {
            Id = existing["id"]!.GetValue<string>();
            return;
        }
        var created = await experiments.PostAsJsonAsync("/api/v1/experiments", new JsonObject
        {
            ["useCaseId"] = settings.UseCaseId,
            ["name"] = "Shorter prompt",
            ["hypothesis"] = "A shorter prompt resolves more tickets at first contact, for fewer tokens.",
            ["variants"] = new JsonArray(new JsonObject { ["name"] = CurrentPrompt, ["weight"] = 0.5 }, new JsonObject { ["name"] = ShortPrompt, ["weight"] = 0.5 }),
            ["primaryMetric"] = "fcrRate",
            ["guardrailMetrics"] = new JsonArray("csatMean"),
        }, cancellationToken);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["id"]!.GetValue<string>();
        (await experiments.PostAsync($"/api/v1/experiments/{id}/start", null, cancellationToken)).EnsureSuccessStatusCode();
        Id = id;
        logger.LogInformation("Experiment {ExperimentId} started on the prompt", id);
    }

    private HttpClient Client(Uri address)
    {
        var client = clients.CreateClient();
        client.BaseAddress = address;
        client.DefaultRequestHeaders.Add("X-Api-Key", settings.ApiKey);
        return client;
    }
}
