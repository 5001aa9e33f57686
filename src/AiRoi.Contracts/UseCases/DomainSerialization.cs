using AiRoi.Domain;
using System.Text.Json;
using System.Text.Json.Serialization;
using AiRoi.Domain.Events;
using Orleans.Serialization;

namespace AiRoi.Contracts.UseCases;

/// <summary>
/// How the pure domain's types (reports, baselines, annotations, query arguments) cross grain calls: as JSON, so
/// that AiRoi.Domain needs no Orleans attributes (ADR-0013). Every silo and client registers it.
/// </summary>
public static class DomainSerialization
{
    /// <summary>The JSON form on grain calls: web defaults and enums by name; NaN allowed so no figure can fail a call.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>
    /// Serializes every type of the <c>AiRoi.Domain</c> and <c>AiRoi.Statistics</c> namespaces (the figures reports
    /// carry) with <see cref="Options"/>, except outcome events, which travel in bulk and have a binary codec
    /// (<see cref="OutcomeEventCodec"/>).
    /// </summary>
    public static ISerializerBuilder AddDomainJson(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(
            isSupported: type => type != typeof(OutcomeEvent) && type.Namespace is { } name
                && (name.StartsWith("AiRoi.Domain", StringComparison.Ordinal) || name.StartsWith("AiRoi.Statistics", StringComparison.Ordinal)),
            jsonSerializerOptions: Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(WireJson.EnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
