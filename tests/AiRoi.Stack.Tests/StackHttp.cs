using System.Net.Http.Json;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;

namespace AiRoi.Stack.Tests;

/// <summary>An HTTP answer of a stack service: its status and its JSON body, if any.</summary>
public sealed record StackAnswer(HttpStatusCode Status, JsonNode? Node)
{
    /// <summary>The body as an object (a result or a problem detail).</summary>
    public JsonObject Body => Node as JsonObject ?? throw new InvalidOperationException($"Expected an object, got {Node?.ToJsonString()}");

    /// <summary>The body as an array.</summary>
    public JsonArray Array => Node as JsonArray ?? throw new InvalidOperationException($"Expected an array, got {Node?.ToJsonString()}");
}

/// <summary>Calls a stack service with JSON, as a client with the development key (or the given key, or none) would.</summary>
public static class StackHttp
{
    /// <summary>The key every service accepts in Development.</summary>
    public const string DevelopmentKey = "airoi-dev-key";

    /// <summary>Sends one request, bounded by <see cref="StackFixture.CallTimeout"/>; <paramref name="actingPerson"/>, when given, is sent as <c>X-Acting-Person</c> as is.</summary>
    public static async Task<StackAnswer> SendAsync(
        StackFixture stack, string service, HttpMethod method, string path, JsonNode? body = null, string? key = DevelopmentKey, string? actingPerson = null)
    {
        using var client = stack.App.CreateHttpClient(service, "http");
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        if (actingPerson is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Acting-Person", actingPerson);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request, timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        return new StackAnswer(response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }

    /// <summary>Every operation (service, upper-case method, path template) the three APIs' OpenAPI documents list.</summary>
    public static async Task<IReadOnlyList<(string Service, string Method, string Path)>> OperationsAsync(StackFixture stack)
    {
        var operations = new List<(string, string, string)>();
        foreach (var service in new[] { "ingestion", "metrics", "experiments" })
        {
            using var client = stack.App.CreateHttpClient(service, "http");
            var document = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json");
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                operations.AddRange(path.Value.EnumerateObject().Select(method => (service, method.Name.ToUpperInvariant(), path.Name)));
            }
        }
        return operations;
    }

    /// <summary>A client of <paramref name="service"/> that sends the development key with every request: every API read needs a key.</summary>
    public static HttpClient Client(StackFixture stack, string service)
    {
        var client = stack.App.CreateHttpClient(service, "http");
        client.DefaultRequestHeaders.Add("X-Api-Key", DevelopmentKey);
        return client;
    }

    /// <summary>
    /// Posts <paramref name="content"/> as it is (any type, any size, no Content-Type at all), with
    /// <paramref name="key"/> sent unvalidated and <c>Expect: 100-continue</c>, as a careful client sends a large body
    /// the server may refuse before it is sent.
    /// </summary>
    public static async Task<(HttpStatusCode Status, JsonNode? Body)> SendContentAsync(
        StackFixture stack, string service, string path, HttpContent content, string key = DevelopmentKey)
    {
        using var client = stack.App.CreateHttpClient(service, "http");
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request, timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        return (response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }
}
