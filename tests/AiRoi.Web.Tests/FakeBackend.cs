using System.Net;
using System.Text;

namespace AiRoi.Web.Tests;

/// <summary>
/// Answers a backend client's HTTP calls from canned bodies by path and records every request, so a test can say
/// what the page asked for and whether a refused write reached the backend at all.
/// </summary>
public sealed class FakeBackend : HttpMessageHandler
{
    private readonly Dictionary<string, (HttpStatusCode Status, string Body)> answers = new(StringComparer.Ordinal);

    /// <summary>Every request sent, as "METHOD path?query", with its body.</summary>
    public List<(string Request, string? Body)> Requests { get; } = [];

    /// <summary>Every request's headers, in the order of <see cref="Requests"/>.</summary>
    public List<Dictionary<string, string>> Headers { get; } = [];

    /// <summary>Answers requests whose path (without query) is <paramref name="path"/>.</summary>
    public FakeBackend Answer(string path, string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        answers[path] = (status, json);
        return this;
    }

    /// <summary>A client on this handler, as the typed clients get.</summary>
    public HttpClient Client(string service = "metrics") => new(this) { BaseAddress = new Uri($"http://{service}") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(($"{request.Method} {request.RequestUri!.PathAndQuery}", body));
        Headers.Add(request.Headers.ToDictionary(header => header.Key, header => string.Join(",", header.Value), StringComparer.OrdinalIgnoreCase));
        var (status, json) = answers.TryGetValue(request.RequestUri.AbsolutePath, out var answer)
            ? answer
            : (HttpStatusCode.NotFound, """{"title":"Not found","status":404}""");
        return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
