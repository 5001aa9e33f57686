using AiRoi.Contracts.Api;
using AiRoi.Contracts;
using AiRoi.Domain;
using AiRoi.Domain.Experiments;
using AiRoi.Experiments.Assignment;
using AiRoi.Experiments.Results;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AiRoi.Experiments.Lifecycle;

/// <summary>
/// Experiments on use cases: define (draft), start, stop, conclude with a decision; list and read. The lifecycle
/// lives in PostgreSQL, so it survives restarts; a started experiment's variants and weights never change.
/// </summary>
public static class ExperimentsApi
{
    /// <summary>Maps <c>/api/v1/experiments</c>.</summary>
    public static IEndpointRouteBuilder MapExperimentsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/experiments").WithTags("Experiments");
        var writes = api.MapGroup("").RequireOrganizationKey();

        writes.MapPost("", CreateAsync)
            .WithName("CreateExperiment")
            .WithSummary("Defines an experiment (a draft) on a use case: variants with weights (control first), metrics, method, seed, namespace slice, planned effect and power.")
            .Accepts<ExperimentDefinition>("application/json")
            .Produces<Experiment>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("", ListAsync)
            .WithName("ListExperiments")
            .WithSummary("Experiments, newest first; useCaseId and status filter.")
            .Produces<IReadOnlyList<Experiment>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/{id}", GetAsync)
            .WithName("GetExperiment")
            .WithSummary("One experiment: definition, status, timestamps and decisions.")
            .Produces<Experiment>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPut("/{id}", ReplaceAsync)
            .WithName("ReplaceExperiment")
            .WithSummary("Replaces a draft's definition; an experiment that has started is refused (its variants and weights are fixed).")
            .Accepts<ExperimentDefinition>("application/json")
            .Produces<Experiment>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPost("/{id}/start", StartAsync)
            .WithName("StartExperiment")
            .WithSummary("Starts assigning (a draft, or a stopped experiment again).")
            .Produces<Experiment>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPost("/{id}/stop", StopAsync)
            .WithName("StopExperiment")
            .WithSummary("Stops assigning; results stay readable.")
            .Produces<Experiment>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPost("/{id}/conclude", ConcludeAsync)
            .WithName("ConcludeExperiment")
            .WithSummary("Records the decision: ship or roll-back concludes the experiment; keep-running records it and keeps (or starts again) assigning.")
            .Accepts<ConcludeRequest>("application/json")
            .Produces<Experiment>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>A new draft.</summary>
    public static async Task<Results<Created<Experiment>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, ExperimentStore store, UseCaseDirectory useCases, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<ExperimentDefinition>(request, WireJson.Options, cancellationToken);
        var id = $"exp-{Guid.NewGuid():N}"[..16];
        var definition = await ValidAsync(body, id, useCases, request, cancellationToken);
        var experiment = new Experiment(id, definition, ExperimentStatus.Draft) { CreatedAt = time.GetUtcNow() };
        await store.InsertAsync(experiment, cancellationToken);
        return TypedResults.Created($"/api/v1/experiments/{id}", experiment);
    }

    /// <summary>Experiments, newest first.</summary>
    public static async Task<Results<Ok<IReadOnlyList<Experiment>>, ProblemHttpResult>> ListAsync(
        [FromQuery] string? useCaseId, [FromQuery] string? status, HttpContext http, ExperimentStore store, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(useCaseId) && !TextFormats.IsSlug(useCaseId))
        {
            return ValidationFailure.ToProblem([new ValidationError("useCaseId", ValidationCodes.InvalidFormat,
                "useCaseId must be a use-case id: lowercase letters and digits joined by single hyphens.")]);
        }
        ExperimentStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            wanted = Enum.GetValues<ExperimentStatus>().Cast<ExperimentStatus?>().FirstOrDefault(s => WireJson.Name(s!.Value) == status);
            if (wanted is null)
            {
                return ValidationFailure.ToProblem([new ValidationError("status", ValidationCodes.UnknownValue, "status must be one of: draft, running, stopped, concluded.")]);
            }
        }
        // A key scoped to some use cases sees their experiments only.
        var holder = ApiKeyFilters.KeyHolder(http);
        return TypedResults.Ok<IReadOnlyList<Experiment>>(
            (await store.ListAsync(useCaseId, wanted, cancellationToken)).Where(experiment => Covers(holder, experiment)).ToList());
    }

    /// <summary>One experiment.</summary>
    public static async Task<Results<Ok<Experiment>, ProblemHttpResult>> GetAsync(string id, HttpContext http, ExperimentStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is not { } experiment ? NotFound(id).ToProblem()
        : OutOfScope(http, experiment) is { } refusal ? refusal
        : TypedResults.Ok(experiment);

    /// <summary>Whether a key covers the use case an experiment runs on.</summary>
    public static bool Covers(ApiKeyHolder holder, Experiment experiment) =>
        experiment.Definition.UseCaseId is not { } useCase ? holder.UseCaseIds is null : holder.Covers(useCase);

    /// <summary>The refusal of a request whose key does not cover the experiment's use case; null when it does.</summary>
    public static ProblemHttpResult? OutOfScope(HttpContext http, Experiment experiment) =>
        Covers(ApiKeyFilters.KeyHolder(http), experiment)
            ? null
            : RequestProblems.UseCaseNotInKeyScope.ToProblem($"This API key does not cover the use case of experiment '{experiment.Id}'.");

    /// <summary>A draft's new definition.</summary>
    public static async Task<Results<Ok<Experiment>, ProblemHttpResult>> ReplaceAsync(
        string id, HttpRequest request, ExperimentStore store, UseCaseDirectory useCases, RunningExperiments running, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<ExperimentDefinition>(request, WireJson.Options, cancellationToken);
        var definition = await ValidAsync(body, id, useCases, request, cancellationToken);
        return await MoveAsync(id, store, running, ExperimentProblems.NotDraft,
            current => ExperimentLifecycle.RefuseChange(current) is { } refusal ? (null, refusal) : (current with { Definition = definition }, null),
            cancellationToken);
    }

    /// <summary>Starts assigning.</summary>
    public static Task<Results<Ok<Experiment>, ProblemHttpResult>> StartAsync(
        string id, ExperimentStore store, RunningExperiments running, TimeProvider time, CancellationToken cancellationToken) =>
        MoveAsync(id, store, running, ExperimentProblems.LifecycleConflict, current => ExperimentLifecycle.Start(current, time.GetUtcNow()), cancellationToken);

    /// <summary>Stops assigning.</summary>
    public static Task<Results<Ok<Experiment>, ProblemHttpResult>> StopAsync(
        string id, ExperimentStore store, RunningExperiments running, TimeProvider time, CancellationToken cancellationToken) =>
        MoveAsync(id, store, running, ExperimentProblems.LifecycleConflict, current => ExperimentLifecycle.Stop(current, time.GetUtcNow()), cancellationToken);

    /// <summary>Records a decision; a ship or roll-back is published to the metrics service, a shipped lift counting in ROI.</summary>
    public static async Task<Results<Ok<Experiment>, ProblemHttpResult>> ConcludeAsync(
        string id, HttpRequest request, ExperimentStore store, ResultsStore results, RunningExperiments running, ConclusionPublisher conclusions,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<ConcludeRequest>(request, WireJson.Options, cancellationToken);
        if (await store.FindAsync(id, cancellationToken) is not { } experiment)
        {
            return NotFound(id).ToProblem();
        }
        var errors = ConcludeRules.Check(body, experiment.Definition);
        if (errors.Count > 0)
        {
            return ValidationFailure.ToProblem(errors);
        }
        var decision = new DecisionRecord(body.Decision!.Value, body.Note, ApiKeyFilters.Author(request.HttpContext), time.GetUtcNow());
        if (decision.Decision == ExperimentDecision.Ship)
        {
            var variant = ConcludeRules.ShippedVariant(body, experiment.Definition);
            var data = await results.ReadAsync(id, cancellationToken);
            // Shipping on weak evidence needs a stated reason, kept with the decision beside the concerns.
            var concerns = ShipConcerns.Of(ResultsCalculator.Compute(experiment, data, time.GetUtcNow()), variant);
            if (concerns.Count > 0 && string.IsNullOrWhiteSpace(body.Note))
            {
                return ValidationFailure.ToProblem([new ValidationError("note", ValidationCodes.Required,
                    $"This experiment is not ready to ship {variant}: {string.Join(" ", concerns)} To ship anyway, say why in note; the reason is kept with the decision.")]);
            }
            decision = decision with
            {
                Variant = variant,
                ConversionLift = ResultsCalculator.ConversionLift(experiment, variant, data),
                Concerns = concerns,
            };
        }
        var answer = await MoveAsync(id, store, running, ExperimentProblems.LifecycleConflict, current => ExperimentLifecycle.Conclude(current, decision), cancellationToken);
        if (answer.Result is Ok<Experiment> { Value.Status: ExperimentStatus.Concluded } concluded)
        {
            // Not confirmed now (broker away): the periodic analysis publishes it again.
            await conclusions.TryPublishAsync(concluded.Value, cancellationToken);
        }
        return answer;
    }

    /// <summary>Applies a move under the row lock; a refusal is a problem of <paramref name="refused"/>; the assignment cache learns the result.</summary>
    private static async Task<Results<Ok<Experiment>, ProblemHttpResult>> MoveAsync(
        string id, ExperimentStore store, RunningExperiments running, ProblemType refused,
        Func<Experiment, (Experiment? Next, string? Refusal)> move, CancellationToken cancellationToken)
    {
        var outcome = await store.UpdateAsync(id, move, cancellationToken);
        if (outcome is not { } result)
        {
            return NotFound(id).ToProblem();
        }
        if (result.Refusal is { } refusal)
        {
            return refused.ToProblem(refusal, new Dictionary<string, object?> { ["field"] = "status", ["experimentStatus"] = WireJson.Name(result.Experiment!.Status) });
        }
        running.Forget(id);
        return TypedResults.Ok(result.Experiment!);
    }

    /// <summary>The definition with its defaults, when valid; a validation problem (thrown) otherwise.</summary>
    private static async Task<ExperimentDefinition> ValidAsync(
        ExperimentDefinition body, string id, UseCaseDirectory useCases, HttpRequest request, CancellationToken cancellationToken)
    {
        // The registry is read with the caller's own key: the experiment service sees what the caller may see.
        var useCase = body.UseCaseId is { Length: > 0 } useCaseId && TextFormats.IsSlug(useCaseId)
            ? await useCases.FindAsync(useCaseId, ApiKeyFilters.Presented(request) ?? "", cancellationToken)
            : null;
        var errors = ExperimentRules.Check(body, useCase);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
        return body with
        {
            Seed = body.Seed ?? id,
            Method = body.Method ?? ExperimentMethod.Sequential,
            Power = body.Power ?? 0.8,
            SecondaryMetrics = body.SecondaryMetrics ?? [],
            GuardrailMetrics = body.GuardrailMetrics ?? [],
        };
    }

    /// <summary>The problem of an experiment id nobody has, naming the <c>id</c>.</summary>
    internal static ProblemException NotFound(string id) =>
        new(ExperimentProblems.NotFound, "id", $"No experiment has the id '{id}'; GET /api/v1/experiments lists them.");
}
