using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiRoi.Experiments.Analysis;

/// <summary>
/// Enums on the wire as kebab-case strings (<c>benjamini-hochberg</c>). Integers are refused: <c>"method": 1</c>
/// would silently depend on the order of the enum's members.
/// </summary>
internal sealed class KebabCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
