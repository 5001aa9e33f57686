using System.Globalization;
using System.Text.Json.Nodes;

namespace AiRoi.Demo;

/// <summary>
/// The demo portfolio: seven use cases across the five categories (and one "other"), each with six months handled
/// by people before its AI went live and six months after.
/// </summary>
/// <remarks>
/// Events come from <c>PortfolioSimulator</c> (src/AiRoi.Simulation), whose distributions are documented there:
/// log-normal resolution times (people 40 min median, the AI 4, hybrid 15; hard cases twice as long), people's cost at
/// the loaded hourly rate, the AI at 2–10 cents a task, resolution 85 % for people and 78 % for the AI (60 % on hard
/// cases), CSAT on a third of tasks, exceptions on 12 % of AI tasks halving over a year, conversions 8 % before and
/// 10 % after the AI. The demo adds, per use case, realistic names, owners and economics; for the support chatbot a
/// prompt change three months after go-live that resolves 40 % of the AI's former failures, and a vanity metric
/// (model confidence, 0.6–0.99) that it records and never counts; and two experiments (see <see cref="DemoExperiment"/>).
/// The invoice pipeline has no baseline on purpose, so the portfolio shows the "no baseline" flag.
/// </remarks>
public static class DemoPortfolio
{
    /// <summary>Days of human-only work before go-live, and of AI work after it.</summary>
    public const int DaysEachSide = 182;

    /// <summary>The support chatbot: the use case with the prompt change, the vanity metric and the running experiment.</summary>
    public const string SupportBot = "demo-support-bot";

    /// <summary>The SDR e-mail writer: the use case with the concluded experiment.</summary>
    public const string SdrWriter = "demo-sdr-writer";

    /// <summary>The use cases, go-live <see cref="DaysEachSide"/> days before <paramref name="today"/>.</summary>
    public static IReadOnlyList<DemoUseCase> For(DateOnly today)
    {
        var goLive = today.AddDays(-DaysEachSide);
        var due = today.AddMonths(6);
        return
        [
            new(SupportBot, Definition(SupportBot, "EMEA support chatbot", "customer-service", ("Ana Ruiz", "ana.ruiz@example.com"), goLive,
                    hourly: 42.5m, conversion: 0, [("LLM platform licence", 1200), ("Bot team (0.5 FTE)", 4200)],
                    primary: "fcrRate", guardrails: ["csatMean"], [("fcrRate", "at-least", 0.75, due), ("costPerTask", "at-most", 8, due)],
                    custom: new JsonArray(new JsonObject
                    {
                        ["name"] = "modelConfidence", ["displayName"] = "Model confidence", ["unit"] = "score", ["aggregation"] = "mean",
                        ["goodDirection"] = "higher", ["kind"] = "vanity", ["role"] = "process",
                        ["description"] = "The model's own confidence score: recorded, not a business outcome.",
                    })),
                PerDay: 24, Converts: false, new DemoChange(91, "prompt-change", "Prompt v4: retrieval of the billing FAQ", 0.4)),
            new("demo-it-helpdesk", Definition("demo-it-helpdesk", "IT helpdesk triage", "customer-service", ("Jonas Weber", "jonas.weber@example.com"), goLive,
                    hourly: 55m, conversion: 0, [("Helpdesk AI add-on", 900)],
                    primary: "resolutionTimeMean", guardrails: ["csatMean"], [("resolutionTimeMean", "at-most", 1200, due)]),
                PerDay: 14, Converts: false),
            new(SdrWriter, Definition(SdrWriter, "SDR e-mail writer", "sales", ("Priya Nair", "priya.nair@example.com"), goLive,
                    hourly: 48m, conversion: 350, [("Writing assistant seats", 1500)],
                    primary: "conversionRate", guardrails: [], [("conversionRate", "at-least", 0.1, due)]),
                PerDay: 80, Converts: true),
            new("demo-campaign-copy", Definition("demo-campaign-copy", "Campaign copy generator", "marketing", ("Lea Martin", "lea.martin@example.com"), goLive,
                    hourly: 60m, conversion: 120, [("Content AI licence", 800), ("Review time", 600)],
                    primary: "conversionRate", guardrails: ["costPerTask"], [("conversionRate", "at-least", 0.095, due)]),
                PerDay: 10, Converts: true),
            new("demo-invoice-extraction", Definition("demo-invoice-extraction", "Invoice extraction pipeline", "operations", ("Tomás Silva", "tomas.silva@example.com"), goLive,
                    hourly: 38m, conversion: 0, [("Document AI", 2000)],
                    primary: "costPerTask", guardrails: ["exceptionRate"], [("costPerTask", "at-most", 6, due)]),
                PerDay: 30, Converts: false),
            new("demo-product-descriptions", Definition("demo-product-descriptions", "Product description writer", "content", ("Mei Chen", "mei.chen@example.com"), goLive,
                    hourly: 45m, conversion: 0, [("Generation credits", 700)],
                    primary: "resolutionTimeMean", guardrails: ["csatMean"], [("resolutionTimeMean", "at-most", 900, due)]),
                PerDay: 12, Converts: false),
            new("demo-contract-review", Definition("demo-contract-review", "Contract clause review", "other", ("Sofia Rossi", "sofia.rossi@example.com"), goLive,
                    hourly: 95m, conversion: 0, [("Legal AI licence", 2500)],
                    primary: "costPerTask", guardrails: ["resolutionRate"], []),
                PerDay: 6, Converts: false),
        ];
    }

