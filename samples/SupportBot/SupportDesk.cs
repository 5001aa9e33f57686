using System.Diagnostics;
using AiRoi.Client;

namespace SupportBot;

/// <summary>What handling one ticket ended with.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Prompt">The prompt variant the customer got (null outside the experiment).</param>
/// <param name="Handler">Who handled it in the end.</param>
/// <param name="Resolved">Whether it was resolved.</param>
public sealed record TicketResult(string TicketId, string CustomerId, string? Prompt, OutcomeHandler Handler, bool Resolved);

/// <summary>
/// Handles a ticket the way a support bot with a human fallback does, simulated: the model answers (a GenAI span with
/// its tokens: the shorter prompt of the experiment reads fewer), and resolves it or hands it to a person; the outcome
/// goes to AiRoi through the client, inside the ticket's activity, so AiRoi prices the model call onto it.
/// </summary>
public sealed class SupportDesk(AiRoiClient airoi, PromptExperiment experiment, SupportBotSettings settings)
{
    /// <summary>The activity source of the bot's spans (exported to AiRoi's trace receiver).</summary>
    public static readonly ActivitySource Source = new("SupportBot");

    private const string Model = "gpt-4o-mini";

    /// <summary>Handles one ticket from <paramref name="customerId"/>.</summary>
    public TicketResult Handle(string customerId, Random random)
    {
        var ticketId = $"ticket-{Guid.NewGuid():N}"[..20];
        var started = DateTimeOffset.UtcNow.AddMinutes(-random.Next(2, 30));
        using var ticket = Source.StartActivity("handle ticket");
        var assignment = experiment.Id is { } id ? airoi.Assign(id, customerId) : null;
        var shortPrompt = assignment?.Variant == PromptExperiment.ShortPrompt;

        // The model call, traced with the GenAI conventions: AiRoi prices these tokens.
        var input = (shortPrompt ? 900 : 2_400) + random.Next(0, 600);
        var output = 150 + random.Next(0, 250);
        using (var call = Source.StartActivity($"chat {Model}", ActivityKind.Client))
        {
            call?.SetTag("gen_ai.operation.name", "chat").SetTag("gen_ai.provider.name", "openai").SetTag("gen_ai.request.model", Model)
                .SetTag("gen_ai.usage.input_tokens", input).SetTag("gen_ai.usage.output_tokens", output)
                .SetTag("gen_ai.usage.cache_read.input_tokens", input / 2);
        }

        // The short prompt resolves a little more often; what the AI does not resolve goes to a person.
        var aiResolves = random.NextDouble() < (shortPrompt ? 0.74 : 0.68);
        var handler = aiResolves ? OutcomeHandler.Ai : OutcomeHandler.Hybrid;
        var outcome = new Outcome(ticketId, settings.UseCaseId, started, DateTimeOffset.UtcNow, handler)
        {
            SubjectId = customerId,
            Resolved = aiResolves || random.NextDouble() < 0.95,
            Escalated = !aiResolves,
            EscalationReason = aiResolves ? null : random.NextDouble() < 0.5 ? "billing-dispute" : "low-confidence",
            HumanMinutes = aiResolves ? null : 6 + random.Next(0, 12),
            Csat = aiResolves ? 4 + random.Next(0, 2) : 3 + random.Next(0, 3),
            Attributes = new Dictionary<string, string> { ["channel"] = random.NextDouble() < 0.7 ? "chat" : "email" },
        };
        airoi.RecordOutcome(assignment is null ? outcome : outcome.InVariant(assignment));
        return new TicketResult(ticketId, customerId, assignment?.Variant, handler, outcome.Resolved == true);
    }
}
