using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace AiRoi.Experiments.Analysis;

/// <summary>
/// Reads a JSON request body itself rather than through parameter binding: a body that does not bind then answers
/// a problem detail naming the JSON path (binding failures would be a bare 400, or a 500 when set to throw).
/// </summary>
internal static partial class JsonRequestBody
{
    /// <exception cref="AnalysisInputException">The body is not JSON, or does not fit <typeparamref name="T"/>.</exception>
    public static async Task<T> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            var sent = string.IsNullOrEmpty(request.ContentType) ? "no Content-Type" : $"'{request.ContentType}'";
            throw new AnalysisInputException(
                AnalysisProblems.UnsupportedMediaType, "$", $"Send the body as application/json; the request has {sent}.");
        }

        T? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken);
        }
        catch (JsonException exception)
        {
            throw Describe(exception, typeof(T), options);
        }

        return body ?? throw new AnalysisInputException(AnalysisProblems.InvalidValue, "$", "The request body must be a JSON object, not null.");
    }

    /// <summary>Names the failing path and tells a syntax error, an unknown field, an unknown enum string and a wrong type apart.</summary>
    internal static AnalysisInputException Describe(JsonException exception, Type bodyType, JsonSerializerOptions options)
    {
        var path = exception.Path ?? "$";
        var field = FieldOf(path);

        // The reader's own errors (syntax, empty body, truncated input) arrive wrapped around a JsonException.
        if (exception.InnerException is JsonException)
        {
            var position = exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})" : "";
            return new AnalysisInputException(AnalysisProblems.MalformedJson, field, $"The body is not valid JSON at {path}{position}.");
        }

        var (target, unknownMember) = Resolve(bodyType, path, options);
        if (unknownMember)
        {
            return new AnalysisInputException(
                AnalysisProblems.UnknownField, field, $"{field} is not a field of this request; the OpenAPI document lists the fields.");
        }

        var type = target is null ? null : Nullable.GetUnderlyingType(target) ?? target;
        if (type is { IsEnum: true })
        {
            var allowed = string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.KebabCaseLower.ConvertName));
            return new AnalysisInputException(AnalysisProblems.UnknownValue, field, $"{field} must be one of: {allowed}.");
        }

        var expected = type is null ? "another JSON type" : JsonKindOf(type);
        return new AnalysisInputException(AnalysisProblems.InvalidValue, field, $"{field} must be {expected}.");
    }

    /// <summary><c>$.variants[1].n</c> → <c>variants[1].n</c>, the form the engine's fields take; the root stays <c>$</c>.</summary>
    private static string FieldOf(string path) =>
        path == "$" ? path : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path[1..];

    /// <summary>
    /// Follows the path through the serializer's own contract for the body type; <c>UnknownMember</c> is true when
    /// the last step names a property the object does not have.
    /// </summary>
    private static (Type? Target, bool UnknownMember) Resolve(Type bodyType, string path, JsonSerializerOptions options)
    {
        Type? type = bodyType;
        foreach (Match step in PathStep().Matches(path))
        {
            var contract = options.GetTypeInfo(type);
            if (step.Groups["index"].Success)
            {
                type = contract.ElementType;
            }
            else
            {
                var name = step.Groups["name"].Success ? step.Groups["name"].Value : step.Groups["quoted"].Value;
                var property = contract.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                if (property is null)
                {
                    return (null, contract.Kind == JsonTypeInfoKind.Object);
                }

                type = property.PropertyType;
            }

            if (type is null)
            {
                return (null, false);
            }
        }

        return (type, false);
    }

    private static string JsonKindOf(Type type) => type switch
    {
        _ when type == typeof(long) || type == typeof(int) => "a whole number",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(string) => "a string",
        _ when type == typeof(bool) => "true or false",
        _ when typeof(IEnumerable).IsAssignableFrom(type) => "an array",
        _ => "an object",
    };

    // The serializer writes paths as $.name, $['odd name'] and [index].
    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();
}
