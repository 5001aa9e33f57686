using System.Net.Http.Json;
using AiRoi.Domain.Digests;
using AiRoi.ServiceDefaults.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Npgsql;

namespace AiRoi.Metrics.Digests;

/// <summary>
/// Sends each business owner the digest of the last complete week, once, by e-mail when <c>Digest:Smtp:Host</c> is set
/// and to <c>Digest:WebhookUrl</c> when that is set; nothing when neither is. A row in <c>metrics.digests_sent</c> per
/// owner, week and channel is taken before sending, so one instance sends; a send that fails gives its row back and
/// the next check tries again. With several silos, one of them builds the digests per check (<see cref="PeriodicRounds"/>).
/// </summary>
public sealed partial class DigestSender(
    DigestBuilder builder, NpgsqlDataSource dataSource, TimeProvider time, IConfiguration configuration, ILogger<DigestSender> logger) : BackgroundService
{
    /// <summary>The configuration key of how often to check for a week to send (a TimeSpan).</summary>
    public const string CheckKey = "Digest:CheckEvery";

    private readonly HttpClient webhooks = new() { Timeout = TimeSpan.FromSeconds(10) };

    private string? SmtpHost => configuration["Digest:Smtp:Host"];

    private string? WebhookUrl => configuration["Digest:WebhookUrl"];

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = configuration.GetValue(CheckKey, TimeSpan.FromHours(1));
        using var timer = new PeriodicTimer(period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (string.IsNullOrEmpty(SmtpHost) && string.IsNullOrEmpty(WebhookUrl))
            {
                continue;
            }
            try
            {
                if (await dataSource.TryClaimAsync("metrics.periodic_rounds", "digests", period, stoppingToken))
                {
                    await SendDueAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(exception.Message);
            }
        }
    }

    /// <summary>Sends the last complete week's digests not sent yet; answers how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var week = WeeklyDigest.LastCompleteWeek(today);
        var sent = 0;
        foreach (var digest in await builder.BuildAsync(week, today, _ => true, cancellationToken))
        {
            if (!string.IsNullOrEmpty(SmtpHost) && await TakeAsync(digest, "email", cancellationToken))
            {
                sent += await TryAsync(digest, "email", () => MailAsync(digest, cancellationToken), cancellationToken);
            }
            if (!string.IsNullOrEmpty(WebhookUrl) && await TakeAsync(digest, "webhook", cancellationToken))
            {
                sent += await TryAsync(digest, "webhook", () => PostAsync(digest, cancellationToken), cancellationToken);
            }
        }
        return sent;
    }

    private async Task<int> TryAsync(WeeklyDigest digest, string channel, Func<Task> send, CancellationToken cancellationToken)
    {
        try
        {
            await send();
            return 1;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotSent(digest.OwnerEmail, channel, exception.Message);
            await using var giveBack = dataSource.CreateCommand("delete from metrics.digests_sent where owner_email = $1 and week_start = $2 and channel = $3")
                .WithValues(digest.OwnerEmail, digest.WeekStart, channel);
            await giveBack.ExecuteNonQueryAsync(cancellationToken);
            return 0;
        }
    }

    private async Task<bool> TakeAsync(WeeklyDigest digest, string channel, CancellationToken cancellationToken)
    {
        await using var take = dataSource.CreateCommand(
            "insert into metrics.digests_sent (owner_email, week_start, channel) values ($1, $2, $3) on conflict do nothing")
            .WithValues(digest.OwnerEmail, digest.WeekStart, channel);
        return await take.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task MailAsync(WeeklyDigest digest, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(configuration["Digest:Smtp:From"] ?? "airoi@localhost"));
        message.To.Add(new MailboxAddress(digest.OwnerName, digest.OwnerEmail));
        message.Subject = digest.Subject;
        message.Body = new BodyBuilder { HtmlBody = digest.ToHtml(configuration["Digest:WebUrl"]), TextBody = digest.Subject }.ToMessageBody();
        using var smtp = new SmtpClient { Timeout = 10_000 };
        await smtp.ConnectAsync(SmtpHost!, configuration.GetValue("Digest:Smtp:Port", 25),
            configuration.GetValue("Digest:Smtp:StartTls", false) ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (configuration["Digest:Smtp:User"] is { Length: > 0 } user)
        {
            await smtp.AuthenticateAsync(user, configuration["Digest:Smtp:Password"] ?? "", cancellationToken);
        }
        await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }

    private async Task PostAsync(WeeklyDigest digest, CancellationToken cancellationToken)
    {
        using var response = await webhooks.PostAsJsonAsync(WebhookUrl, new
        {
            text = $"{digest.Subject} ({digest.OwnerName})",
            airoi = new { owner = digest.OwnerEmail, weekStart = digest.WeekStart, html = digest.ToHtml(configuration["Digest:WebUrl"]) },
        }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        webhooks.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The weekly digest for {Owner} was not sent by {Channel}: {Reason}; the next check tries again")]
    private partial void LogNotSent(string owner, string channel, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending weekly digests did not finish: {Reason}")]
    private partial void LogFailed(string reason);
}
