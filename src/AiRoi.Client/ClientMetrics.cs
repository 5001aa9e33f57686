using System.Diagnostics.Metrics;

namespace AiRoi.Client;

/// <summary>
/// The client's own counters, on the meter <c>AiRoi.Client</c> (add it to your OpenTelemetry metrics to see them):
/// events queued, sent, dropped because the queue was full, refused by AiRoi (4xx), and batch attempts retried.
/// </summary>
public sealed class ClientMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "AiRoi.Client";

    private readonly Meter meter;
    private readonly Counter<long> queued, sent, dropped, refused, retried;
    private long queuedTotal, sentTotal, droppedTotal, refusedTotal, retriedTotal;

    /// <summary>Creates the counters, on a meter of <paramref name="meterFactory"/> when one is given.</summary>
    public ClientMetrics(IMeterFactory? meterFactory = null)
    {
        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        queued = meter.CreateCounter<long>("airoi.client.outcomes.queued", "{event}", "Outcome events put in the queue.");
        sent = meter.CreateCounter<long>("airoi.client.outcomes.sent", "{event}", "Outcome events AiRoi accepted (or already had).");
        dropped = meter.CreateCounter<long>("airoi.client.outcomes.dropped", "{event}", "Outcome events dropped because the queue was full.");
        refused = meter.CreateCounter<long>("airoi.client.outcomes.refused", "{event}", "Outcome events AiRoi refused as invalid (not sent again).");
        retried = meter.CreateCounter<long>("airoi.client.batches.retried", "{attempt}", "Batches sent again after a failure AiRoi may recover from.");
    }

    /// <summary>Events queued so far.</summary>
    public long Queued => Interlocked.Read(ref queuedTotal);

    /// <summary>Events AiRoi accepted so far (new or duplicate).</summary>
    public long Sent => Interlocked.Read(ref sentTotal);

    /// <summary>Events dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref droppedTotal);

    /// <summary>Events AiRoi refused as invalid.</summary>
    public long Refused => Interlocked.Read(ref refusedTotal);

    /// <summary>Batch attempts retried.</summary>
    public long Retried => Interlocked.Read(ref retriedTotal);

    internal void OnQueued() => Add(queued, ref queuedTotal, 1);

    internal void OnSent(int count) => Add(sent, ref sentTotal, count);

    internal void OnDropped() => Add(dropped, ref droppedTotal, 1);

    internal void OnRefused(int count) => Add(refused, ref refusedTotal, count);

    internal void OnRetried() => Add(retried, ref retriedTotal, 1);

    /// <inheritdoc />
    public void Dispose() => meter.Dispose();

    private static void Add(Counter<long> counter, ref long total, long count)
    {
        Interlocked.Add(ref total, count);
        counter.Add(count);
    }
}
