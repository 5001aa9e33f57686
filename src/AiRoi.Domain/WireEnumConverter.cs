using System.Text.Json.Serialization;

namespace AiRoi.Domain;

/// <summary>
/// <see cref="WireJson"/>'s enum naming for one enum, for a <c>[JsonConverter]</c> attribute on a property that
/// must keep it whatever options read the document.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class WireEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(WireJson.EnumNaming, allowIntegerValues: false)
    where TEnum : struct, Enum;
