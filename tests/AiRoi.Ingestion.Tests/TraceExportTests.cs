using System.Text;
using AiRoi.Ingestion.Traces;
using AiRoi.Ingestion.Traces.Otlp;
using Google.Protobuf;

namespace AiRoi.Ingestion.Tests;

public sealed class TraceExportTests
{
    private const string TraceId = "5b8efff798038103d269b633813fc60c";
    private const string RootId = "eee19b7ec3c1b174";
    private const string CallId = "eee19b7ec3c1b173";

    private static readonly string Json = """
        {"resourceSpans": [{"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "bot"}}]},
          "scopeSpans": [{"scope": {"name": "bot"}, "spans": [
            {"traceId": "TRACE", "spanId": "ROOT", "name": "ticket", "kind": 1,
             "startTimeUnixNano": "1764583200000000000", "endTimeUnixNano": "1764583260000000000",
             "attributes": [{"key": "airoi.use_case_id", "value": {"stringValue": "support-bot"}}, {"key": "airoi.event_id", "value": {"stringValue": "t-1"}}],
             "events": [], "status": {"code": 1}},
            {"traceId": "TRACE", "spanId": "CALL", "parentSpanId": "ROOT", "name": "chat gpt-4o",
             "startTimeUnixNano": 1764583201000000000, "endTimeUnixNano": 1764583202000000000,
             "attributes": [{"key": "gen_ai.provider.name", "value": {"stringValue": "openai"}}, {"key": "gen_ai.request.model", "value": {"stringValue": "gpt-4o"}},
                            {"key": "gen_ai.usage.input_tokens", "value": {"intValue": "1200"}}, {"key": "gen_ai.usage.output_tokens", "value": {"intValue": 80}},
                            {"key": "gen_ai.input.messages", "value": {"arrayValue": {"values": [{"stringValue": "hello"}]}}}]},
            {"traceId": "TRACE", "spanId": "eee19b7ec3c1b172", "name": "GET /tickets", "attributes": [{"key": "http.request.method", "value": {"stringValue": "GET"}}]}
          ]}]}]}
        """.Replace("TRACE", TraceId, StringComparison.Ordinal).Replace("ROOT", RootId, StringComparison.Ordinal).Replace("CALL", CallId, StringComparison.Ordinal);

    [Fact]
    public void Otlp_json_with_hex_ids_reads_as_the_same_export_as_protobuf()
    {
        var fromJson = OtlpBody.Parse(Encoding.UTF8.GetBytes(Json), OtlpEncoding.Json);
        var fromProtobuf = OtlpBody.Parse(fromJson.ToByteArray(), OtlpEncoding.Protobuf);

        Assert.Equal(fromJson, fromProtobuf);
        Assert.Equal(TraceId, Convert.ToHexStringLower(fromJson.ResourceSpans[0].ScopeSpans[0].Spans[0].TraceId.Span));
    }

    [Fact]
    public void The_model_calls_and_the_trace_link_are_read_and_other_spans_ignored()
    {
        var export = TraceExport.Read(OtlpBody.Parse(Encoding.UTF8.GetBytes(Json), OtlpEncoding.Json));

        var call = Assert.Single(export.Calls);
        Assert.Equal((TraceId, CallId, "openai", "gpt-4o", 1200L, 80L), (call.TraceId, call.SpanId, call.Provider, call.Model, call.InputTokens, call.OutputTokens));
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 10, 0, 1, TimeSpan.Zero), call.StartedAt);
        Assert.Equal(new AiRoi.Domain.AiCost.TraceLink(TraceId, "support-bot", "t-1"), Assert.Single(export.Links));
        Assert.Equal((3, 0), (export.Spans, export.Rejected));
    }

    [Fact]
    public void A_model_call_without_ids_or_start_is_refused_with_the_reason()
    {
        var request = new ExportTraceServiceRequest();
        var span = new Span { Name = "chat", TraceId = ByteString.CopyFrom(new byte[16]), SpanId = ByteString.CopyFrom([1, 2, 3, 4, 5, 6, 7, 8]) };
        span.Attributes.Add(new KeyValue { Key = "gen_ai.request.model", Value = new AnyValue { StringValue = "gpt-4o" } });
        span.Attributes.Add(new KeyValue { Key = "gen_ai.usage.input_tokens", Value = new AnyValue { IntValue = 3 } });
        request.ResourceSpans.Add(new ResourceSpans { ScopeSpans = { new ScopeSpans { Spans = { span } } } });

        var export = TraceExport.Read(request);

        Assert.Equal((0, 1), (export.Calls.Count, export.Rejected));
        Assert.Contains("start time", export.Messages[0], StringComparison.Ordinal);
        Assert.Contains("trace id of 16 bytes", export.Messages[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"resourceSpans\": 5}")]
    [InlineData("[]")]
    [InlineData("{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"name\": \"a\", \"name\": \"b\"}]}]}]}")]
    [InlineData("not json")]
    public void Json_that_is_not_an_export_is_a_format_error(string body) =>
        Assert.Throws<FormatException>(() => OtlpBody.Parse(Encoding.UTF8.GetBytes(body), OtlpEncoding.Json));

    [Fact]
    public async Task A_gzip_body_over_the_limit_is_refused_while_it_is_read()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(new byte[OtlpBody.MaxBytes + 1]);
        }
        compressed.Position = 0;

        Assert.True(compressed.Length < 100_000);
        Assert.Null(await OtlpBody.ReadAsync(compressed, gzip: true, CancellationToken.None));
    }
}
