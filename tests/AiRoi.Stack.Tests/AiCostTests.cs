using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using static AiRoi.Stack.Tests.StackHttp;

namespace AiRoi.Stack.Tests;

/// <summary>
/// AI cost from traces, end to end: an application instrumented with the OpenTelemetry .NET SDK exports GenAI spans
/// (OTLP/HTTP, protobuf) for tasks whose outcome events it also sends, and the use case's AI cost equals the prices
/// worked by hand (cached and reasoning tokens included); the same through OTLP JSON, gzip-compressed; spans before
/// and after their event; a price change with and without recomputation; a model without a price; bad spans.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class AiCostTests(StackFixture stack)
{
    private static readonly DateTimeOffset PricesFrom = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Traced_model_calls_become_the_ai_cost_of_their_outcome_events_at_the_hand_worked_prices()
    {
        var useCase = await NewUseCaseAsync();
        var model = $"test-model-{Guid.NewGuid():N}"[..24];
        await PriceAsync(model, "input", 2.00m);
        await PriceAsync(model, "cached-input", 0.50m);
        await PriceAsync(model, "output", 8.00m);
        await PriceAsync(model, "reasoning", 10.00m);
        await PriceAsync(model, "input", 3.00m, aboveInputTokens: 100_000);

        using var source = new ActivitySource($"AiRoi.Tests.{Guid.NewGuid():N}");
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(source.Name)
            .SetResourceBuilder(ResourceBuilder.CreateDefault().AddService("support-bot-test"))
            .AddOtlpExporter(exporter =>
            {
                exporter.Endpoint = new Uri(stack.App.GetEndpoint("ingestion", "http"), "/v1/traces");
                exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                exporter.Headers = $"X-Api-Key={DevelopmentKey}";
                // Each span leaves as it ends: the model calls reach AiRoi before the root span that names the task.
                exporter.ExportProcessorType = ExportProcessorType.Simple;
            })
            .Build())
        {
            // Task A, spans before the event: the root names the use case and the event; its calls name nothing.
            using (var task = source.StartActivity("handle ticket a")!)
            {
                task.SetTag("airoi.use_case_id", useCase).SetTag("airoi.event_id", "a");
                Call(source, model, input: 10_000, output: 2_000, cached: 4_000, reasoning: 500);
                Call(source, model, input: 1_000, output: 100);
            }
            Assert.Equal(HttpStatusCode.OK, (await PostEventsAsync(Event(useCase, "a"))).Status);

            // Task B, the event first, naming its trace; its calls come after and name nothing.
            var traceB = ActivityTraceId.CreateRandom();
            Assert.Equal(HttpStatusCode.OK, (await PostEventsAsync(Event(useCase, "b", traceB.ToHexString()))).Status);
            using (var task = source.StartActivity("handle ticket b", ActivityKind.Internal, new ActivityContext(traceB, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded))!)
            {
                Call(source, model, input: 3_000, output: 1_000);
            }
            tracing.ForceFlush();
        }

        // Task C through OTLP JSON, gzip-compressed: a long context pays the higher input tier.
        var traceC = ActivityTraceId.CreateRandom().ToHexString();
        var json = await OtlpJson.PostAsync(stack, OtlpJson.Export(OtlpJson.Span(traceC, root: true, ("airoi.use_case_id", useCase), ("airoi.event_id", "c")),
            OtlpJson.Span(traceC, root: false, ("gen_ai.provider.name", "acme"), ("gen_ai.request.model", model), ("gen_ai.usage.input_tokens", 200_000L), ("gen_ai.usage.output_tokens", 1_000L))));
        Assert.Equal((HttpStatusCode.OK, null), (json.Status, json.Node?["partialSuccess"]));
        Assert.Equal(HttpStatusCode.OK, (await PostEventsAsync(Event(useCase, "c"))).Status);

        var a = (6_000 * 2.00m + 4_000 * 0.50m + 1_500 * 8.00m + 500 * 10.00m + 1_000 * 2.00m + 100 * 8.00m) / 1_000_000m;
        var b = (3_000 * 2.00m + 1_000 * 8.00m) / 1_000_000m;
        var c = (200_000 * 3.00m + 1_000 * 8.00m) / 1_000_000m;
        var totals = await WaitForTracedCostAsync(useCase, a + b + c);
        Assert.Empty(totals["unpricedTokensByModel"]!.AsObject());
        Assert.Equal((double)((a + b + c) / 3), (await CostPerTaskAsync(useCase))!.Value, 9);

        // A new price never rewrites history silently: the recorded cost stays until a recomputation is asked for.
        await PriceAsync(model, "output", 16.00m, from: PricesFrom.AddDays(1));
        Assert.Equal(a + b + c, (await EventLogAsync(useCase))["tracedAiCost"]!.GetValue<decimal>());
        var after = a + b + c + (1_500 + 100 + 1_000 + 1_000) * 8.00m / 1_000_000m;
        var preview = await RecomputeAsync(useCase, apply: false);
        Assert.Equal((a + b + c, after, false), (preview["amountBefore"]!.GetValue<decimal>(), preview["amountAfter"]!.GetValue<decimal>(), preview["applied"]!.GetValue<bool>()));
        Assert.Equal(a + b + c, (await EventLogAsync(useCase))["tracedAiCost"]!.GetValue<decimal>());
        var applied = await RecomputeAsync(useCase, apply: true);
        Assert.Equal((4, 4), (applied["calls"]!.GetValue<int>(), applied["changed"]!.GetValue<int>()));
        Assert.Equal(after, (await EventLogAsync(useCase))["tracedAiCost"]!.GetValue<decimal>());
        Assert.Equal((double)(after / 3), (await CostPerTaskAsync(useCase))!.Value, 9);

        // The figures survive a replay of the log and the ledger from nothing.
        await StackDatabase.ScalarAsync(stack, "metricsdb", "with gone as (delete from metrics.use_case_snapshots where use_case_id = $1 returning 1) select count(*) from gone", useCase);
        await StackProcesses.RestartAsync(stack, "metrics");
        Assert.Equal(after, (await EventLogAsync(useCase))["tracedAiCost"]!.GetValue<decimal>());
        Assert.Equal((double)(after / 3), (await CostPerTaskAsync(useCase))!.Value, 9);
        await WaitForIngestionAsync(useCase);
    }

    [Fact]
    public async Task A_model_without_a_price_is_counted_as_unpriced_and_its_task_has_no_cost_rather_than_zero()
    {
        var useCase = await NewUseCaseAsync();
        var model = $"no-price-{Guid.NewGuid():N}"[..20];
        var trace = ActivityTraceId.CreateRandom().ToHexString();
        Assert.Equal(HttpStatusCode.OK, (await PostEventsAsync(Event(useCase, "d", trace))).Status);
        await OtlpJson.PostAsync(stack, OtlpJson.Export(OtlpJson.Span(trace, root: false, ("gen_ai.request.model", model), ("gen_ai.usage.input_tokens", 700L), ("gen_ai.usage.output_tokens", 300L))));

        var totals = await WaitForAsync(useCase, totals => totals["unpricedTokensByModel"]!.AsObject().ContainsKey(model));
        Assert.Equal((1_000L, 0m), (totals["unpricedTokensByModel"]![model]!.GetValue<long>(), totals["tracedAiCost"]!.GetValue<decimal>()));
        Assert.Null(await CostPerTaskAsync(useCase));
        var health = await SendAsync(stack, "metrics", HttpMethod.Get, $"/api/v1/use-cases/{useCase}/health");
        var finding = health.Body["findings"]!.AsArray().Single(entry => entry!["check"]!.GetValue<string>() == "ai-cost-not-priced")!;
        Assert.Contains(model, finding["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        // Once priced and recomputed, the task has its cost.
        await PriceAsync(model, "input", 1.00m);
        await PriceAsync(model, "output", 1.00m);
        await RecomputeAsync(useCase, apply: true);
        Assert.Equal(0.001, (await CostPerTaskAsync(useCase))!.Value, 9);
        health = await SendAsync(stack, "metrics", HttpMethod.Get, $"/api/v1/use-cases/{useCase}/health");
        Assert.DoesNotContain(health.Body["findings"]!.AsArray(), entry => entry!["check"]!.GetValue<string>() == "ai-cost-not-priced");
    }

    [Fact]
    public async Task Calls_that_never_find_their_outcome_event_are_spend_with_no_outcome_on_the_portfolio()
    {
        var useCase = await NewUseCaseAsync();
        var trace = ActivityTraceId.CreateRandom().ToHexString();
        // Eight days old, naming an event that never came: past the join window.
        var old = OtlpJson.Span(trace, root: false, ("gen_ai.request.model", "gpt-4o-mini"), ("gen_ai.usage.input_tokens", 2_000_000L), ("gen_ai.usage.output_tokens", 0L),
            ("airoi.use_case_id", useCase), ("airoi.event_id", "never-sent"));
        var start = DateTimeOffset.UtcNow.AddDays(-8).ToUnixTimeMilliseconds() * 1_000_000;
        old["startTimeUnixNano"] = start.ToString(System.Globalization.CultureInfo.InvariantCulture);
        old["endTimeUnixNano"] = (start + 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, (await OtlpJson.PostAsync(stack, OtlpJson.Export(old))).Status);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonNode? spend = null;
        while (spend is null && DateTime.UtcNow < deadline)
        {
            var portfolio = await SendAsync(stack, "metrics", HttpMethod.Get, "/api/v1/portfolio");
            spend = portfolio.Status == HttpStatusCode.OK
                ? portfolio.Body["useCases"]!.AsArray().Single(row => row!["id"]!.GetValue<string>() == useCase)!["aiSpendWithNoOutcome"]
                : null;
            await Task.Delay(500);
        }
        Assert.NotNull(spend);
        // 2,000,000 input tokens at the built-in list price of $0.15 a million.
        Assert.Equal((1L, 2_000_000L, 0.30m), (spend["calls"]!.GetValue<long>(), spend["tokens"]!.GetValue<long>(), spend["amount"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task An_event_that_states_its_own_ai_cost_keeps_it()
    {
        var useCase = await NewUseCaseAsync();
        var trace = ActivityTraceId.CreateRandom().ToHexString();
        var stated = Event(useCase, "e", trace);
        stated["aiCost"] = 0.25;
        Assert.Equal(HttpStatusCode.OK, (await PostEventsAsync(stated)).Status);
        await OtlpJson.PostAsync(stack, OtlpJson.Export(OtlpJson.Span(trace, root: false, ("gen_ai.request.model", "gpt-4o-mini"), ("gen_ai.usage.input_tokens", 1_000_000L), ("gen_ai.usage.output_tokens", 0L))));

        var totals = await WaitForAsync(useCase, totals => totals["tracedAiCostNotAdded"]!.GetValue<decimal>() > 0);
        Assert.Equal((0.15m, 0m), (totals["tracedAiCostNotAdded"]!.GetValue<decimal>(), totals["tracedAiCost"]!.GetValue<decimal>()));
        Assert.Equal(0.25, (await CostPerTaskAsync(useCase))!.Value, 9);
    }

    [Fact]
    public async Task Bad_spans_are_refused_by_partial_success_and_bad_exports_by_4xx_never_5xx()
    {
        var useCase = await NewUseCaseAsync();
        var trace = ActivityTraceId.CreateRandom().ToHexString();
        var answer = await OtlpJson.PostAsync(stack, OtlpJson.Export(
            OtlpJson.Span(trace, root: false, ("gen_ai.request.model", "gpt-4o"), ("gen_ai.usage.input_tokens", -5L), ("gen_ai.usage.output_tokens", 1L)),
            OtlpJson.Span(trace, root: false, ("gen_ai.request.model", "gpt-4o"), ("gen_ai.usage.input_tokens", 5L), ("airoi.use_case_id", "not-registered-anywhere"), ("airoi.event_id", "x")),
            OtlpJson.Span(trace, root: false, ("gen_ai.request.model", new string('m', 5_000)), ("gen_ai.usage.input_tokens", 5L)),
            OtlpJson.Span("", root: false, ("gen_ai.request.model", "gpt-4o"), ("gen_ai.usage.input_tokens", 5L)),
            OtlpJson.Span(trace, root: false, ("http.request.method", "GET"), ("url.full", new string('u', 100_000)))));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("4", answer.Node!["partialSuccess"]!["rejectedSpans"]!.ToString());
        var message = answer.Node["partialSuccess"]!["errorMessage"]!.GetValue<string>();
        Assert.Contains("4 of 5 spans refused", message, StringComparison.Ordinal);
        Assert.Contains("gen_ai.usage.input_tokens is -5", message, StringComparison.Ordinal);
        Assert.Contains("'not-registered-anywhere' is not registered", message, StringComparison.Ordinal);

        // A key scoped to another use case may send spans, but not for this one.
        var scoped = await SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/api-keys",
            new JsonObject { ["name"] = "traces elsewhere", ["useCaseIds"] = new JsonArray($"elsewhere-{Guid.NewGuid():N}"[..24]) });
        var outOfScope = await OtlpJson.PostAsync(stack, OtlpJson.Export(OtlpJson.Span(trace, root: false, ("gen_ai.request.model", "gpt-4o"), ("gen_ai.usage.input_tokens", 5L),
            ("airoi.use_case_id", useCase), ("airoi.event_id", "x"))), scoped.Body["key"]!.GetValue<string>());
        Assert.Equal("1", outOfScope.Node!["partialSuccess"]!["rejectedSpans"]!.ToString());
        Assert.Contains($"may not write for use case '{useCase}'", outOfScope.Node["partialSuccess"]!["errorMessage"]!.GetValue<string>(), StringComparison.Ordinal);

        using var client = stack.App.CreateHttpClient("ingestion", "http");
        async Task<HttpStatusCode> PostAsync(byte[] body, string contentType, string? key = DevelopmentKey)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/traces") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            // As exporters of large batches do: the answer to a body over the limit comes before the body is sent.
            request.Headers.ExpectContinue = true;
            if (key is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync([0xFF, 0xFF, 0xFF, 0x0F], "application/x-protobuf"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("{\"resourceSpans\": [{"u8.ToArray(), "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync(new byte[20 * 1024 * 1024], "application/x-protobuf"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await PostAsync("{}"u8.ToArray(), "text/plain"));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("{}"u8.ToArray(), "application/json", key: null));
        // The key in Authorization: Bearer is accepted, as exporters configured by headers send it.
        Assert.Equal(HttpStatusCode.OK, await PostAsync("{}"u8.ToArray(), "application/json"));
    }

    private static void Call(ActivitySource source, string model, long input, long output, long cached = 0, long reasoning = 0)
    {
        using var call = source.StartActivity($"chat {model}", ActivityKind.Client)!;
        call.SetTag("gen_ai.operation.name", "chat").SetTag("gen_ai.provider.name", "acme").SetTag("gen_ai.request.model", model)
            .SetTag("gen_ai.usage.input_tokens", input).SetTag("gen_ai.usage.output_tokens", output);
        if (cached > 0)
        {
            call.SetTag("gen_ai.usage.cache_read.input_tokens", cached);
        }
        if (reasoning > 0)
        {
            call.SetTag("gen_ai.usage.reasoning.output_tokens", reasoning);
        }
    }

    private static JsonObject Event(string useCase, string eventId, string? traceId = null)
    {
        var completed = DateTimeOffset.UtcNow.AddMinutes(-1);
        var outcome = new JsonObject
        {
            ["eventId"] = eventId,
            ["useCaseId"] = useCase,
            ["startedAt"] = completed.AddMinutes(-4).ToString("O"),
            ["completedAt"] = completed.ToString("O"),
            ["handler"] = "ai",
            ["resolved"] = true,
        };
        if (traceId is not null)
        {
            outcome["traceId"] = traceId;
        }
        return outcome;
    }

    private Task<StackAnswer> PostEventsAsync(params JsonObject[] events) =>
        SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/events", new JsonObject { ["events"] = new JsonArray([.. events]) });

    private async Task PriceAsync(string model, string usage, decimal perMillion, long? aboveInputTokens = null, DateTimeOffset? from = null)
    {
        var price = new JsonObject
        {
            ["model"] = model,
            ["usage"] = usage,
            ["perMillionTokens"] = perMillion,
            ["currency"] = "USD",
            ["effectiveFrom"] = (from ?? PricesFrom).ToString("O"),
        };
        if (aboveInputTokens is not null)
        {
            price["aboveInputTokens"] = aboveInputTokens;
        }
        var answer = await SendAsync(stack, "metrics", HttpMethod.Post, "/api/v1/model-prices", price);
        Assert.True(answer.Status == HttpStatusCode.Created, answer.Node?.ToJsonString());
    }

    private async Task<JsonObject> RecomputeAsync(string useCase, bool apply)
    {
        var answer = await SendAsync(stack, "metrics", HttpMethod.Post, "/api/v1/model-prices/recompute", new JsonObject { ["apply"] = apply });
        Assert.True(answer.Status == HttpStatusCode.OK, answer.Node?.ToJsonString());
        return answer.Body["useCases"]!.AsArray().Single(entry => entry!["useCaseId"]!.GetValue<string>() == useCase)!.AsObject();
    }

    private async Task<JsonObject> EventLogAsync(string useCase)
    {
        var deadline = DateTime.UtcNow + StackFixture.StartTimeout;
        while (true)
        {
            var answer = await SendAsync(stack, "metrics", HttpMethod.Get, $"/api/v1/use-cases/{useCase}/event-log");
            if (answer.Status == HttpStatusCode.OK)
            {
                return answer.Body;
            }
            Assert.True(answer.Status == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline, answer.Node?.ToJsonString());
            await Task.Delay(500);
        }
    }

    private async Task<JsonObject> WaitForTracedCostAsync(string useCase, decimal expected)
    {
        var totals = await WaitForAsync(useCase, totals => totals["tracedAiCost"]!.GetValue<decimal>() == expected);
        Assert.Equal(expected, totals["tracedAiCost"]!.GetValue<decimal>());
        return totals;
    }

    private async Task<JsonObject> WaitForAsync(string useCase, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonObject totals;
        do
        {
            totals = await EventLogAsync(useCase);
            if (done(totals))
            {
                return totals;
            }
            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        return totals;
    }

    private async Task<double?> CostPerTaskAsync(string useCase)
    {
        var today = DateTime.UtcNow.Date;
        var answer = await SendAsync(stack, "metrics", HttpMethod.Get,
            $"/api/v1/use-cases/{useCase}/metrics/costPerTask?granularity=month&from={today.AddDays(-2):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.True(answer.Status == HttpStatusCode.OK, answer.Node?.ToJsonString());
        return answer.Array[0]!["overall"]?["value"]?.GetValue<double?>();
    }

    /// <summary>After the restart, the ingestion service's client has found the silo again.</summary>
    private async Task WaitForIngestionAsync(string useCase)
    {
        var deadline = DateTime.UtcNow + StackFixture.StartTimeout;
        while ((await PostEventsAsync(Event(useCase, "after-restart"))).Status != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }
    }

    private async Task<string> NewUseCaseAsync()
    {
        var id = $"uc-{Guid.NewGuid():N}"[..24];
        await StackDatabase.RegisterUseCaseAsync(stack, id);
        return id;
    }
}
