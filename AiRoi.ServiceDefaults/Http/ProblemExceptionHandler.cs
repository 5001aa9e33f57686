using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace AiRoi.ServiceDefaults.Http;

/// <summary>
/// The one place a refused request becomes RFC 9457 problem details: handlers and the helpers they call throw a
/// <see cref="ProblemException"/> (a body that does not bind, an unknown use case, a rule broken), and this answers
/// it with the problem's status, type and failing field. Anything else is left to the next handler.
/// </summary>
public sealed class ProblemExceptionHandler : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ProblemException problem)
        {
            return false;
        }
        await problem.ToProblem().ExecuteAsync(httpContext);
        return true;
    }
}
