using AiRoi.Contracts.Api;
using AiRoi.Domain;
using AiRoi.Domain.UseCases;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.Metrics.Organization;

/// <summary>The organization's settings: its currency.</summary>
public static class OrganizationApi
{
    /// <summary>Maps <c>/api/v1/organization</c>.</summary>
    public static IEndpointRouteBuilder MapOrganizationApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/organization").WithTags("Organization");

        api.MapGet("", GetAsync)
            .WithName("GetOrganization")
            .WithSummary("The organization's settings: its currency (ISO 4217), in which use cases keep their money unless they name another.")
            .Produces<OrganizationSettings>();

        api.MapPut("", SetAsync)
            .RequireAdminKey()
            .WithName("SetOrganization")
            .WithSummary("Sets the organization's currency (admins). Amounts are not converted: it says what the figures already are in.")
            .Accepts<OrganizationRequest>("application/json")
            .Produces<OrganizationSettings>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        return app;
    }

    /// <summary>The settings.</summary>
    public static async Task<Ok<OrganizationSettings>> GetAsync(OrganizationStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ReadAsync(cancellationToken));

    /// <summary>Sets the currency.</summary>
    public static async Task<Results<Ok<OrganizationSettings>, ProblemHttpResult>> SetAsync(
        HttpRequest request, OrganizationStore store, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<OrganizationRequest>(request, WireJson.Options, cancellationToken);
        if (!Currencies.IsKnown(body.Currency))
        {
            return ValidationFailure.ToProblem([new ValidationError("currency", body.Currency is null ? ValidationCodes.Required : ValidationCodes.UnknownValue,
                "currency must be an ISO 4217 currency code in capitals, such as USD, EUR or GBP.")]);
        }
        return TypedResults.Ok(await store.SetCurrencyAsync(body.Currency!, ApiKeyFilters.Author(request.HttpContext), cancellationToken));
    }
}
