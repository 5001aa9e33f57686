using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.ServiceDefaults.Http;

/// <summary>
/// One kind of problem an AiRoi API answers with (RFC 9457). The <see cref="Type"/> URI is part of the contract:
/// clients switch on it, so a slug is never renamed or reused, only added.
/// </summary>
/// <param name="Slug">The URI's last part: <c>malformed-json</c>, <c>analysis/too-few-units</c>.</param>
/// <param name="Status">The HTTP status of the answer.</param>
/// <param name="Title">The short, fixed summary sent as <c>title</c>; the specifics go in <c>detail</c>.</param>
public sealed record ProblemType(string Slug, int Status, string Title)
{
    /// <summary>What every problem type URI starts with.</summary>
    public const string UriPrefix = "https://airoi.dev/problems/";

    /// <summary>The RFC 9457 <c>type</c> URI, e.g. <c>https://airoi.dev/problems/validation-failed</c>.</summary>
    public string Type => UriPrefix + Slug;

    /// <summary>The problem detail answer: this type, status and title, with <paramref name="detail"/> and any further members.</summary>
    public ProblemHttpResult ToProblem(string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: Status, title: Title, type: Type,
            extensions: extensions is null ? null : new Dictionary<string, object?>(extensions));
}
