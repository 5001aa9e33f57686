using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiRoi.Client;

/// <summary>
/// The AiRoi client. <see cref="RecordOutcome"/> never blocks: outcome events wait in a bounded queue and are sent in
/// batches in the background, sent again with the same event ids after a failure AiRoi may recover from (5xx, 429, a
/// lost connection), so a retry is a duplicate and never a double count; a batch AiRoi refuses as invalid (4xx) is
/// logged with its problem details and not sent again. <see cref="Assign"/> answers an experiment's variant from the
/// running experiments' definitions, read in the background, in microseconds. Dispose it (or let the host stop it) to
/// send what is queued.
/// </summary>
public sealed partial class AiRoiClient : IAsyncDisposable
{
    /// <summary>The tag set on the current activity when an outcome is recorded inside it: the outcome event's id.</summary>
    public const string EventIdTag = "airoi.event_id";

    /// <summary>The tag set on the current activity when an outcome is recorded inside it: the use case.</summary>
    public const string UseCaseIdTag = "airoi.use_case_id";

    private readonly AiRoiOptions options;
    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly ILogger logger;
    private readonly Channel<Outcome> queue;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task sender;
    private readonly Task? refresher;
    private readonly Lock experimentsGate = new();
    private Dictionary<string, ExperimentAllocation> experiments = new(StringComparer.Ordinal);
    private string? experimentsETag;
    private int disposed;

    /// <summary>A client for any application: give it the options, and optionally an <see cref="HttpClient"/> and a logger.</summary>
    /// <param name="options">Where AiRoi is, the key, batching and retries.</param>
    /// <param name="httpClient">The HTTP client to send with; one of its own when null.</param>
    /// <param name="logger">Where refusals and failures are logged.</param>
    /// <param name="meterFactory">Where the client's counters are created; a meter of its own when null.</param>
    public AiRoiClient(AiRoiOptions options, HttpClient? httpClient = null, ILogger<AiRoiClient>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        ownsHttp = httpClient is null;
        http = httpClient ?? new HttpClient();
        this.logger = logger ?? NullLogger<AiRoiClient>.Instance;
        Metrics = new ClientMetrics(meterFactory);
        queue = Channel.CreateBounded<Outcome>(new BoundedChannelOptions(options.QueueCapacity)
        {
            // Wait mode makes TryWrite answer false when full (the drop modes answer true and drop silently).
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        sender = Task.Run(SendLoopAsync);
        if (options.ExperimentsEndpoint is not null)
        {
            refresher = Task.Run(RefreshLoopAsync);
        }
    }

    /// <summary>The client's counters (also on the meter <see cref="ClientMetrics.MeterName"/>).</summary>
    public ClientMetrics Metrics { get; }

    /// <summary>
    /// Queues an outcome event and answers at once: true when queued, false when the queue was full and it was dropped
    /// (counted). Inside an <see cref="Activity"/>, the activity is tagged with the event and use case, so the model
    /// calls traced in it are priced onto this outcome, and the event carries the activity's trace id.
    /// </summary>
    public bool RecordOutcome(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (Activity.Current is { } activity)
        {
            activity.SetTag(EventIdTag, outcome.EventId);
            activity.SetTag(UseCaseIdTag, outcome.UseCaseId);
            if (outcome.TraceId is null && activity.IdFormat == ActivityIdFormat.W3C)
            {
                outcome = outcome with { TraceId = activity.TraceId.ToHexString() };
            }
        }
        if (Volatile.Read(ref disposed) != 0 || !queue.Writer.TryWrite(outcome))
        {
            Metrics.OnDropped();
            return false;
        }
        Metrics.OnQueued();
        return true;
    }

    /// <summary>
    /// The variant <paramref name="subjectId"/> gets in the running experiment <paramref name="experimentId"/>, the
    /// same as AiRoi's assignment API answers; null when the experiment is not running (or not yet read) or the subject
    /// is outside its namespace. Record the outcome with <see cref="Outcome.InVariant"/> so AiRoi counts the exposure.
    /// </summary>
    public VariantAssignment? Assign(string experimentId, string subjectId)
    {
        ArgumentException.ThrowIfNullOrEmpty(experimentId);
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        return Volatile.Read(ref experiments).TryGetValue(experimentId, out var allocation) && allocation.Assign(subjectId) is { } variant
            ? new VariantAssignment(experimentId, subjectId, variant)
            : null;
    }

    /// <summary>Reads the running experiments' definitions now (the client also does so every refresh interval).</summary>
    public async Task RefreshExperimentsAsync(CancellationToken cancellationToken = default)
    {
        if (options.ExperimentsEndpoint is null)
        {
            return;
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.ExperimentsEndpoint, "/api/v1/experiments/running"));
        request.Headers.Add("X-Api-Key", options.ApiKey);
        lock (experimentsGate)
        {
            if (experimentsETag is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", experimentsETag);
            }
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return;
        }
        response.EnsureSuccessStatusCode();
        var running = await response.Content.ReadFromJsonAsync(ClientJson.Default.IReadOnlyListRunningExperimentWire, timeout.Token).ConfigureAwait(false) ?? [];
        var allocations = running.ToDictionary(experiment => experiment.Id, experiment => new ExperimentAllocation(experiment), StringComparer.Ordinal);
        lock (experimentsGate)
        {
            Volatile.Write(ref experiments, allocations);
            experimentsETag = response.Headers.ETag?.ToString();
        }
    }

    /// <summary>Sends everything queued so far; answers when it is sent, refused, or <paramref name="cancellationToken"/> ends the wait.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var target = Metrics.Queued;
        while (Metrics.Sent + Metrics.Refused < target && !sender.IsCompleted)
        {
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops taking events and sends what is queued, waiting at most <see cref="AiRoiOptions.ShutdownTimeout"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }
        queue.Writer.TryComplete();
        var drained = await Task.WhenAny(sender, Task.Delay(options.ShutdownTimeout)).ConfigureAwait(false) == sender;
        if (!drained)
        {
            LogShutdownTimedOut(logger, queue.Reader.Count);
        }
        await stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(refresher is null ? [sender] : [sender, refresher]).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        stopping.Dispose();
        if (ownsHttp)
        {
            http.Dispose();
        }
        Metrics.Dispose();
    }

