using System.Globalization;
using System.Text.Json.Nodes;
using AiRoi.Simulation;

namespace AiRoi.Web.BrowserTests;

/// <summary>
/// A use case a test owns: a fresh id, registered and filled through the public APIs by the portfolio simulator
/// (eight months of events, go-live four months ago), with a before-go-live baseline and one annotation.
/// </summary>
public sealed record TestUseCase(string Id, string Name, string Owner, DateOnly GoLive, string AnnotationTitle)
{
    /// <summary>Registers and fills a use case with a fresh id.</summary>
    public static async Task<TestUseCase> CreateAsync(WebStack stack, int seed = 7)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var id = $"web-{suffix}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var goLive = today.AddDays(-120);
        var useCase = PortfolioSimulator.UseCase(id, 0, goLive);
        var created = new TestUseCase(id, $"Support bot {suffix}", $"Owner {suffix}", goLive, $"Prompt v4 {suffix}");
        useCase["name"] = created.Name;
        useCase["businessOwner"] = new JsonObject { ["name"] = created.Owner, ["email"] = $"owner-{suffix}@example.com" };
        await stack.CallAsync("metrics", HttpMethod.Post, "/api/v1/use-cases", useCase);

        var events = new PortfolioSimulator(seed).Events(id, converts: false, goLive, today.AddDays(-240), today, perDay: 6).ToList();
        await stack.CallAsync("ingestion", HttpMethod.Post, "/api/v1/events", new JsonObject { ["events"] = new JsonArray([.. events]) });
        await stack.CallAsync("metrics", HttpMethod.Post, $"/api/v1/use-cases/{id}/baselines",
            new JsonObject { ["metricKey"] = "costPerTask", ["method"] = "before-go-live" });
        await stack.CallAsync("metrics", HttpMethod.Post, $"/api/v1/use-cases/{id}/annotations", new JsonObject
        {
            ["date"] = goLive.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["kind"] = "prompt-change",
            ["title"] = created.AnnotationTitle,
        });
        return created;
    }
}
