namespace SupportBot;

/// <summary>Where AiRoi is and what the bot reports as: from the app host's references, or set by hand.</summary>
public sealed class SupportBotSettings
{
    /// <summary>The use case the bot's tickets are outcomes of.</summary>
    public string UseCaseId { get; set; } = "support-bot-sample";

    /// <summary>An AiRoi API key that writes events and manages the use case (the development key by default).</summary>
    public string ApiKey { get; set; } = "airoi-dev-key";

    /// <summary>How often a simulated ticket arrives; zero turns the simulation off (tickets then come by <c>POST /tickets</c>).</summary>
    public TimeSpan TicketEvery { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The ingestion service (events and traces).</summary>
    public Uri? Ingestion { get; set; }

    /// <summary>The metrics service (the use case).</summary>
    public Uri? Metrics { get; set; }

    /// <summary>The experiment service (the prompt experiment).</summary>
    public Uri? Experiments { get; set; }
}
