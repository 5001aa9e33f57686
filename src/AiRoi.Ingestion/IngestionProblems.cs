using AiRoi.ServiceDefaults.Http;

namespace AiRoi.Ingestion;

/// <summary>The problem types of the ingestion API, beside the shared ones in <see cref="RequestProblems"/>.</summary>
public static class IngestionProblems
{
    /// <summary>No key with that id.</summary>
    public static readonly ProblemType ApiKeyNotFound = new("api-key-not-found", StatusCodes.Status404NotFound, "No such API key");

    /// <summary>The body is over the endpoint's size limit.</summary>
    public static readonly ProblemType PayloadTooLarge = new("payload-too-large", StatusCodes.Status413PayloadTooLarge, "Request body too large");

    /// <summary>A CSV import with bad rows; every error carries its line number.</summary>
    public static readonly ProblemType CsvRejected = new("csv-rejected", StatusCodes.Status400BadRequest, "The file has bad rows");

    /// <summary>The event log could not be written; the request may be resent as it is.</summary>
    public static readonly ProblemType WriteUnavailable = new("write-unavailable", StatusCodes.Status503ServiceUnavailable, "The event log is unavailable");
}
