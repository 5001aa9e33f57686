namespace AiRoi.ServiceDefaults;

/// <summary>
/// The activity sources and meters of the frameworks AiRoi runs on, registered with OpenTelemetry so that
/// one request shows as one trace across ingestion, the Orleans silo, RabbitMQ and the experiment service.
/// </summary>
public static class TelemetrySources
{
    /// <summary>Activity sources: Orleans grain calls (application and runtime), MassTransit send/receive/consume.</summary>
    public static readonly string[] ActivitySources =
    [
        "Microsoft.Orleans.Application",
        "Microsoft.Orleans.Runtime",
        "MassTransit",
        AiRoiSource,
    ];

    /// <summary>Meters: Orleans runtime, MassTransit, and AiRoi's own.</summary>
    public static readonly string[] Meters =
    [
        "Microsoft.Orleans",
        "MassTransit",
        AiRoiSource,
    ];

    /// <summary>The name of AiRoi's own activity source and meter.</summary>
    public const string AiRoiSource = "AiRoi";
}
