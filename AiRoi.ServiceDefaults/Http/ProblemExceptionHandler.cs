using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace AiRoi.ServiceDefaults.Http;

/// <summary>
/// The one place a refused request becomes RFC 9457 problem details: handlers and the helpers they call throw a
/// <see cref="ProblemException"/> (a body that does not bind, an unknown use case, a rule broken), and this answers
/// it with the problem's status, type and failing field. The server's own refusals of a request it cannot read (a
/// body over the size limit, a truncated body) are answered the same way, with their status. Anything else is left to
/// the next handler.
/// </summary>
public sealed class ProblemExceptionHandler : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ProblemException thrown => thrown,
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemException(
                RequestProblems.RequestTooLarge, "$", "The request body is larger than this endpoint accepts; send less at a time."),
            BadHttpRequestException bad => new ProblemException(RequestProblems.BadRequest, "$", bad.Message),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        await problem.ToProblem().ExecuteAsync(httpContext);
        return true;
    }
}
