using System.Text.Json;
using AiRoi.Domain;
using AiRoi.Domain.UseCases;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AiRoi.Metrics.UseCases;

/// <summary>
/// The use-case registry API: register, read, list, change and archive use cases. Bodies are read with
/// <see cref="JsonRequestBody"/> (unknown fields refused) and checked by <see cref="UseCaseValidator"/>; every
/// refusal is a problem detail naming the field, and nothing is written on any error. Each write adds one to the
/// revision (sent as <c>ETag</c>; send it back as <c>If-Match</c> to refuse lost updates) and tells the use
/// case's grain.
/// </summary>
public static class UseCaseApi
{
    /// <summary>Maps <c>/api/v1/use-cases</c>.</summary>
    public static IEndpointRouteBuilder MapUseCaseApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/use-cases").WithTags("Use cases");
        // Changing the registry takes an organization-wide key; keys scoped to use cases are for sending events.
        var writes = api.MapGroup("").RequireOrganizationKey();

        writes.MapPost("", CreateAsync)
            .WithName("CreateUseCase")
            .WithSummary("Registers a use case; answers it with its URL in Location and revision 1 as ETag.")
            .Accepts<UseCaseRequest>("application/json")
            .Produces<RegisteredUseCase>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapGet("", ListAsync)
            .WithName("ListUseCases")
            .WithSummary("Lists use cases by id: active ones, or all with includeArchived=true; optionally one category.")
            .Produces<IReadOnlyList<RegisteredUseCase>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/{id}", GetAsync).RequireUseCaseScope()
            .WithName("GetUseCase")
            .WithSummary("One use case, with its revision as ETag.")
            .Produces<RegisteredUseCase>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        writes.MapPut("/{id}", ReplaceAsync)
            .WithName("ReplaceUseCase")
            .WithSummary("Replaces a use case's definition; the body's id, if sent, must be the URL's.")
            .Accepts<UseCaseRequest>("application/json")
            .ProducesChange();

        writes.MapPut("/{id}/targets", ReplaceTargetsAsync)
            .WithName("ReplaceUseCaseTargets")
            .WithSummary("Replaces a use case's targets (its success definition).")
            .Accepts<TargetsRequest>("application/json")
            .ProducesChange();

        writes.MapPut("/{id}/custom-metrics", ReplaceCustomMetricsAsync)
            .WithName("ReplaceUseCaseCustomMetrics")
            .WithSummary("Replaces a use case's custom metric definitions; metrics still in use must stay defined.")
            .Accepts<CustomMetricsRequest>("application/json")
            .ProducesChange();

        writes.MapPost("/{id}/archive", ArchiveAsync)
            .WithName("ArchiveUseCase")
            .WithSummary("Retires a use case: it keeps its history and reports but takes no more events. Archiving twice changes nothing.")
            .ProducesChange(hasBody: false);

        writes.MapPost("/{id}/unarchive", UnarchiveAsync)
            .WithName("UnarchiveUseCase")
            .WithSummary("Brings an archived use case back: it takes events again. Unarchiving an active one changes nothing.")
            .ProducesChange(hasBody: false);

