using System.Text;
using AiRoi.Domain.Alerts;

namespace AiRoi.Metrics.Alerts;

/// <summary>
/// Posts the alerts due to their rules' webhooks, signed (<see cref="WebhookSignature"/>), and records every attempt.
/// A 2xx answer delivers the alert; anything else (another status, a refused connection, no answer within
/// <see cref="SendTimeout"/>) is tried again after a delay that doubles from <c>Alerts:RetryAfter</c>, up to
/// <see cref="MaxAttempts"/> attempts. The alert's id is the same on every attempt (<c>X-AiRoi-Alert-Id</c>), so a
/// receiver that answered too late to be heard can drop the repeat.
/// </summary>
public sealed partial class WebhookDispatcher(
    AlertStore store, TimeProvider time, IConfiguration configuration, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    // Its own client, without the retries and circuit breaker the service's calls to its peers have: the attempts
    // are counted here, and one receiver that fails must not open a circuit for every other.
    private readonly HttpClient client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The configuration key of the first retry's delay (a TimeSpan).</summary>
    public const string RetryAfterKey = "Alerts:RetryAfter";

    /// <summary>The configuration key of how often due alerts are looked for (a TimeSpan).</summary>
    public const string PollKey = "Alerts:DeliverEvery";

    /// <summary>Attempts before an alert is given up (about 2 hours of retries from a 30 s start).</summary>
    public const int MaxAttempts = 8;

    /// <summary>How long a receiver has to answer.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The longest delay between attempts.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue(PollKey, TimeSpan.FromSeconds(5)), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(exception.Message);
            }
        }
    }

    /// <summary>Sends one batch of due alerts; answers how many were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var due = await store.ClaimDueAsync(20, cancellationToken);
        await Task.WhenAll(due.Select(alert => SendAsync(alert.Notice, alert.Attempt, alert.WebhookUrl, alert.Secret, cancellationToken)));
        return due.Count;
    }

    /// <summary>The delay before attempt <paramref name="failedAttempt"/> + 1: the first delay doubled for each failure, at most <see cref="MaxDelay"/>.</summary>
    public static TimeSpan DelayAfter(int failedAttempt, TimeSpan first) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, first.Ticks * (1L << Math.Min(failedAttempt - 1, 20))));

    private async Task SendAsync(AlertNotice notice, int attempt, string webhookUrl, string secret, CancellationToken cancellationToken)
    {
        var body = notice.ToJson();
        var now = time.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.AlertIdHeader, notice.AlertId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.UserAgent.ParseAdd("AiRoi-Alerts/1");
        int? status = null;
        string? error = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(SendTimeout);
            using var response = await client.SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                error = $"The receiver answered {status} {response.ReasonPhrase}.";
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            error = exception is OperationCanceledException ? $"No answer within {SendTimeout.TotalSeconds:0} s." : exception.Message;
        }
        var succeeded = error is null;
        var retryAt = succeeded || attempt >= MaxAttempts ? (DateTimeOffset?)null : now + DelayAfter(attempt, configuration.GetValue(RetryAfterKey, TimeSpan.FromSeconds(30)));
        await store.RecordAttemptAsync(notice.AlertId, new AlertDelivery(attempt, now, status, error, succeeded), retryAt, cancellationToken);
        if (!succeeded)
        {
            LogNotDelivered(notice.AlertId, attempt, error!);
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        client.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} was not delivered on attempt {Attempt}: {Reason}")]
    private partial void LogNotDelivered(long alertId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending alerts did not finish: {Reason}; it tries again shortly")]
    private partial void LogFailed(string reason);
}
