using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AiRoi.Demo;

/// <summary>What the demo changes in the simulator's events: the annotated change, the vanity measure, the experiments.</summary>
public static class DemoEffects
{
    /// <summary>Subjects asked for at once: enough to finish in seconds, few enough not to crowd a shared machine.</summary>
    private const int ParallelAssignments = 8;

    /// <summary>
    /// The use case's change (from its day a share of the AI's failures are resolved) and, for the support chatbot,
    /// the model's confidence on AI tasks, uniform in [0.6, 0.99): a vanity metric, high whatever the outcome.
    /// </summary>
    public static void Apply(List<JsonObject> events, DemoUseCase useCase, DateOnly goLive, Random random)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(useCase);
        ArgumentNullException.ThrowIfNull(random);
        var changedFrom = useCase.Change is { } change ? goLive.AddDays(change.DaysAfterGoLive) : (DateOnly?)null;
        foreach (var e in events.Where(IsAi))
        {
            if (changedFrom is { } from && Day(e) >= from && random.NextDouble() < useCase.Change!.ResolvedShare)
            {
                Resolve(e, random);
            }
            if (useCase.Id == DemoPortfolio.SupportBot)
            {
                e["measures"] = new JsonObject { ["modelConfidence"] = Math.Round(0.6 + 0.39 * random.NextDouble(), 3) };
            }
        }
    }

    /// <summary>
    /// Tags the AI's events in the experiment's window with the variant the assignment API gives their subject, and
    /// gives the treatment its true effect on the primary metric.
    /// </summary>
    public static async Task AssignAsync(
        List<JsonObject> events, DemoExperiment experiment, string experimentId, DateOnly today, HttpClient experiments, Random random, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(experiments);
        ArgumentNullException.ThrowIfNull(random);
        var (from, until) = (today.AddDays(-experiment.FromDaysAgo), today.AddDays(-experiment.UntilDaysAgo));
        var inWindow = events.Where(e => IsAi(e) && Day(e) >= from && Day(e) < until).ToList();
        var variants = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(inWindow.Select(e => e["subjectId"]!.GetValue<string>()).Distinct(),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelAssignments, CancellationToken = cancellationToken },
            async (subject, token) =>
            {
                var answer = await experiments.GetFromJsonAsync<JsonObject>(
                    $"/api/v1/experiments/{experimentId}/assignment?subjectId={Uri.EscapeDataString(subject)}", token);
                variants[subject] = answer!["assigned"]!.GetValue<bool>() ? answer["variant"]!.GetValue<string>() : null;
            });

        var primary = experiment.Definition["primaryMetric"]!.GetValue<string>();
        foreach (var e in inWindow)
        {
            if (variants[e["subjectId"]!.GetValue<string>()] is not { } variant)
            {
                continue;
            }
            e["experimentId"] = experimentId;
            e["variant"] = variant;
            if (variant == DemoExperiment.Control || random.NextDouble() >= experiment.TreatmentEffect)
            {
                continue;
            }
            if (primary == "conversionRate" && e["converted"]?.GetValue<bool>() == false)
            {
                e["converted"] = true;
            }
            else if (primary != "conversionRate")
            {
                Resolve(e, random);
            }
        }
    }

    private static bool IsAi(JsonObject e) => e["handler"]!.GetValue<string>() != "human";

    private static DateOnly Day(JsonObject e) =>
        DateOnly.FromDateTime(DateTimeOffset.Parse(e["completedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture).UtcDateTime);

    // A failure turned into a success: resolved without escalation, and a satisfied customer if one answered.
    private static void Resolve(JsonObject e, Random random)
    {
        if (e["resolved"]!.GetValue<bool>())
        {
            return;
        }
        e["resolved"] = true;
        e.Remove("escalated");
        e.Remove("escalationReason");
        if (e["csat"] is not null)
        {
            e["csat"] = 4 + random.Next(2);
        }
    }
}
