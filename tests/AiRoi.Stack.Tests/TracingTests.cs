using System.Security.Cryptography;
using Aspire.Hosting.Testing;

namespace AiRoi.Stack.Tests;

[Collection(StackCollection.Name)]
public sealed class TracingTests(StackFixture stack)
{
    // Spans are exported in batches every half second (OTEL_BSP_SCHEDULE_DELAY in the fixture).
    private static readonly TimeSpan ExportWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task One_page_request_is_one_trace_across_web_the_three_APIs_and_the_Orleans_silo()
    {
        var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var parentSpanId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        using var client = await StackWeb.SignedInClientAsync(stack);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/status");
        request.Headers.Add("traceparent", $"00-{traceId}-{parentSpanId}-01");
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        using var response = await client.SendAsync(request, timeout.Token);
        response.EnsureSuccessStatusCode();

        // The page asks ingestion, metrics and experiments; ingestion's status makes a grain call into the silo.
        string[] services = ["web", "ingestion", "metrics", "experiments"];
        var deadline = DateTime.UtcNow + ExportWait;
        List<CollectedSpan> trace;
        do
        {
            await Task.Delay(250);
            trace = stack.Traces.Spans.Where(span => span.TraceId == traceId).ToList();
        }
        while (DateTime.UtcNow < deadline && !(services.All(service => trace.Any(span => span.Service == service)) && HasSiloSideGrainCall(trace)));

        var seen = string.Join("\n", trace.Select(span => $"{span.Service}: {span.Name}"));
        foreach (var service in services)
        {
            Assert.True(trace.Any(span => span.Service == service), $"No span from {service} in trace {traceId}; seen:\n{seen}");
        }
        Assert.True(HasSiloSideGrainCall(trace), $"No grain call span from the silo in trace {traceId}; seen:\n{seen}");
    }

    // Orleans names its grain-call spans after the grain interface and method.
    private static bool HasSiloSideGrainCall(IEnumerable<CollectedSpan> trace) =>
        trace.Any(span => span.Service == "metrics" && span.Name.Contains("ManagementGrain", StringComparison.Ordinal));
}