    private async Task SendLoopAsync()
    {
        var batch = new List<Outcome>(options.BatchSize);
        var reader = queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stopping.Token).ConfigureAwait(false))
            {
                // Fill the batch: take what is there, then wait up to the flush interval for more.
                using (var fill = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token))
                {
                    fill.CancelAfter(options.FlushInterval);
                    try
                    {
                        while (batch.Count < options.BatchSize)
                        {
                            if (reader.TryRead(out var outcome))
                            {
                                batch.Add(outcome);
                            }
                            else if (!await reader.WaitToReadAsync(fill.Token).ConfigureAwait(false))
                            {
                                break;
                            }
                        }
                    }
                    catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
                    {
                        // The flush interval passed: send what there is.
                    }
                }
                await SendAsync(batch).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Disposed before the queue drained.
        }
    }

    /// <summary>Sends one batch until AiRoi takes it, refuses it, or the client is stopped.</summary>
    private async Task SendAsync(List<Outcome> batch)
    {
        var delay = options.FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            var (status, body) = await PostAsync(batch).ConfigureAwait(false);
            if (status is { } code && (int)code < 300)
            {
                Metrics.OnSent(batch.Count);
                return;
            }
            if (status is { } refused && (int)refused is >= 400 and < 500 && refused != HttpStatusCode.TooManyRequests
                && refused != HttpStatusCode.RequestTimeout && refused != HttpStatusCode.Unauthorized)
            {
                LogRefused(logger, batch.Count, (int)refused, body);
                Metrics.OnRefused(batch.Count);
                return;
            }
            LogWillRetry(logger, batch.Count, status is null ? "no answer" : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), attempt, delay);
            Metrics.OnRetried();
            await Task.Delay(delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Max(1, delay.TotalMilliseconds / 5))), stopping.Token).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRetryDelay.Ticks));
        }
    }

    private async Task<(HttpStatusCode? Status, string Body)> PostAsync(List<Outcome> batch)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            timeout.CancelAfter(options.RequestTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.IngestionEndpoint!, "/api/v1/events"))
            {
                Content = JsonContent.Create(new EventBatch(batch), ClientJson.Default.EventBatch),
            };
            request.Headers.Add("X-Api-Key", options.ApiKey);
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException || (exception is OperationCanceledException && !stopping.IsCancellationRequested))
        {
            return (null, exception.Message);
        }
    }

    private async Task RefreshLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await RefreshExperimentsAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or System.Text.Json.JsonException
                || (exception is OperationCanceledException && !stopping.IsCancellationRequested))
            {
                LogRefreshFailed(logger, exception);
            }
            try
            {
                await Task.Delay(options.ExperimentsRefreshInterval, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "AiRoi refused {Count} outcome events with {Status}; they are not sent again: {Problem}")]
    private static partial void LogRefused(ILogger logger, int count, int status, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Count} outcome events failed ({Status}, attempt {Attempt}); sending them again in {Delay}")]
    private static partial void LogWillRetry(ILogger logger, int count, string status, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading AiRoi's running experiments failed; assignments use the definitions read before")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The AiRoi client stopped with {Count} outcome events still queued")]
    private static partial void LogShutdownTimedOut(ILogger logger, int count);
}
