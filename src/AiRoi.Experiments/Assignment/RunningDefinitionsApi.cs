using System.Security.Cryptography;
using System.Text.Json;
using AiRoi.Domain;
using AiRoi.Domain.Experiments;
using AiRoi.Experiments.Lifecycle;
using AiRoi.ServiceDefaults.Http;

namespace AiRoi.Experiments.Assignment;

/// <summary>A running experiment as a client needs it to assign subjects itself, exactly as the assignment API does.</summary>
/// <param name="Id">The experiment.</param>
/// <param name="UseCaseId">Its use case.</param>
/// <param name="Seed">The hash seed (the experiment's id unless its definition names one).</param>
/// <param name="HashVersion">The assignment hash version.</param>
/// <param name="Variants">The variants in order, with their weights.</param>
/// <param name="Namespace">The namespace slice it runs in, if any.</param>
public sealed record RunningDefinition(string Id, string UseCaseId, string Seed, int HashVersion, IReadOnlyList<RunningVariant> Variants, ExperimentNamespace? Namespace);

/// <summary>A variant and its share of the subjects.</summary>
/// <param name="Name">The variant.</param>
/// <param name="Weight">Its share, 0 to 1.</param>
public sealed record RunningVariant(string Name, double Weight);

/// <summary>
/// <c>GET /api/v1/experiments/running</c>: the definitions of the running experiments the key covers, for clients that
/// assign in-process (the AiRoi .NET client). Answers an ETag; a request with the same <c>If-None-Match</c> gets 304.
/// </summary>
public static class RunningDefinitionsApi
{
    /// <summary>The hash version assignments use (the assignment API's).</summary>
    public const int HashVersion = 2;

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapRunningDefinitionsApiV1(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/experiments/running", GetAsync)
            .WithTags("Experiments")
            .WithName("ListRunningDefinitions")
            .WithSummary("The running experiments' definitions (seed, variants and weights, namespace) for clients that assign in-process; ETag and If-None-Match.")
            .Produces<IReadOnlyList<RunningDefinition>>()
            .Produces(StatusCodes.Status304NotModified);
        return app;
    }

    private static async Task<IResult> GetAsync(HttpContext http, ExperimentStore store, CancellationToken cancellationToken)
    {
        var holder = ApiKeyFilters.KeyHolder(http);
        var running = (await store.ListAsync(null, ExperimentStatus.Running, cancellationToken))
            .Where(experiment => ExperimentsApi.Covers(holder, experiment))
            .OrderBy(experiment => experiment.Id, StringComparer.Ordinal)
            .Select(experiment => new RunningDefinition(experiment.Id, experiment.Definition.UseCaseId!, experiment.Definition.Seed ?? experiment.Id, HashVersion,
                [.. experiment.Definition.Variants!.Select(variant => new RunningVariant(variant.Name, variant.Weight))], experiment.Definition.Namespace))
            .ToList();
        var body = JsonSerializer.SerializeToUtf8Bytes(running, WireJson.Answers);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"";
        http.Response.Headers.ETag = etag;
        return http.Request.Headers.IfNoneMatch.Contains(etag)
            ? Microsoft.AspNetCore.Http.Results.StatusCode(StatusCodes.Status304NotModified)
            : Microsoft.AspNetCore.Http.Results.Bytes(body, "application/json");
    }
}
