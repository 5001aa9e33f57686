using AiRoi.Domain;
using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace AiRoi.ServiceDefaults.Http;

/// <summary>
/// Reads a JSON request body itself rather than through parameter binding: a body that does not bind then answers
/// a problem detail naming the JSON path (binding failures would be a bare 400, or a 500 when set to throw). See
/// ADR-0006.
/// </summary>
/// <remarks>
/// Unknown fields and strict numbers are the caller's <see cref="JsonSerializerOptions"/> (or the request type's
/// attributes): <c>UnmappedMemberHandling = Disallow</c> and <c>NumberHandling = Strict</c>. Whatever the options, a
/// body is refused when it names a field twice (which value would count is a guess) or when a string carries a
/// control character other than tab, line feed and carriage return (a NUL cannot even be stored).
/// </remarks>
public static partial class JsonRequestBody
{
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> Guarded = new();

    /// <summary>Reads the body as <typeparamref name="T"/>.</summary>
    /// <exception cref="ProblemException">
    /// The body is not sent as JSON (<see cref="RequestProblems.UnsupportedMediaType"/>), is not JSON
    /// (<see cref="RequestProblems.MalformedJson"/>), or does not fit <typeparamref name="T"/>: an unknown field,
    /// an unknown enum string, or a value of the wrong JSON type, each naming the JSON path.
    /// </exception>
    public static async Task<T> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            var sent = string.IsNullOrEmpty(request.ContentType) ? "no Content-Type" : $"'{request.ContentType}'";
            throw new ProblemException(
                RequestProblems.UnsupportedMediaType, "$", $"Send the body as application/json; the request has {sent}.");
        }

        T? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<T>(request.Body, GuardedOf(options), cancellationToken);
        }
        catch (JsonException exception)
        {
            throw Describe(exception, typeof(T), GuardedOf(options));
        }

        return body ?? throw new ProblemException(RequestProblems.InvalidValue, "$", "The request body must be a JSON object, not null.");
    }

    /// <summary>The caller's options with duplicate fields and control characters refused; made once per options.</summary>
    private static JsonSerializerOptions GuardedOf(JsonSerializerOptions options) => Guarded.GetValue(options, original =>
    {
        var guarded = new JsonSerializerOptions(original) { AllowDuplicateProperties = false };
        guarded.Converters.Add(new TextWithoutControlCharacters());
        guarded.MakeReadOnly(populateMissingResolver: true);
        return guarded;
    });

    /// <summary>Names the failing path and tells a syntax error, an unknown field, an unknown enum string and a wrong type apart.</summary>
    private static ProblemException Describe(JsonException exception, Type bodyType, JsonSerializerOptions options)
    {
        var path = exception.Path ?? "$";
        var field = FieldOf(path);
        if (exception.InnerException is ControlCharacterException || exception is ControlCharacterException)
        {
            return new ProblemException(
                RequestProblems.InvalidValue, field, $"{field} contains a control character (such as NUL); text may hold tab, line feed and carriage return only.");
        }
        if (exception.Message.Contains("Duplicate", StringComparison.Ordinal))
        {
            // System.Text.Json's refusal of a repeated field (AllowDuplicateProperties = false) has no type of its own.
            return new ProblemException(RequestProblems.MalformedJson, field, $"{field} appears more than once in the body; send each field once.");
        }

        // The reader's own errors (syntax, empty body, truncated input) arrive wrapped around a JsonException.
        if (exception.InnerException is JsonException)
        {
            var position = exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})" : "";
            return new ProblemException(RequestProblems.MalformedJson, field, $"The body is not valid JSON at {path}{position}.");
        }

        var (target, unknownMember) = Resolve(bodyType, path, options);
        if (unknownMember)
        {
            return new ProblemException(
                RequestProblems.UnknownField, field, $"{field} is not a field of this request; the OpenAPI document lists the fields.");
        }

        var type = target is null ? null : Nullable.GetUnderlyingType(target) ?? target;
        if (type is { IsEnum: true })
        {
            var allowed = string.Join(", ", Enum.GetNames(type).Select(WireJson.EnumNaming.ConvertName));
            return new ProblemException(RequestProblems.UnknownValue, field, $"{field} must be one of: {allowed}.");
        }

        var expected = type is null ? "another JSON type" : JsonKindOf(type);
        return new ProblemException(RequestProblems.InvalidValue, field, $"{field} must be {expected}.");
    }

    /// <summary><c>$.variants[1].n</c> → <c>variants[1].n</c>, the form validation errors take; the root stays <c>$</c>.</summary>
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
            else if (contract.Kind == JsonTypeInfoKind.Dictionary)
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
        _ when type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte) => "a whole number",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
        _ when type == typeof(DateOnly) => "a date such as \"2025-01-31\"",
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "an ISO 8601 date and time such as \"2025-01-31T09:30:00Z\"",
        _ when type == typeof(string) => "a string",
        _ when type == typeof(bool) => "true or false",
        _ when typeof(IDictionary).IsAssignableFrom(type) || IsGenericDictionary(type) => "an object",
        _ when typeof(IEnumerable).IsAssignableFrom(type) => "an array",
        _ => "an object",
    };

    private static bool IsGenericDictionary(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType &&
            (i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IDictionary<,>)));

    // The serializer writes paths as $.name, $['odd name'] and [index].
    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();

    /// <summary>Reads strings, refusing control characters other than tab, line feed and carriage return.</summary>
    private sealed class TextWithoutControlCharacters : System.Text.Json.Serialization.JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException();
            }
            var text = reader.GetString()!;
            return text.Any(character => char.IsControl(character) && character is not ('\t' or '\n' or '\r'))
                ? throw new ControlCharacterException()
                : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>A string with a control character; its own type so that the refusal can say so.</summary>
    private sealed class ControlCharacterException : JsonException;
}
