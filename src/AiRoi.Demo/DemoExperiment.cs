using System.Text.Json.Nodes;

namespace AiRoi.Demo;

/// <summary>
/// The demo's two experiments. Each tags the AI's events in its window with the variant the experiment service
/// assigns to the event's subject (through the public assignment API) and gives the treatment a modest true effect,
/// so the results page has a lift to show.
/// </summary>
/// <param name="UseCaseId">The use case.</param>
/// <param name="Definition">The experiment body (<c>POST /api/v1/experiments</c>).</param>
/// <param name="FromDaysAgo">The window's first day, in days before today.</param>
/// <param name="UntilDaysAgo">The day after its last, in days before today.</param>
/// <param name="TreatmentEffect">
/// The share of the treatment's failures turned into successes, its true lift: for the SDR writer 2.5 % of
/// non-converting e-mails convert (about +2.3 points on 10 %, +23 % relative), over 75 days of about 56 AI-written
/// e-mails a day, which a fixed-horizon test detects (p ≈ 0.01); for the chatbot 15 % of failures resolve, watched
/// sequentially over the last three weeks.
/// </param>
/// <param name="Conclude">Whether it is stopped and concluded (ship) once its events are counted.</param>
public sealed record DemoExperiment(string UseCaseId, JsonObject Definition, int FromDaysAgo, int UntilDaysAgo, double TreatmentEffect, bool Conclude)
{
    /// <summary>The treatment's name in both experiments' second variant.</summary>
    public const string Control = "control";

    /// <summary>The running one on the support chatbot and the concluded one on the SDR writer.</summary>
    public static IReadOnlyList<DemoExperiment> All { get; } =
    [
        new(DemoPortfolio.SupportBot, Draft(DemoPortfolio.SupportBot, "Prompt v5 against v4", "Prompt v5 resolves more tickets at first contact without hurting CSAT",
                "prompt-v5", "fcrRate", ["csatMean"], "sequential"),
            FromDaysAgo: 21, UntilDaysAgo: 0, TreatmentEffect: 0.15, Conclude: false),
        new(DemoPortfolio.SdrWriter, Draft(DemoPortfolio.SdrWriter, "Personalised opener", "A first line about the prospect's company lifts replies that convert",
                "personalised-opener", "conversionRate", [], "frequentist"),
            FromDaysAgo: 165, UntilDaysAgo: 90, TreatmentEffect: 0.025, Conclude: true),
    ];

    private static JsonObject Draft(string useCaseId, string name, string hypothesis, string treatment, string primary, string[] guardrails, string method) => new()
    {
        ["useCaseId"] = useCaseId,
        ["name"] = name,
        ["hypothesis"] = hypothesis,
        ["variants"] = new JsonArray(new JsonObject { ["name"] = Control, ["weight"] = 0.5 }, new JsonObject { ["name"] = treatment, ["weight"] = 0.5 }),
        ["primaryMetric"] = primary,
        ["guardrailMetrics"] = new JsonArray([.. guardrails.Select(key => (JsonNode)JsonValue.Create(key)!)]),
        ["method"] = method,
        ["minimumDetectableEffect"] = 0.05,
    };
}
