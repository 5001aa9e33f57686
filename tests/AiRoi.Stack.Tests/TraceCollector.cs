using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiRoi.Stack.Tests;

/// <summary>One span as a service exported it.</summary>
public sealed record CollectedSpan(string Service, string TraceId, string SpanId, string ParentSpanId, string Name);

/// <summary>
/// A minimal OTLP/HTTP receiver: the services of the test stack export their traces here (protobuf), so a test can
/// see which services took part in one trace. Metrics and logs are accepted and dropped.
/// </summary>
public sealed class TraceCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<CollectedSpan> spans = new();
    private WebApplication? app;

    /// <summary>The base address to give as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    public IReadOnlyCollection<CollectedSpan> Spans => spans.ToArray();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            foreach (var span in OtlpTraceReader.Read(body.ToArray()))
            {
                spans.Enqueue(span);
            }
            return Results.Ok();
        });
        app.MapPost("/v1/metrics", () => Results.Ok());
        app.MapPost("/v1/logs", () => Results.Ok());
        await app.StartAsync();
        Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}

/// <summary>
/// Reads the few fields the tests need from an OTLP <c>ExportTraceServiceRequest</c>, walking the protobuf wire
/// format field by field (opentelemetry-proto: ResourceSpans = 1, Resource = 1 / ScopeSpans = 2, Span = 2;
/// Span: trace_id = 1, span_id = 2, parent_span_id = 4, name = 5; KeyValue: key = 1, value = 2; AnyValue:
/// string_value = 1).
/// </summary>
public static class OtlpTraceReader
{
    public static IEnumerable<CollectedSpan> Read(byte[] request)
    {
        foreach (var resourceSpans in Fields(request, 1))
        {
            var service = Fields(resourceSpans, 1).SelectMany(resource => Fields(resource, 1))
                .Select(Attribute)
                .Where(attribute => attribute.Key == "service.name")
                .Select(attribute => attribute.Value)
                .FirstOrDefault() ?? "unknown";
            foreach (var span in Fields(resourceSpans, 2).SelectMany(scopeSpans => Fields(scopeSpans, 2)))
            {
                yield return new CollectedSpan(
                    service,
                    Convert.ToHexStringLower(Fields(span, 1).FirstOrDefault() ?? []),
                    Convert.ToHexStringLower(Fields(span, 2).FirstOrDefault() ?? []),
                    Convert.ToHexStringLower(Fields(span, 4).FirstOrDefault() ?? []),
                    System.Text.Encoding.UTF8.GetString(Fields(span, 5).FirstOrDefault() ?? []));
            }
        }
    }

    private static (string Key, string Value) Attribute(byte[] keyValue) =>
        (System.Text.Encoding.UTF8.GetString(Fields(keyValue, 1).FirstOrDefault() ?? []),
         System.Text.Encoding.UTF8.GetString(Fields(keyValue, 2).SelectMany(value => Fields(value, 1)).FirstOrDefault() ?? []));

    /// <summary>The length-delimited values of one field number in a message; other fields are skipped.</summary>
    private static List<byte[]> Fields(byte[] message, int fieldNumber)
    {
        var values = new List<byte[]>();
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == fieldNumber && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                values.Add(input.ReadBytes().ToByteArray());
            }
            else
            {
                input.SkipLastField();
            }
        }
        return values;
    }
}
