using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiRoi.Ingestion.Traces.Otlp;
using Google.Protobuf;

namespace AiRoi.Ingestion.Traces;

/// <summary>The encodings an OTLP/HTTP export arrives in.</summary>
public enum OtlpEncoding
{
    /// <summary><c>application/x-protobuf</c>, the exporters' default.</summary>
    Protobuf,

    /// <summary><c>application/json</c>: the protobuf JSON mapping, with trace and span ids as hex.</summary>
    Json,
}

/// <summary>Reads an OTLP/HTTP trace export: gzip or not, protobuf or JSON, within a size bound.</summary>
public static class OtlpBody
{
    /// <summary>Largest export taken, before and after decompression: the SDKs' batches are far smaller.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    private static readonly JsonParser Json = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true).WithRecursionLimit(32));
    private static readonly string[] IdFields = ["traceId", "spanId", "parentSpanId"];

    /// <summary>The encoding of a content type; null when it is neither.</summary>
    public static OtlpEncoding? EncodingOf(string? contentType) =>
        contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
        {
            "application/x-protobuf" or "application/protobuf" => OtlpEncoding.Protobuf,
            "application/json" => OtlpEncoding.Json,
            _ => null,
        };

    /// <summary>
    /// The body's bytes, decompressed when <paramref name="gzip"/>; null when they exceed
    /// <see cref="MaxBytes"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The gzip stream is broken.</exception>
    public static async Task<byte[]?> ReadAsync(Stream body, bool gzip, CancellationToken cancellationToken)
    {
        await using var source = gzip ? new GZipStream(body, CompressionMode.Decompress) : body;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The export request in <paramref name="bytes"/>.</summary>
    /// <exception cref="FormatException">Not a protobuf export request, or not valid JSON for one.</exception>
    public static ExportTraceServiceRequest Parse(byte[] bytes, OtlpEncoding encoding)
    {
        try
        {
            return encoding == OtlpEncoding.Protobuf ? ExportTraceServiceRequest.Parser.ParseFrom(bytes) : ParseJson(bytes);
        }
        catch (Exception exception) when (exception is InvalidProtocolBufferException or InvalidJsonException or ArgumentException or InvalidOperationException)
        {
            throw new FormatException(exception.Message, exception);
        }
    }

    private static ExportTraceServiceRequest ParseJson(byte[] bytes)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            throw new FormatException($"The body is not JSON: {exception.Message}", exception);
        }
        if (root is not JsonObject)
        {
            throw new FormatException("The body must be a JSON object with resourceSpans.");
        }
        // OTLP JSON writes ids as hex where the protobuf JSON mapping expects base64.
        foreach (var span in SpansOf(root))
        {
            foreach (var field in IdFields)
            {
                if (span[field] is JsonValue value && value.TryGetValue<string>(out var hex))
                {
                    span[field] = HexToBase64(hex);
                }
            }
        }
        return Json.Parse<ExportTraceServiceRequest>(root.ToJsonString());
    }

    private static IEnumerable<JsonObject> SpansOf(JsonNode root) =>
        (root["resourceSpans"] as JsonArray ?? [])
            .SelectMany(resource => resource?["scopeSpans"] as JsonArray ?? [])
            .SelectMany(scope => scope?["spans"] as JsonArray ?? [])
            .OfType<JsonObject>();

    /// <summary>Hex as base64; an id that is not hex becomes empty, which the span's check then refuses.</summary>
    private static string HexToBase64(string hex)
    {
        try
        {
            return Convert.ToBase64String(Convert.FromHexString(hex));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
