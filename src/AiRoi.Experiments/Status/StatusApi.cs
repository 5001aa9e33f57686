using AiRoi.ServiceDefaults;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AiRoi.Experiments.Status;

/// <summary>What the experiment service depends on, as it sees it now.</summary>
/// <param name="Service">The service's name.</param>
/// <param name="Database">Its database, as the database answers.</param>
/// <param name="Broker">The message bus's health (Healthy when connected to RabbitMQ with its endpoints up).</param>
public sealed record ExperimentsStatus(string Service, DatabaseStatus Database, string Broker);

/// <summary>The operational status endpoint of the experiment service.</summary>
public static class StatusApi
{
    /// <summary>Maps <c>GET /api/v1/status</c>.</summary>
    public static IEndpointRouteBuilder MapStatusApiV1(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/status", GetStatus)
            .WithName("GetExperimentsStatus")
            .WithSummary("The experiment service's database and message broker as it sees them now.");
        return app;
    }

    private static async Task<Ok<ExperimentsStatus>> GetStatus(
        NpgsqlDataSource dataSource, IBusControl bus, CancellationToken cancellationToken)
    {
        var database = await DatabaseStatus.ReadAsync(dataSource, cancellationToken);
        var broker = bus.CheckHealth();
        return TypedResults.Ok(new ExperimentsStatus("experiments", database, broker.Status.ToString()));
    }
}
