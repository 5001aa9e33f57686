namespace AiRoi.Ingestion.ApiKeys;

/// <summary>Endpoint filters that require an API key in <c>X-Api-Key</c> (and, for key management, an admin key).</summary>
public static class ApiKeyFilters
{
    private const string HolderItem = "AiRoi.ApiKeyHolder";

    /// <summary>Refuses the request with 401 unless it carries a valid, unrevoked key.</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var store = http.RequestServices.GetRequiredService<ApiKeyStore>();
            var holder = await store.AuthenticateAsync(http.Request.Headers[ApiKeySecret.HeaderName].FirstOrDefault(), http.RequestAborted);
            if (holder is null)
            {
                return IngestionProblems.ApiKeyRequired.ToProblem($"Send a valid, unrevoked API key in the {ApiKeySecret.HeaderName} header.");
            }
            http.Items[HolderItem] = holder;
            return await next(context);
        });

    /// <summary>Refuses the request with 403 unless its key is an admin key (after <see cref="RequireApiKey{TBuilder}"/>).</summary>
    public static TBuilder RequireAdminKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            KeyHolder(context.HttpContext).IsAdmin
                ? await next(context)
                : IngestionProblems.AdminKeyRequired.ToProblem("Only an admin API key may manage API keys."));

    /// <summary>The key holder the filter authenticated.</summary>
    public static ApiKeyHolder KeyHolder(HttpContext context) =>
        context.Items[HolderItem] as ApiKeyHolder
        ?? throw new InvalidOperationException("The endpoint does not require an API key; add RequireApiKey().");
}
