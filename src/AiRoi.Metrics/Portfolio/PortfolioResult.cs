using AiRoi.Domain;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AiRoi.Domain.Portfolio;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Roi;
using AiRoi.Metrics.Reports;

namespace AiRoi.Metrics.Portfolio;

/// <summary>
/// Writes a <see cref="PortfolioReport"/> whose rows were serialized once per summary. A grain keeps its summary
/// object until its data, configuration or day changes, so the row's JSON is cached against that object (weakly:
/// it goes when the summary does) and a portfolio of a thousand use cases writes mostly cached bytes.
/// </summary>
public sealed class PortfolioResult(
    DateOnly asOf, IReadOnlyList<UseCaseSummary> useCases, PortfolioRoi totals, PortfolioRoi totalsSinceGoLive, IReadOnlyDictionary<string, int> health,
    string currency, IReadOnlyDictionary<string, int> notAdded)
    : IResult
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

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        // The response's pipe: writes go to its buffer, so nothing here blocks on the socket.
        var body = httpContext.Response.BodyWriter;
        await using var writer = new Utf8JsonWriter(body);
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
        await writer.FlushAsync(httpContext.RequestAborted);
        await body.FlushAsync(httpContext.RequestAborted);
    }
}