    /// <summary>
    /// The baselines the demo measures before go-live. Savings need the cost per task's; the invoice pipeline is left
    /// without any, on purpose, so the portfolio shows a use case whose improvement cannot be shown.
    /// </summary>
    public static IReadOnlyList<(string UseCaseId, string MetricKey)> MeasuredBaselines { get; } =
    [
        (SupportBot, "fcrRate"), (SupportBot, "costPerTask"), (SupportBot, "csatMean"),
        ("demo-it-helpdesk", "resolutionTimeMean"), ("demo-it-helpdesk", "csatMean"), ("demo-it-helpdesk", "costPerTask"),
        (SdrWriter, "conversionRate"), ("demo-campaign-copy", "conversionRate"), ("demo-campaign-copy", "costPerTask"),
        ("demo-product-descriptions", "resolutionTimeMean"), ("demo-product-descriptions", "costPerTask"), ("demo-contract-review", "costPerTask"),
    ];

    private static JsonObject Definition(
        string id, string name, string category, (string Name, string Email) owner, DateOnly goLive, decimal hourly, decimal conversion,
        (string Name, decimal Amount)[] fixedCosts, string primary, string[] guardrails, (string Metric, string Direction, double Value, DateOnly Due)[] targets,
        JsonArray? custom = null) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["category"] = category,
        ["businessOwner"] = new JsonObject { ["name"] = owner.Name, ["email"] = owner.Email },
        ["aiGoLiveDate"] = Day(goLive),
        ["unitEconomics"] = new JsonObject
        {
            ["loadedHumanCostPerHour"] = hourly,
            ["valuePerConversion"] = conversion,
            ["implementationCost"] = 25000,
            ["fixedMonthlyCosts"] = new JsonArray([.. fixedCosts.Select(cost => (JsonNode)new JsonObject { ["name"] = cost.Name, ["amount"] = cost.Amount })]),
        },
        ["primaryMetric"] = primary,
        ["guardrailMetrics"] = new JsonArray([.. guardrails.Select(key => (JsonNode)JsonValue.Create(key)!)]),
        ["targets"] = new JsonArray([.. targets.Select(target => (JsonNode)new JsonObject
        {
            ["metricKey"] = target.Metric, ["direction"] = target.Direction, ["value"] = target.Value, ["dueDate"] = Day(target.Due),
        })]),
        ["customMetrics"] = custom ?? [],
    };

    /// <summary>A day as the APIs write it.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
