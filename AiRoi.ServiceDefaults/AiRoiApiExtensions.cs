using AiRoi.Domain;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;

namespace AiRoi.ServiceDefaults;

/// <summary>
/// What every AiRoi HTTP API starts with, so that each service's <c>Program.cs</c> says only what differs: its
/// database, problem details for every refusal, the one JSON policy, the OpenAPI document (and Scalar in
/// Development), API-key authentication and the health endpoints.
/// </summary>
public static class AiRoiApiExtensions
{
    /// <summary>
    /// Adds the service defaults (which answer a failed dependency as 503), the service's PostgreSQL data source,
    /// problem details for every <see cref="ProblemException"/>, the JSON policy,
    /// OpenAPI, the system clock, and key authentication through the ingestion service unless the service has
    /// registered its own <see cref="IApiKeyAuthenticator"/> first.
    /// </summary>
    /// <param name="builder">The service's builder.</param>
    /// <param name="database">The connection name of the service's own database.</param>
    public static WebApplicationBuilder AddAiRoiApi(this WebApplicationBuilder builder, string database)
    {
        builder.AddServiceDefaults();
        builder.AddNpgsqlDataSource(database);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(json => WireJson.Configure(json.SerializerOptions));
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);
        if (!builder.Services.Any(service => service.ServiceType == typeof(IApiKeyAuthenticator)))
        {
            IngestionApiKeyAuthenticator.AddTo(builder.Services);
        }
        return builder;
    }

    /// <summary>
    /// Maps what every API answers besides its own routes: problem details for answers routing produces without a
    /// body (404, 405, 415) and for exceptions, <c>/openapi/v1.json</c>, <c>/scalar</c> in Development,
    /// <c>/health</c> and <c>/alive</c>, all open; and answers the group every API route is mapped in, which requires
    /// an API key on each of them unless one is marked <see cref="ApiKeyFilters.AllowWithoutApiKey{TBuilder}"/>.
    /// </summary>
    public static RouteGroupBuilder MapAiRoiApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseStatusCodePages();
        app.UseExceptionHandler();
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }
        app.MapDefaultEndpoints();
        return app.MapGroup("").RequireApiKey();
    }
}
