using AiRoi.Contracts.UseCases;
using AiRoi.Domain.UseCases;
using AiRoi.Metrics.UseCases;
using Microsoft.AspNetCore.Mvc;

namespace AiRoi.Metrics.Reports;

/// <summary>What the report and configuration handlers share, bound with <c>[AsParameters]</c>.</summary>
/// <param name="registry">The use-case registry, for the portfolio's list of use cases.</param>
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

    /// <summary>
    /// The use case's definition as its grain holds it, to check a request against; a 404 problem (thrown) when the
    /// use case is not registered.
    /// </summary>
    public async Task<UseCase> DefinitionAsync(string id) => (await Grain(id).GetDefinitionAsync()).ValueOf(id);
}
