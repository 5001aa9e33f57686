using System.Globalization;
using System.Text.Json.Nodes;

namespace AiRoi.Simulation;

/// <summary>
/// Generates a plausible portfolio: use cases across the categories, each with a pre-AI period handled by people
/// and a period after go-live handled mostly by the AI, as outcome events in the public API's JSON.
/// </summary>
/// <remarks>
/// The distributions, chosen to look like a support or back-office operation:
/// - resolution time is log-normal: people take a median of 40 minutes (σ = 0.8 on the log scale), the AI 4
///   minutes, hybrid tasks 15; hard cases take twice as long;
/// - people's cost is their minutes at the use case's loaded hourly cost; the AI costs 2–10 cents a task, and a
///   hybrid task adds 5 minutes of a person's review;
/// - resolution: 85 % for people, 78 % for the AI (falling to 60 % on hard cases); escalations are the unresolved
///   AI tasks, with one of five reasons;
/// - CSAT is answered on a third of tasks: mostly 4–5 when resolved, 1–3 when not;
/// - exceptions happen on 12 % of AI tasks, falling by half over the year as the AI improves;
/// - sales and marketing tasks convert: 8 % before the AI, 10 % after.
/// </remarks>
public sealed class PortfolioSimulator(int seed)
{
    private static readonly string[] Categories = ["customer-service", "sales", "marketing", "operations", "content"];
    private static readonly string[] Reasons = ["billing-dispute", "low-confidence", "policy", "angry-customer", "technical"];
    private static readonly string[] Exceptions = ["timeout", "hallucination", "tool-error"];
    private static readonly string[] Complexities = ["low", "medium", "high"];
    private static readonly string[] Segments = ["smb", "mid-market", "enterprise"];

    private readonly Random random = new(seed);

    /// <summary>The registry body of use case number <paramref name="index"/>, live from <paramref name="goLive"/>.</summary>
    public static JsonObject UseCase(string id, int index, DateOnly goLive) => new()
    {
        ["id"] = id,
        ["name"] = $"Use case {index}",
        ["category"] = Categories[index % Categories.Length],
        ["businessOwner"] = new JsonObject { ["name"] = $"Owner {index % 37}", ["email"] = $"owner{index % 37}@example.com" },
        ["aiGoLiveDate"] = goLive.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["unitEconomics"] = new JsonObject
        {
            ["loadedHumanCostPerHour"] = 45 + index % 30,
            ["valuePerConversion"] = 250,
            ["implementationCost"] = 20000,
            ["fixedMonthlyCosts"] = new JsonArray(new JsonObject { ["name"] = "Platform", ["amount"] = 1500 + 100 * (index % 10) }),
        },
        ["primaryMetric"] = "costPerTask",
        ["guardrailMetrics"] = new JsonArray("csatMean"),
        ["targets"] = new JsonArray(new JsonObject { ["metricKey"] = "costPerTask", ["direction"] = "at-most", ["value"] = 10, ["dueDate"] = "2026-12-31" }),
    };

    /// <summary>About <paramref name="perDay"/> events a day for each day of <c>[from, until)</c>.</summary>
    public IEnumerable<JsonObject> Events(string useCaseId, bool converts, DateOnly goLive, DateOnly from, DateOnly until, double perDay)
    {
        var sequence = 0;
        for (var day = from; day < until; day = day.AddDays(1))
        {
            var count = (int)Math.Round(perDay * (0.5 + random.NextDouble()));
            var progress = (day.DayNumber - goLive.DayNumber) / 365.0;
            for (var i = 0; i < count; i++)
            {
                yield return Event(useCaseId, $"e{sequence++}", day, day >= goLive, progress, converts);
            }
        }
    }

    private JsonObject Event(string useCaseId, string eventId, DateOnly day, bool live, double progress, bool converts)
    {
        var handler = !live ? "human" : random.NextDouble() switch { < 0.7 => "ai", < 0.9 => "hybrid", _ => "human" };
        var complexity = Complexities[random.Next(3)];
        var hard = complexity == "high";
        var median = handler switch { "ai" => 4.0, "hybrid" => 15.0, _ => 40.0 } * (hard ? 2 : 1);
        var minutes = median * Math.Exp(0.8 * Normal());
        var completed = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero).AddMinutes(random.Next(600));
        var resolvedChance = handler == "human" ? 0.85 : hard ? 0.6 : 0.78;
        var resolved = random.NextDouble() < resolvedChance;
        var e = new JsonObject
        {
            ["eventId"] = eventId,
            ["useCaseId"] = useCaseId,
            ["startedAt"] = completed.AddMinutes(-minutes).ToString("O", CultureInfo.InvariantCulture),
            ["completedAt"] = completed.ToString("O", CultureInfo.InvariantCulture),
            ["handler"] = handler,
            ["subjectId"] = $"c{random.Next(100_000)}",
            ["resolved"] = resolved,
            ["attributes"] = new JsonObject { ["complexity"] = complexity, ["segment"] = Segments[random.Next(3)] },
        };
        if (handler == "human")
        {
            e["humanMinutes"] = Math.Round(minutes * 0.8, 1);
        }
        else
        {
            e["aiCost"] = Math.Round(0.02 + random.NextDouble() * 0.08, 4);
            if (handler == "hybrid")
            {
                e["humanMinutes"] = 5;
            }
            if (!resolved)
            {
                e["escalated"] = true;
                e["escalationReason"] = Reasons[random.Next(Reasons.Length)];
            }
            if (random.NextDouble() < 0.12 * (1 - 0.5 * Math.Clamp(progress, 0, 1)))
            {
                e["exceptionType"] = Exceptions[random.Next(Exceptions.Length)];
            }
        }
        if (random.NextDouble() < 1 / 3.0)
        {
            e["csat"] = resolved ? 4 + (random.NextDouble() < 0.6 ? 1 : 0) : 1 + random.Next(3);
        }
        if (converts)
        {
            e["converted"] = random.NextDouble() < (live ? 0.10 : 0.08);
        }
        return e;
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
