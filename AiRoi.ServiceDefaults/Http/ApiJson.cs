using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiRoi.ServiceDefaults.Http;

/// <summary>
/// The JSON policy of answers that minimal APIs write themselves (<c>TypedResults.Ok</c>, <c>Created</c>) and of
/// bodies they bind: numbers are JSON numbers, not strings that look like numbers (the OpenAPI document then says
/// so too), and enums are their kebab-case wire names, integers refused.
/// </summary>
public static class ApiJson
{
    /// <summary>Applies the policy to the service's HTTP JSON options.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
    }
}
