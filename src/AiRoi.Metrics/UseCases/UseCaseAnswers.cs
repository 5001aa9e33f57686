using AiRoi.Contracts.UseCases;
using AiRoi.ServiceDefaults.Http;

namespace AiRoi.Metrics.UseCases;

/// <summary>
/// How the metrics API answers what a use case's grain answered: the result, a 404 problem for a use case that is
/// not registered, or a 400 problem naming each argument the grain refused (thrown, and answered by the service's
/// problem handler).
/// </summary>
public static class UseCaseAnswers
{
    /// <summary>The result of <paramref name="answer"/>, the grain's answer about use case <paramref name="id"/>.</summary>
    /// <exception cref="ProblemException">The use case is not registered, or the grain refused the arguments.</exception>
    public static T ValueOf<T>(this UseCaseAnswer<T> answer, string id)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.IsUnknownUseCase)
        {
            throw NotFound(id);
        }
        if (answer.Errors.Count > 0)
        {
            throw new ValidationFailedException(answer.Errors);
        }
        return answer.Value;
    }

    /// <summary>The problem of a use case id that is not registered.</summary>
    public static ProblemException NotFound(string id) =>
        new(UseCaseProblems.NotFound, "id", $"No use case has the id '{id}'; GET /api/v1/use-cases?includeArchived=true lists them all.");
}
