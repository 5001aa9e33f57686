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

    /// <summary>The header naming the person a request acts for, with a key that may act for people.</summary>
    public const string ActingPersonHeader = "X-Acting-Person";

    /// <summary>Longest person name accepted in <see cref="ActingPersonHeader"/>.</summary>
    public const int MaxActingPersonLength = 100;

    /// <summary>Longest key accepted; a generated key is 50 characters.</summary>
    public const int MaxKeyLength = 256;

    private const string HolderItem = "AiRoi.ApiKeyHolder";

    private const string PersonItem = "AiRoi.ActingPerson";

    /// <summary>
    /// Refuses the request with 401 unless it carries a valid, unrevoked key; one that names the person it acts for
    /// is refused with 403 unless its key may act for people, and with 400 when the name is empty, too long or holds
    /// control characters.
    /// </summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var presented = http.Request.Headers[HeaderName].FirstOrDefault();
            if (!IsWellFormed(presented))
            {
                // Refused here, at once: a key no service could have issued never costs a verification call.
                return RequestProblems.ApiKeyRequired.ToProblem($"Send a valid, unrevoked API key in the {HeaderName} header.");
            }
            var authenticator = http.RequestServices.GetRequiredService<IApiKeyAuthenticator>();
            var holder = await authenticator.AuthenticateAsync(presented, http.RequestAborted);
            if (holder is null)
            {
                return RequestProblems.ApiKeyRequired.ToProblem($"Send a valid, unrevoked API key in the {HeaderName} header.");
            }
            http.Items[HolderItem] = holder;
            if (http.Request.Headers.TryGetValue(ActingPersonHeader, out var named))
            {
                if (!holder.ActsForPeople)
                {
                    return RequestProblems.ActingPersonNotAllowed.ToProblem(
                        $"This API key may not name a person in {ActingPersonHeader}; only a key created to act for people (the web's) may.");
                }
                var person = named.Count == 1 ? Uri.UnescapeDataString(named[0] ?? "").Trim() : "";
                if (person.Length is 0 or > MaxActingPersonLength || person.Any(char.IsControl))
                {
                    return ValidationFailure.ToProblem([new Domain.ValidationError(ActingPersonHeader, Domain.ValidationCodes.InvalidFormat,
                        $"{ActingPersonHeader} names one person: 1 to {MaxActingPersonLength} characters, no control characters, sent once.")]);
                }
                http.Items[PersonItem] = person;
            }
            return await next(context);
        });

    /// <summary>Whether a presented key could be one: 1 to <see cref="MaxKeyLength"/> printable ASCII characters.</summary>
    public static bool IsWellFormed(string? presented) =>
        presented is { Length: > 0 and <= MaxKeyLength } && presented.All(character => character is > ' ' and <= '~');

    /// <summary>Refuses the request with 403 unless its key is an admin key (after <see cref="RequireApiKey{TBuilder}"/>).</summary>
    public static TBuilder RequireAdminKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            KeyHolder(context.HttpContext).IsAdmin
                ? await next(context)
                : RequestProblems.AdminKeyRequired.ToProblem("Only an admin API key may do this (manage API keys, read the silo's memory)."));

    /// <summary>Refuses the request with 403 unless its key covers the whole organization (after <see cref="RequireApiKey{TBuilder}"/>).</summary>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="action">What the endpoint does, for the refusal: "changing the registry", "managing API keys".</param>
    public static TBuilder RequireOrganizationKey<TBuilder>(this TBuilder builder, string action = "changing the registry") where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            KeyHolder(context.HttpContext).UseCaseIds is null
                ? await next(context)
                : RequestProblems.UseCaseNotInKeyScope.ToProblem(
                    $"This API key is scoped to some use cases; {action} takes an organization-wide key."));

    /// <summary>
    /// Who to record as the author of a change: the person the request acts for, with the key that vouches for them
    /// (<c>ana via web</c>), or the key's name.
    /// </summary>
    public static string Author(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var holder = KeyHolder(context);
        return context.Items[PersonItem] is string person ? $"{person} via {holder.Name}" : holder.Name;
    }

    /// <summary>The key holder the filter authenticated.</summary>
    public static ApiKeyHolder KeyHolder(HttpContext context) =>
        context.Items[HolderItem] as ApiKeyHolder
        ?? throw new InvalidOperationException("The endpoint does not require an API key; add RequireApiKey().");
}
