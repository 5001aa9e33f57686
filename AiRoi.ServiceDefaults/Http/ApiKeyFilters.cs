using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AiRoi.ServiceDefaults.Http;

/// <summary>
/// Endpoint filters that require an API key in <c>X-Api-Key</c> (and, for key management, an admin key), checked by
/// the service's <see cref="IApiKeyAuthenticator"/>.
/// </summary>
public static class ApiKeyFilters
{
    /// <summary>The header every write request carries.</summary>
    public const string HeaderName = "X-Api-Key";

    private const string HolderItem = "AiRoi.ApiKeyHolder";

    /// <summary>Refuses the request with 401 unless it carries a valid, unrevoked key.</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var authenticator = http.RequestServices.GetRequiredService<IApiKeyAuthenticator>();
            var holder = await authenticator.AuthenticateAsync(http.Request.Headers[HeaderName].FirstOrDefault(), http.RequestAborted);
            if (holder is null)
            {
                return RequestProblems.ApiKeyRequired.ToProblem($"Send a valid, unrevoked API key in the {HeaderName} header.");
            }
            http.Items[HolderItem] = holder;
            return await next(context);
        });

    /// <summary>Refuses the request with 403 unless its key is an admin key (after <see cref="RequireApiKey{TBuilder}"/>).</summary>
    public static TBuilder RequireAdminKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            KeyHolder(context.HttpContext).IsAdmin
                ? await next(context)
                : RequestProblems.AdminKeyRequired.ToProblem("Only an admin API key may do this (manage API keys, read the silo's memory)."));

    /// <summary>Refuses the request with 403 unless its key covers the whole organization (after <see cref="RequireApiKey{TBuilder}"/>).</summary>
    public static TBuilder RequireOrganizationKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            KeyHolder(context.HttpContext).UseCaseIds is null
                ? await next(context)
                : RequestProblems.UseCaseNotInKeyScope.ToProblem(
                    "This API key is scoped to some use cases; changing the registry takes an organization-wide key."));

    /// <summary>The key holder the filter authenticated.</summary>
    public static ApiKeyHolder KeyHolder(HttpContext context) =>
        context.Items[HolderItem] as ApiKeyHolder
        ?? throw new InvalidOperationException("The endpoint does not require an API key; add RequireApiKey().");
}
