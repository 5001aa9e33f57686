using System.Net;
using System.Text.Json;

namespace AiRoi.Web.Backends;

/// <summary>
/// A refusal or failure from a backend, read from its RFC 9457 problem details: the message for the page and the
/// messages per field (<c>errors</c>), which forms show next to the field they name.
/// </summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Title">The problem's title.</param>
/// <param name="Detail">What went wrong, in a sentence; may be null.</param>
/// <param name="Errors">Messages by field name as the backend spells it (<c>targets[0].value</c>).</param>
public sealed record BackendProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    /// <summary>What a person reads: the detail, else the title.</summary>
    public string Message => string.IsNullOrWhiteSpace(Detail) ? Title : Detail;

    /// <summary>The messages for <paramref name="field"/> (case-insensitive; JSON is camelCase, forms may not be).</summary>
    public IReadOnlyList<string> For(string field) =>
        Errors.Where(pair => string.Equals(pair.Key, field, StringComparison.OrdinalIgnoreCase)).SelectMany(pair => pair.Value).ToList();

    /// <summary>
    /// The web's own refusal of what was typed, before anything is sent: messages by field (as the API would key
    /// them, so each shows under its field); null when there is none.
    /// </summary>
    public static BackendProblem? Typed(IReadOnlyDictionary<string, string> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return messages.Count == 0
            ? null
            : new((int)HttpStatusCode.BadRequest, "Some fields need attention", null,
                messages.ToDictionary(pair => pair.Key, pair => new[] { pair.Value }, StringComparer.Ordinal));
    }

    /// <summary>A refusal by the web itself (no backend was asked).</summary>
    public static BackendProblem Refused(string message) => new((int)HttpStatusCode.Forbidden, "Not allowed", message, NoErrors);

    /// <summary>A backend that did not answer.</summary>
    public static BackendProblem Unreachable(string service, Exception exception) =>
        new((int)HttpStatusCode.ServiceUnavailable, $"The {service} service did not answer", exception.Message, NoErrors);

    /// <summary>Reads a problem body; a body that is not one still gives the status and a title.</summary>
    public static BackendProblem Read(HttpStatusCode status, string body)
    {
        var title = $"{(int)status} {status}";
        string? detail = null;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("title", out var titleElement) && titleElement.ValueKind == JsonValueKind.String)
                {
                    title = titleElement.GetString()!;
                }
                if (root.TryGetProperty("detail", out var detailElement) && detailElement.ValueKind == JsonValueKind.String)
                {
                    detail = detailElement.GetString();
                }
                if (root.TryGetProperty("errors", out var errorsElement) && errorsElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in errorsElement.EnumerateObject())
                    {
                        errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? field.Value.EnumerateArray().Select(message => message.ToString()).ToArray()
                            : [field.Value.ToString()];
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page, say): the status line is all there is to tell.
            detail = string.IsNullOrWhiteSpace(body) ? null : body.Length > 300 ? body[..300] : body;
        }
        return new((int)status, title, detail, errors);
    }
}

/// <summary>A backend's answer: the value, or the problem that stopped it.</summary>
/// <typeparam name="T">The answer's type.</typeparam>
/// <param name="Value">The answer on success.</param>
/// <param name="Problem">The problem otherwise.</param>
public sealed record BackendAnswer<T>(T? Value, BackendProblem? Problem)
{
    /// <summary>Whether the backend answered with success.</summary>
    public bool Succeeded => Problem is null;
}
