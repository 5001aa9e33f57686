using AiRoi.ServiceDefaults.Http;
using AiRoi.Contracts.UseCases;
using AiRoi.Metrics.UseCases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.Metrics.EventLog;

/// <summary>What the use case's grain holds of its log: the position and the running totals.</summary>
public static class EventLogApi
{
    /// <summary>Maps <c>GET /api/v1/use-cases/{id}/event-log</c>.</summary>
    public static IEndpointRouteBuilder MapEventLogApiV1(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/use-cases/{id}/event-log", GetEventLogAsync)
            .WithTags("Event log")
            .RequireUseCaseScope()
            .WithName("GetEventLog")
            .WithSummary("The use case's log position and running totals, as its grain holds them in memory.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<UseCaseTotals>, ProblemHttpResult>> GetEventLogAsync(string id, IGrainFactory grains)
    {
        var grain = grains.GetGrain<IUseCaseGrain>(id);
        if (await grain.GetWriteStatusAsync() == UseCaseWriteStatus.Unknown)
        {
            throw UseCaseAnswers.NotFound(id);
        }
        return TypedResults.Ok(await grain.GetTotalsAsync());
    }
}
