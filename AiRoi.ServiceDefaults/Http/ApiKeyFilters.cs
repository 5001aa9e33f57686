using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AiRoi.ServiceDefaults.Http;

/// <summary>
/// Endpoint filters that require an API key in <c>X-Api-Key</c>, checked by the service's
/// <see cref="IApiKeyAuthenticator"/>: on every API endpoint unless it is marked open
/// (<see cref="AllowWithoutApiKey{TBuilder}"/>), read-only keys for GETs only, and, where an endpoint asks, an admin
/// key, an organization-wide key, or a key that covers the use case named in the route.
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
    /// Refuses the request with 401 unless it carries a valid, unrevoked key, and with 403 when a read-only key is
    /// sent with anything but a GET; one that names the person it acts for is refused with 403 unless its key may act
    /// for people, and with 400 when the name is empty, too long or holds control characters. Endpoints marked with
    /// <see cref="AllowWithoutApiKey{TBuilder}"/> pass without a key.
    /// </summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.GetEndpoint()?.Metadata.GetMetadata<OpenEndpoint>() is not null)
            {
                return await next(context);
            }
            var holder = await PresentedHolderAsync(http);
            if (holder is null)
            {
                return RequestProblems.ApiKeyRequired.ToProblem($"Send a valid, unrevoked API key in the {HeaderName} header.");
            }
            http.Items[HolderItem] = holder;
            if (holder.IsReadOnly && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            {
                return RequestProblems.ReadOnlyKey.ToProblem("This API key only reads; writes take a key that is not read-only.");
            }
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

    /// <summary>Marks an endpoint that answers without a key (pure computation on what the request posts).</summary>
    public static TBuilder AllowWithoutApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OpenEndpoint());

    /// <summary>
    /// Marks an endpoint open (<see cref="AllowWithoutApiKey{TBuilder}"/>) but limits the calls without a valid key to
    /// <paramref name="permits"/> per remote address in each fixed <paramref name="window"/>; beyond it, 429 with
    /// <c>Retry-After</c>. Calls with a valid key are not limited.
    /// </summary>
    public static TBuilder LimitCallsWithoutKey<TBuilder>(this TBuilder builder, int permits, TimeSpan window) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.FromSeconds(1));
        var limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
        return builder.AllowWithoutApiKey().AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (await PresentedHolderAsync(http) is not null)
            {
                return await next(context);
            }
            using var lease = limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            if (lease.IsAcquired)
            {
                return await next(context);
            }
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(window.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return RequestProblems.TooManyRequests.ToProblem(
                $"At most {permits} calls every {window.TotalSeconds:0} s from one address without an API key; wait, or send a valid key in {HeaderName}.");
        });
    }

    /// <summary>
    /// Refuses the request with 403 unless its key covers the use case the route names in
    /// <paramref name="routeValue"/> (after <see cref="RequireApiKey{TBuilder}"/>).
    /// </summary>
    public static TBuilder RequireUseCaseScope<TBuilder>(this TBuilder builder, string routeValue = "id") where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.RouteValues[routeValue] is string useCaseId && !KeyHolder(context.HttpContext).Covers(useCaseId)
                ? RequestProblems.UseCaseNotInKeyScope.ToProblem($"This API key does not cover the use case '{useCaseId}'.")
                : await next(context));

    /// <summary>
    /// The holder of the key the request presents; null when there is none, or it is unknown or revoked. A key no
    /// service could have issued is refused at once, without a verification call.
    /// </summary>
    private static async Task<ApiKeyHolder?> PresentedHolderAsync(HttpContext http)
    {
        var presented = Presented(http.Request);
        return IsWellFormed(presented)
            ? await http.RequestServices.GetRequiredService<IApiKeyAuthenticator>().AuthenticateAsync(presented, http.RequestAborted)
            : null;
    }

    /// <summary>
    /// The key a request presents: <see cref="HeaderName"/>, else <c>Authorization: Bearer</c> (what OpenTelemetry
    /// exporters and other tools configured by headers send).
    /// </summary>
    public static string? Presented(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers[HeaderName].FirstOrDefault() is { } key)
        {
            return key;
        }
        const string bearer = "Bearer ";
        return request.Headers.Authorization.FirstOrDefault() is { } authorization && authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)
            ? authorization[bearer.Length..].Trim()
            : null;
    }

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

    /// <summary>Endpoint metadata: the endpoint answers without a key.</summary>
    private sealed class OpenEndpoint;
}
