using AiRoi.Contracts.Api;
using System.Text.Json;
using AiRoi.Domain;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.Ingestion.ApiKeys;

/// <summary>Key management: create (the secret is shown once), list, revoke. Admin keys only.</summary>
public static class ApiKeysApi
{
    /// <summary>Maps <c>/api/v1/api-keys</c>.</summary>
    public static IEndpointRouteBuilder MapApiKeysApiV1(this IEndpointRouteBuilder app)
    {
        // Keys reach across the organization (any key can be revoked, every key is listed): an admin key scoped to some
        // use cases may not manage them.
        var api = app.MapGroup("/api/v1/api-keys").WithTags("API keys").RequireAdminKey().RequireOrganizationKey("managing API keys");
        api.MapPost("", CreateAsync).WithName("CreateApiKey").WithSummary("Creates an API key; the answer carries the secret, shown once.")
            .Accepts<CreateApiKeyRequest>("application/json");
        api.MapGet("", ListAsync).WithName("ListApiKeys").WithSummary("Lists API keys without their secrets.");
        app.MapGet("/api/v1/api-keys/current", (HttpContext http) => TypedResults.Ok(ApiKeyFilters.KeyHolder(http)))
            .WithTags("API keys")
            .WithName("GetCurrentApiKey")
            .WithSummary("Who holds the key in X-Api-Key and what it may read and write; other services verify keys with it.");
        api.MapPost("/{id:guid}/revoke", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revokes an API key at once.");
        return app;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateAsync(
        HttpRequest http, ApiKeyStore store, CancellationToken cancellationToken)
    {
        var creator = ApiKeyFilters.KeyHolder(http.HttpContext);
        var request = await JsonRequestBody.ReadAsync<CreateApiKeyRequest>(http, Json, cancellationToken);

        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            errors.Add(new ValidationError("name", ValidationCodes.Required, "name is required, 1–100 characters."));
        }
        if (request.UseCaseIds is { Count: 0 })
        {
            errors.Add(new ValidationError("useCaseIds", ValidationCodes.Required, "useCaseIds, when given, must list at least one use case; omit it for an organization-wide key."));
        }
        for (var i = 0; i < (request.UseCaseIds?.Count ?? 0); i++)
        {
            if (!TextFormats.IsSlug(request.UseCaseIds![i]))
            {
                errors.Add(new ValidationError($"useCaseIds[{i}]", ValidationCodes.InvalidFormat, $"useCaseIds[{i}] must be a use-case id (lowercase letters, digits, single hyphens)."));
            }
        }
        if (request.ReadOnly && (request.Admin || request.ActsForPeople))
        {
            errors.Add(new ValidationError("readOnly", ValidationCodes.Inconsistent,
                "A read-only key cannot also be an admin key or act for people: both write."));
        }
        if (errors.Count > 0)
        {
            return ValidationFailure.ToProblem(errors);
        }
        // A key can hand out no more than it holds.
        if (creator.UseCaseIds is not null &&
            (request.UseCaseIds is null || request.UseCaseIds.Any(id => !creator.Covers(id))))
        {
            return RequestProblems.UseCaseNotInKeyScope.ToProblem(
                "An admin key scoped to some use cases may create keys only for those use cases.");
        }

        // A key that acts for people can record changes under anyone's name: only an organization-wide admin key may make one.
        if (request.ActsForPeople && creator.UseCaseIds is not null)
        {
            return RequestProblems.UseCaseNotInKeyScope.ToProblem(
                "Only an organization-wide admin key may create a key that acts for people.");
        }

        var (summary, secret) = await store.CreateAsync(request.Name!.Trim(), request.UseCaseIds, request.Admin, request.ActsForPeople, request.ReadOnly, cancellationToken);
        return TypedResults.Created($"/api/v1/api-keys/{summary.Id}", new CreatedApiKey(summary, secret));
    }

    private static async Task<Ok<IReadOnlyList<ApiKeySummary>>> ListAsync(ApiKeyStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, ApiKeyStore store, CancellationToken cancellationToken) =>
        await store.RevokeAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : IngestionProblems.ApiKeyNotFound.ToProblem($"There is no API key {id}.");
}
