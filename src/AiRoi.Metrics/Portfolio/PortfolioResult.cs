using AiRoi.Domain;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AiRoi.Domain.Portfolio;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Roi;
using AiRoi.Metrics.Reports;

namespace AiRoi.Metrics.Portfolio;

/// <summary>
/// A <see cref="PortfolioReport"/> as JSON bytes, written as they are. Its rows are serialized once per summary: a
/// grain keeps its summary object until its data, configuration or day changes, so a row's JSON is cached against
/// that object (weakly: it goes when the summary does) and a portfolio of a thousand use cases is made mostly of
/// cached bytes; the whole answer is kept too (<see cref="PortfolioAnswers"/>).
/// </summary>
public sealed class PortfolioResult(byte[] json) : IResult
{
    /// <summary>The report's JSON form, leaving out absent figures.</summary>
    public static readonly JsonSerializerOptions Json = new(WireJson.Answers)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly ConditionalWeakTable<UseCaseSummary, byte[]> Rows = [];

    /// <summary>The JSON of a summary's portfolio row.</summary>
    public static byte[] RowJson(UseCaseSummary summary) =>
        Rows.GetValue(summary, key => JsonSerializer.SerializeToUtf8Bytes(PortfolioUseCase.From(key), Json));

    /// <summary>The report's JSON.</summary>
    public static byte[] Serialize(
        DateOnly asOf, IReadOnlyList<UseCaseSummary> useCases, PortfolioRoi totals, PortfolioRoi totalsSinceGoLive,
        IReadOnlyDictionary<string, int> health, string currency, IReadOnlyDictionary<string, int> notAdded)
    {
        ArgumentNullException.ThrowIfNull(useCases);
        var buffer = new ArrayBufferWriter<byte>(64 + useCases.Sum(useCase => RowJson(useCase).Length + 1) + 4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("asOf", asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("currency", currency);
            writer.WritePropertyName("notAdded");
            JsonSerializer.Serialize(writer, notAdded, Json);
            writer.WritePropertyName("useCases");
            writer.WriteStartArray();
            foreach (var useCase in useCases)
            {
                writer.WriteRawValue(RowJson(useCase), skipInputValidation: true);
            }
            writer.WriteEndArray();
            writer.WritePropertyName("totals");
            JsonSerializer.Serialize(writer, totals, Json);
            writer.WritePropertyName("totalsSinceGoLive");
            JsonSerializer.Serialize(writer, totalsSinceGoLive, Json);
            writer.WritePropertyName("health");
            JsonSerializer.Serialize(writer, health, Json);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = json.Length;
        await httpContext.Response.BodyWriter.WriteAsync(json, httpContext.RequestAborted);
    }
}
