using AiRoi.Domain;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AiRoi.Web.Accounts;

namespace AiRoi.Web.Backends;

/// <summary>
/// What every backend client shares: JSON in and out, problem details read into <see cref="BackendProblem"/>, and
/// the <see cref="AccessGate"/> asked before every write, so a viewer's write is refused here even if a page
/// offered it.
/// </summary>
public abstract class BackendClient(HttpClient http, AccessGate gate, string service)
{
    /// <summary>The header naming the signed-in person a write is made for (percent-encoded UTF-8).</summary>
    public const string ActingPersonHeader = "X-Acting-Person";

    /// <summary>Reads <paramref name="path"/> as <typeparamref name="T"/>.</summary>
    protected async Task<BackendAnswer<T>> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync<T>(request, cancellationToken);
    }

    /// <summary>Reads <paramref name="path"/> as text (CSV exports).</summary>
    protected async Task<BackendAnswer<string>> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(path, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode ? new(text, null) : new(null, BackendProblem.Read(response.StatusCode, text));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return new(default, BackendProblem.Unreachable(service, exception));
        }
    }

    /// <summary>
    /// Writes <paramref name="body"/> (JSON) when the signed-in account holds <paramref name="permission"/>;
    /// <paramref name="revision"/>, when given, is sent as <c>If-Match</c> so a change made meanwhile by someone else is
    /// refused (412) rather than overwritten.
    /// </summary>
    protected async Task<BackendAnswer<T>> WriteAsync<T>(
        HttpMethod method, string path, object? body, string permission, CancellationToken cancellationToken, int? revision = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (revision is { } expected)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{expected}\"");
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: WireJson.Client);
        }
        return await WriteAsync<T>(request, permission, cancellationToken);
    }

    /// <summary>Writes <paramref name="text"/> with <paramref name="contentType"/> (CSV imports).</summary>
    protected async Task<BackendAnswer<T>> WriteTextAsync<T>(
        string path, string text, string contentType, string permission, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(text, Encoding.UTF8, contentType),
        };
        return await WriteAsync<T>(request, permission, cancellationToken);
    }

    private async Task<BackendAnswer<T>> WriteAsync<T>(HttpRequestMessage request, string permission, CancellationToken cancellationToken)
    {
        try
        {
            // The backends record the person, vouched for by the web's key, as the change's author (ADR-0024).
            var user = await gate.DemandAsync(permission);
            request.Headers.Add(ActingPersonHeader, Uri.EscapeDataString(user.Identity!.Name!));
        }
        catch (AccessRefusedException refused)
        {
            return new(default, BackendProblem.Refused(refused.Message));
        }
        return await SendAsync<T>(request, cancellationToken);
    }

    private async Task<BackendAnswer<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new(default, BackendProblem.Read(response.StatusCode, text));
            }
            return new(string.IsNullOrWhiteSpace(text) ? default : JsonSerializer.Deserialize<T>(text, WireJson.Client), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return new(default, BackendProblem.Unreachable(service, exception));
        }
        catch (JsonException exception)
        {
            return new(default, new BackendProblem(502, $"The {service} service answered in an unexpected form", exception.Message, new Dictionary<string, string[]>()));
        }
    }

    /// <summary>A query string from the values that are set, escaped.</summary>
    protected static string Query(params (string Name, string? Value)[] parameters)
    {
        var set = parameters.Where(parameter => !string.IsNullOrEmpty(parameter.Value))
            .Select(parameter => $"{parameter.Name}={Uri.EscapeDataString(parameter.Value!)}")
            .ToList();
        return set.Count == 0 ? string.Empty : "?" + string.Join("&", set);
    }

    /// <summary>A path segment, escaped.</summary>
    protected static string Segment(string value) => Uri.EscapeDataString(value);
}