        return app;
    }

    /// <summary>Registers a use case.</summary>
    public static async Task<Results<UseCaseResult, ProblemHttpResult>> CreateAsync(
        HttpRequest request, [AsParameters] UseCaseServices services, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<UseCaseRequest>(request, UseCaseJson.Options, cancellationToken);
        var useCase = Valid(body.ToUseCase(body.Id));
        var created = await services.Registry.CreateAsync(useCase, cancellationToken)
            ?? throw new ProblemException(UseCaseProblems.AlreadyExists, "id",
                $"A use case with the id '{useCase.Id}' already exists; ids never change, so pick another id or PUT to /api/v1/use-cases/{useCase.Id}.");
        await services.NotifyDefinitionChangedAsync(created.UseCase.Id);
        return UseCaseResult.Created(created);
    }

    /// <summary>Lists use cases by id.</summary>
    /// <param name="category">Only this category (<c>customer-service</c>, <c>sales</c>, …).</param>
    /// <param name="includeArchived"><c>true</c> to list archived use cases too; <c>false</c> by default.</param>
    /// <param name="http">The request, whose key decides which use cases are listed.</param>
    /// <param name="services">The registry.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public static async Task<Results<JsonHttpResult<IReadOnlyList<RegisteredUseCase>>, ProblemHttpResult>> ListAsync(
        [FromQuery] string? category,
        [FromQuery] string? includeArchived,
        HttpContext http,
        [AsParameters] UseCaseServices services,
        CancellationToken cancellationToken)
    {
        // Parsed here rather than bound: a value that does not bind would be a bare 400 naming nothing.
        var errors = new List<ValidationError>();
        var categories = Enum.GetValues<UseCaseCategory>();
        UseCaseCategory? wanted = null;
        if (!string.IsNullOrEmpty(category))
        {
            var index = Array.FindIndex(categories, known => WireName(known) == category);
            if (index >= 0)
            {
                wanted = categories[index];
            }
            else
            {
                errors.Add(new("category", ValidationCodes.UnknownValue, $"category must be one of: {string.Join(", ", categories.Select(WireName))}."));
            }
        }

        var archivedToo = false;
        if (!string.IsNullOrEmpty(includeArchived) && !bool.TryParse(includeArchived, out archivedToo))
        {
            errors.Add(new("includeArchived", ValidationCodes.InvalidFormat, "includeArchived must be true or false."));
        }

        if (errors.Count > 0)
        {
            return ValidationFailure.ToProblem(errors);
        }

        // A key scoped to some use cases sees those only.
        var holder = ApiKeyFilters.KeyHolder(http);
        var useCases = await services.Registry.ListAsync(wanted, archivedToo, cancellationToken);
        return TypedResults.Json<IReadOnlyList<RegisteredUseCase>>(
            useCases.Where(stored => holder.Covers(stored.UseCase.Id)).Select(stored => stored.ToRegistered()).ToList(), UseCaseJson.Options);
    }

    /// <summary>One use case.</summary>
    public static async Task<Results<UseCaseResult, ProblemHttpResult>> GetAsync(
        string id, [AsParameters] UseCaseServices services, CancellationToken cancellationToken)
    {
        var stored = await services.Registry.FindAsync(id, cancellationToken);
        return stored is null ? UseCaseAnswers.NotFound(id).ToProblem() : UseCaseResult.Ok(stored);
    }

    /// <summary>Replaces a use case's definition.</summary>
    public static async Task<Results<UseCaseResult, ProblemHttpResult>> ReplaceAsync(
        string id, HttpRequest request, [AsParameters] UseCaseServices services, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<UseCaseRequest>(request, UseCaseJson.Options, cancellationToken);
        ValidationError[] idMismatch = body.Id is { } sent && sent != id
            ? [new("id", ValidationCodes.Inconsistent, $"id '{sent}' is not the id in the URL, '{id}'; a use case's id never changes.")]
            : [];
        return await ChangeAsync(id, request, services, current => Valid(body.ToUseCase(id) with { Archived = current.Archived }, idMismatch), cancellationToken);
    }

    /// <summary>Replaces a use case's targets.</summary>
    public static async Task<Results<UseCaseResult, ProblemHttpResult>> ReplaceTargetsAsync(
        string id, HttpRequest request, [AsParameters] UseCaseServices services, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<TargetsRequest>(request, UseCaseJson.Options, cancellationToken);
        return await ChangeAsync(id, request, services, current => Valid(current with { Targets = body.Targets! }), cancellationToken);
    }

    /// <summary>Replaces a use case's custom metric definitions.</summary>
    public static async Task<Results<UseCaseResult, ProblemHttpResult>> ReplaceCustomMetricsAsync(
        string id, HttpRequest request, [AsParameters] UseCaseServices services, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<CustomMetricsRequest>(request, UseCaseJson.Options, cancellationToken);
        return await ChangeAsync(id, request, services, current => Valid(current with { CustomMetrics = body.CustomMetrics! }), cancellationToken);
    }

    /// <summary>Archives a use case.</summary>
    public static Task<Results<UseCaseResult, ProblemHttpResult>> ArchiveAsync(
        string id, HttpRequest request, [AsParameters] UseCaseServices services, CancellationToken cancellationToken) =>
        ChangeAsync(id, request, services, current => current.Archived ? current : current with { Archived = true }, cancellationToken);

    /// <summary>Unarchives a use case.</summary>
    public static Task<Results<UseCaseResult, ProblemHttpResult>> UnarchiveAsync(
        string id, HttpRequest request, [AsParameters] UseCaseServices services, CancellationToken cancellationToken) =>
        ChangeAsync(id, request, services, current => current.Archived ? current with { Archived = false } : current, cancellationToken);

    /// <summary>
    /// The write every change shares: check <c>If-Match</c> against the locked row, apply <paramref name="change"/>
    /// (which validates, throwing to refuse), store, tell the grain. Any refusal leaves the row as it was.
    /// </summary>
    private static async Task<Results<UseCaseResult, ProblemHttpResult>> ChangeAsync(
        string id, HttpRequest request, UseCaseServices services, Func<UseCase, UseCase> change, CancellationToken cancellationToken)
    {
        var condition = RevisionCondition.FromIfMatch(request);
        var stored = await services.Registry.UpdateAsync(id, current =>
        {
            condition.Check(current.Revision);
            return change(current.UseCase);
        }, cancellationToken);
        if (stored is null)
        {
            return UseCaseAnswers.NotFound(id).ToProblem();
        }

        await services.NotifyDefinitionChangedAsync(id);
        return UseCaseResult.Ok(stored);
    }

    /// <summary>The use case when it keeps every rule; otherwise every broken rule, with <paramref name="more"/> first.</summary>
    private static UseCase Valid(UseCase useCase, params IReadOnlyList<ValidationError> more)
    {
        var errors = more.Concat(UseCaseValidator.Validate(useCase)).ToList();
        return errors.Count == 0 ? useCase : throw new ValidationFailedException(errors);
    }

    /// <summary>The category as <see cref="UseCaseJson"/> spells it (<c>customer-service</c>).</summary>
    private static string WireName(UseCaseCategory category) => WireJson.Name(category);

    /// <summary>What every change answers: the use case, or 400 (body or If-Match), 404, 412, and 415 for a body not sent as JSON.</summary>
    private static RouteHandlerBuilder ProducesChange(this RouteHandlerBuilder builder, bool hasBody = true)
    {
        builder
            .Produces<RegisteredUseCase>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return hasBody ? builder.ProducesProblem(StatusCodes.Status415UnsupportedMediaType) : builder;
    }
}
