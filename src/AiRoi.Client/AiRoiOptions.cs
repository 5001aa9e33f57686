namespace AiRoi.Client;

/// <summary>Where AiRoi is, the key, and how the client batches, retries and refreshes.</summary>
public sealed class AiRoiOptions
{
    /// <summary>The ingestion service, where outcome events go (<c>http://localhost:5081</c>).</summary>
    public Uri? IngestionEndpoint { get; set; }

    /// <summary>The experiment service, where the running experiments' definitions come from; null to assign nothing in-process.</summary>
    public Uri? ExperimentsEndpoint { get; set; }

    /// <summary>An API key that writes events for the use cases (and reads their experiments).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Most events in one request; AiRoi takes up to 10,000.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long an event may wait for a batch to fill before the batch is sent anyway.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most events held in memory; beyond it new events are dropped and counted, never blocking the caller.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>The first wait before a failed batch is sent again; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long disposal (or the host's shutdown) waits for the queue to be sent.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the running experiments' definitions are read again.</summary>
    public TimeSpan ExperimentsRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        if (IngestionEndpoint is null || !IngestionEndpoint.IsAbsoluteUri)
        {
            throw new ArgumentException("IngestionEndpoint must be the absolute address of AiRoi's ingestion service.", nameof(IngestionEndpoint));
        }
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException("ApiKey is required: an AiRoi API key that writes events.", nameof(ApiKey));
        }
        if (BatchSize is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be from 1 to 10,000.");
        }
        if (QueueCapacity < BatchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(QueueCapacity), QueueCapacity, "QueueCapacity must hold at least one batch.");
        }
    }
}
