using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using static AiRoi.Stack.Tests.StackHttp;

namespace AiRoi.Stack.Tests;

/// <summary>Trace exports in OTLP/HTTP JSON, built by hand, for the trace receiver.</summary>
public static class OtlpJson
{
    /// <summary>One span as OTLP JSON writes it (hex ids, times in nanoseconds as strings); a root has no parent.</summary>
    public static JsonObject Span(string traceId, bool root, params (string Key, object Value)[] attributes) => Span(traceId, root, DateTimeOffset.UtcNow.AddMinutes(-1), attributes);

    /// <summary>One span that started at <paramref name="start"/>.</summary>
    public static JsonObject Span(string traceId, bool root, DateTimeOffset start, params (string Key, object Value)[] attributes)
    {
        var now = start.ToUnixTimeMilliseconds() * 1_000_000;
        var span = new JsonObject
        {
            ["traceId"] = traceId,
            ["spanId"] = ActivitySpanId.CreateRandom().ToHexString(),
            ["name"] = root ? "task" : "chat",
            ["startTimeUnixNano"] = now.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["endTimeUnixNano"] = (now + 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["attributes"] = new JsonArray([.. attributes.Select(attribute => (JsonNode)new JsonObject
            {
                ["key"] = attribute.Key,
                ["value"] = attribute.Value is string text ? new JsonObject { ["stringValue"] = text } : new JsonObject { ["intValue"] = attribute.Value.ToString() },
            })]),
        };
        if (!root)
        {
            span["parentSpanId"] = ActivitySpanId.CreateRandom().ToHexString();
        }
        return span;
    }

    /// <summary>An export request holding <paramref name="spans"/>.</summary>
    public static JsonObject Export(params JsonObject[] spans) => new()
    {
        ["resourceSpans"] = new JsonArray(new JsonObject
        {
            ["resource"] = new JsonObject { ["attributes"] = new JsonArray(new JsonObject { ["key"] = "service.name", ["value"] = new JsonObject { ["stringValue"] = "json-sender" } }) },
            ["scopeSpans"] = new JsonArray(new JsonObject { ["scope"] = new JsonObject { ["name"] = "test" }, ["spans"] = new JsonArray([.. spans]) }),
        }),
    };

    /// <summary>Posts an export to the ingestion service's trace receiver, gzip-compressed, as OTLP/HTTP JSON exporters do.</summary>
    public static async Task<StackAnswer> PostAsync(StackFixture stack, JsonObject export, string key = DevelopmentKey)
    {
        using var client = stack.App.CreateHttpClient("ingestion", "http");
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(export.ToJsonString()));
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/traces") { Content = new ByteArrayContent(compressed.ToArray()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content.Headers.ContentEncoding.Add("gzip");
        request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new StackAnswer(response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }

}
