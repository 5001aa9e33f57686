using Microsoft.AspNetCore.Http;

namespace AiRoi.ServiceDefaults.Http;

/// <summary>
/// The problem types every AiRoi API shares: a body that is not JSON or does not fit the request type (answered
/// by <see cref="JsonRequestBody"/>), and a body that fits but breaks the domain's rules (answered by
/// <see cref="ValidationFailure"/>). An API's own rules have their own types next to the API.
/// </summary>
public static class RequestProblems
{
    /// <summary>The body is not JSON at all (syntax error, empty body).</summary>
    public static readonly ProblemType MalformedJson = new("malformed-json", StatusCodes.Status400BadRequest, "The request body is not valid JSON.");

    /// <summary>A value has the wrong JSON type, e.g. a string where a number belongs, or a fraction for a count.</summary>
    public static readonly ProblemType InvalidValue = new("invalid-value", StatusCodes.Status400BadRequest, "A value has the wrong JSON type.");

    /// <summary>A string is not one of the allowed values, e.g. <c>"method": "magic"</c>.</summary>
    public static readonly ProblemType UnknownValue = new("unknown-value", StatusCodes.Status400BadRequest, "A value is not one of the allowed values.");

    /// <summary>The body has a field the API does not know (often a typo, e.g. <c>conversion</c>).</summary>
    public static readonly ProblemType UnknownField = new("unknown-field", StatusCodes.Status400BadRequest, "The request has a field the API does not know.");

    /// <summary>The body is not sent as JSON.</summary>
    public static readonly ProblemType UnsupportedMediaType = new(
        "unsupported-media-type", StatusCodes.Status415UnsupportedMediaType, "The request body must be sent as application/json.");

    /// <summary>The body (or its announced Content-Length) is larger than the server accepts.</summary>
    public static readonly ProblemType RequestTooLarge = new("request-too-large", StatusCodes.Status413PayloadTooLarge, "The request body is too large.");

    /// <summary>The request could not be read as HTTP (a truncated body, a bad header) before any handler saw it.</summary>
    public static readonly ProblemType BadRequest = new("bad-request", StatusCodes.Status400BadRequest, "The request could not be read.");

    /// <summary>A request without a key, or with an unknown or revoked key.</summary>
    public static readonly ProblemType ApiKeyRequired = new("api-key-required", StatusCodes.Status401Unauthorized, "API key required");

    /// <summary>Managing keys needs an admin key.</summary>
    public static readonly ProblemType AdminKeyRequired = new("admin-key-required", StatusCodes.Status403Forbidden, "Admin key required");

    /// <summary>The request names a person it acts for, but its key may not act for people.</summary>
    public static readonly ProblemType ActingPersonNotAllowed = new("acting-person-not-allowed", StatusCodes.Status403Forbidden, "The API key may not act for people");

    /// <summary>A read-only key was sent with a write.</summary>
    public static readonly ProblemType ReadOnlyKey = new("read-only-key", StatusCodes.Status403Forbidden, "The API key only reads");

    /// <summary>The key is scoped to other use cases.</summary>
    public static readonly ProblemType UseCaseNotInKeyScope = new("use-case-not-in-key-scope", StatusCodes.Status403Forbidden, "The API key does not cover these use cases");

    /// <summary>An open endpoint was called too often from one address without a key.</summary>
    public static readonly ProblemType TooManyRequests = new("too-many-requests", StatusCodes.Status429TooManyRequests, "Too many requests");

    /// <summary>
    /// The body is well-formed but breaks one or more of the domain's input rules; <c>errors</c> and <c>codes</c>
    /// name every failing field (see <see cref="ValidationFailure"/>).
    /// </summary>
    public static readonly ProblemType ValidationFailed = new("validation-failed", StatusCodes.Status400BadRequest, "The request breaks one or more input rules.");
}
