using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace AiRoi.ServiceDefaults.Http;

/// <summary>
/// Answers a request that failed because a dependency did not (database, another service, the Orleans cluster)
/// with a 503 problem detail the client may retry, instead of a bare 500. Bad input never gets here: handlers
/// answer it themselves.
/// </summary>
public sealed class DependencyFailureHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    /// <summary>A dependency did not answer; the request may be sent again as it is.</summary>
    public static readonly ProblemType DependencyUnavailable = new(
        "dependency-unavailable", StatusCodes.Status503ServiceUnavailable, "A service this request needs is unavailable");

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsDependencyFailure(exception))
        {
            return false;
        }
        httpContext.Response.StatusCode = DependencyUnavailable.Status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Type = DependencyUnavailable.Type,
                Title = DependencyUnavailable.Title,
                Status = DependencyUnavailable.Status,
                Detail = "A database or service this request needs did not answer. Send the request again shortly.",
            },
        });
    }

    private static bool IsDependencyFailure(Exception exception) => exception switch
    {
        NpgsqlException or HttpRequestException or SocketException or TimeoutException => true,
        // Orleans' cluster and messaging failures (the service defaults do not reference Orleans itself).
        _ when exception.GetType().Namespace?.StartsWith("Orleans", StringComparison.Ordinal) == true => true,
        _ => exception.InnerException is { } inner && IsDependencyFailure(inner),
    };
}
