using AiRoi.Contracts.UseCases;
using AiRoi.Metrics.UseCases;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Mvc;

namespace AiRoi.Metrics.Reports;

/// <summary>What the report and configuration handlers share, bound with <c>[AsParameters]</c>.</summary>
/// <param name="registry">The use-case registry, to check the use case and its metrics before asking the grain.</param>
/// <param name="grains">The silo's grain factory.</param>
/// <param name="time">The clock that says what "today" is (UTC).</param>
public sealed class ReportServices(
    [FromServices] UseCaseRegistry registry,
    [FromServices] IGrainFactory grains,
    [FromServices] TimeProvider time)
{
    // [AsParameters] binds constructor parameters to the properties of the same names.

    /// <summary>The registry.</summary>
    public UseCaseRegistry Registry { get; } = registry;

    /// <summary>The silo's grain factory.</summary>
    public IGrainFactory Grains { get; } = grains;

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>Today, UTC.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);

    /// <summary>The use case's grain.</summary>
    public IUseCaseGrain Grain(string id) => Grains.GetGrain<IUseCaseGrain>(id);

    /// <summary>The registered use case with this id; a 404 problem (thrown) when there is none.</summary>
    public async Task<StoredUseCase> FindAsync(string id, CancellationToken cancellationToken) =>
        await Registry.FindAsync(id, cancellationToken)
        ?? throw new ProblemException(UseCaseProblems.NotFound, "id", $"No use case has the id '{id}'; GET /api/v1/use-cases?includeArchived=true lists them all.");
}
