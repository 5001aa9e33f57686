using AiRoi.Client;

namespace SupportBot;

/// <summary>Sets the sample up in AiRoi, then handles a simulated ticket every <see cref="SupportBotSettings.TicketEvery"/>.</summary>
public sealed class TicketSimulator(PromptExperiment experiment, AiRoiClient airoi, SupportDesk desk, SupportBotSettings settings, ILogger<TicketSimulator> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await experiment.SetUpAsync(stoppingToken);
                await airoi.RefreshExperimentsAsync(stoppingToken);
                break;
            }
            catch (HttpRequestException exception)
            {
                logger.LogWarning(exception, "AiRoi is not reachable yet; trying again");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
        if (settings.TicketEvery <= TimeSpan.Zero)
        {
            return;
        }
        var random = new Random();
        using var timer = new PeriodicTimer(settings.TicketEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            desk.Handle($"customer-{random.Next(1, 5_000)}", random);
        }
    }
}
