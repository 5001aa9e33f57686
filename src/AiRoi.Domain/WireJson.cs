using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiRoi.Domain;

/// <summary>
/// AiRoi's one JSON policy: camelCase field names, enums as kebab-case names (<c>customer-service</c>, integers
/// refused: they would depend on the order of the members), numbers as JSON numbers. It comes in three variants
/// that differ only in how absent values and unknown fields are treated, each for one direction of the wire:
/// <list type="bullet">
/// <item><see cref="Options"/>: what the APIs read and the database stores (outcome events, use cases,
/// experiments): unknown fields refused, so a typo is an error, and absent optional values left out.</item>
/// <item><see cref="Answers"/>: what the APIs answer: missing figures written as <c>null</c>, so a tile can say
/// "no data" rather than show 0.</item>
/// <item><see cref="Client"/>: what a client of the APIs (the web) writes and reads: absent values left out, and
/// answers read even when they carry fields the client does not know yet.</item>
/// </list>
/// </summary>
public static class WireJson
{
    /// <summary>The naming of enum values on the wire.</summary>
    public static readonly JsonNamingPolicy EnumNaming = JsonNamingPolicy.KebabCaseLower;

    /// <summary>Requests the APIs read and documents the database stores.</summary>
    public static readonly JsonSerializerOptions Options = Create(strict: true, writeNulls: false);

    /// <summary>Answers the APIs write.</summary>
    public static readonly JsonSerializerOptions Answers = Create(strict: false, writeNulls: true);

    /// <summary>What a client of the APIs writes and reads.</summary>
    public static readonly JsonSerializerOptions Client = Create(strict: false, writeNulls: false);

    /// <summary>Applies the policy to options a framework owns (ASP.NET Core's, for the answers minimal APIs write).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(EnumConverter());
    }

    /// <summary>The converter of every enum: kebab-case names, integers refused.</summary>
    public static JsonStringEnumConverter EnumConverter() => new(EnumNaming, allowIntegerValues: false);

    /// <summary>The wire name of an enum value (<c>at-risk</c>).</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => EnumNames<TEnum>.Of(value);

    /// <summary>The enum value with this wire name, or null.</summary>
    public static TEnum? Parse<TEnum>(string? text) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(value => Name(value!.Value) == text);

    private static JsonSerializerOptions Create(bool strict, bool writeNulls)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.Strict,
            DefaultIgnoreCondition = writeNulls ? JsonIgnoreCondition.Never : JsonIgnoreCondition.WhenWritingNull,
        };
        if (strict)
        {
            options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        }
        options.Converters.Add(EnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The wire names of an enum's values, made once: names are asked for per event.</summary>
    private static class EnumNames<TEnum> where TEnum : struct, Enum
    {
        private static readonly Dictionary<TEnum, string> Names = Create();

        public static string Of(TEnum value) => Names.TryGetValue(value, out var name) ? name : EnumNaming.ConvertName(value.ToString());

        private static Dictionary<TEnum, string> Create()
        {
            var names = new Dictionary<TEnum, string>();
            foreach (var value in Enum.GetValues<TEnum>())
            {
                names.TryAdd(value, EnumNaming.ConvertName(value.ToString()));
            }
            return names;
        }
    }
}
