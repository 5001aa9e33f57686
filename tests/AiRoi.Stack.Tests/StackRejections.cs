using System.Net;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;

namespace AiRoi.Stack.Tests;

/// <summary>The ingestion service's count of refused events, as <c>GET /api/v1/rejections</c> answers it.</summary>
public static class StackRejections
{
    /// <summary>The whole answer for the last <paramref name="days"/>, read with <paramref name="key"/>.</summary>
    public static async Task<JsonObject> ReadAsync(StackFixture stack, string key = "airoi-dev-key", int days = 30)
    {
        using var client = stack.App.CreateHttpClient("ingestion", "http");
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/rejections?days={days}");
        request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token))!.AsObject();
    }

    /// <summary>Per reason code and source (<c>code/source</c>), the events refused for <paramref name="useCase"/>; empty when none.</summary>
    public static async Task<Dictionary<string, long>> ByReasonAsync(StackFixture stack, string useCase, string key = "airoi-dev-key") =>
        ByReason(await ReadAsync(stack, key), useCase);

    /// <summary>Per <c>code/source</c>, the events refused for <paramref name="useCase"/> in an answer.</summary>
    public static Dictionary<string, long> ByReason(JsonObject answer, string useCase) =>
        answer["useCases"]!.AsArray()
            .Where(entry => entry!["useCaseId"]!.GetValue<string>() == useCase)
            .SelectMany(entry => entry!["reasons"]!.AsArray())
            .ToDictionary(reason => $"{reason!["code"]!.GetValue<string>()}/{reason["source"]!.GetValue<string>()}", reason => reason!["events"]!.GetValue<long>());
}
