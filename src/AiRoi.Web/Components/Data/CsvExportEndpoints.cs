using AiRoi.Domain;
using AiRoi.Web.Accounts;
using AiRoi.Web.Backends;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.Web.Components.Data;

/// <summary>
/// CSV downloads of a use case's metric tables, for any signed-in account: every metric's KPI figures, and one
/// metric by week or month. Figures are written unformatted (invariant numbers), ready for a spreadsheet.
/// </summary>
public static class CsvExportEndpoints
{
    /// <summary>The address of a use case's metrics table as CSV.</summary>
    public static string MetricsPath(string useCaseId) => $"/export/use-cases/{Uri.EscapeDataString(useCaseId)}/metrics.csv";

    /// <summary>The address of one metric's series as CSV.</summary>
    public static string SeriesPath(string useCaseId, string metric, string granularity) =>
        $"/export/use-cases/{Uri.EscapeDataString(useCaseId)}/series/{Uri.EscapeDataString(metric)}.csv?granularity={granularity}";

    /// <summary>Maps the downloads.</summary>
    public static IEndpointRouteBuilder MapCsvExportEndpoints(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/export/use-cases/{id}").RequireAuthorization(WebPermission.Read);
        export.MapGet("/metrics.csv", MetricsAsync);
        export.MapGet("/series/{metric}.csv", SeriesAsync);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> MetricsAsync(string id, MetricsClient metrics, CancellationToken cancellationToken)
    {
        var answer = await metrics.MetricsAsync(id, keyOnly: false, cancellationToken);
        if (answer.Value is not { } tiles)
        {
            return Refused(answer.Problem!);
        }
        var csv = CsvTable.Write(
            ["metric", "name", "kind", "role", "unit", "last28Days", "low", "high", "events", "baseline", "baselineVersion", "change"],
            tiles.Select(tile => (IReadOnlyList<object?>)
            [
                tile.Metric.Key, tile.Metric.Name, WireJson.Name(tile.Metric.Kind), WireJson.Name(tile.Metric.Role), WireJson.Name(tile.Metric.Unit),
                tile.Current.Value, tile.Current.Low, tile.Current.High, tile.Current.N, tile.Baseline?.Value, tile.Baseline?.Version, tile.Change,
            ]));
        return File(csv, $"{id}-metrics.csv");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SeriesAsync(
        string id, string metric, string? granularity, MetricsClient metrics, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var answer = await metrics.SeriesAsync(id, metric, granularity is "month" or "day" or "quarter" ? granularity : "week", today.AddDays(-364), today, null, cancellationToken);
        if (answer.Value is not { } series)
        {
            return Refused(answer.Problem!);
        }
        var csv = CsvTable.Write(["metric", "group", "periodStart", "value", "low", "high", "events"],
            series.SelectMany(group => group.Points.Select(point => (IReadOnlyList<object?>)
                [group.MetricKey, group.Group, point.PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), point.Value, point.Low, point.High, point.N])));
        return File(csv, $"{id}-{metric}.csv");
    }

    private static FileContentHttpResult File(string csv, string name) =>
        TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", name);

    private static ProblemHttpResult Refused(BackendProblem problem) =>
        TypedResults.Problem(statusCode: problem.Status, title: problem.Title, detail: problem.Detail);
}
