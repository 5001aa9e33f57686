using AiRoi.Domain.UseCases;

namespace AiRoi.Metrics.UseCases;

/// <summary>
/// One use case as an answer: the body in <see cref="UseCaseJson"/> (enums as kebab-case strings whatever the
/// host's JSON options say), the revision as <c>ETag</c>, and <c>Location</c> when it was just created.
/// </summary>
public sealed class UseCaseResult : IResult, IStatusCodeHttpResult, IValueHttpResult<RegisteredUseCase>, IContentTypeHttpResult
{
    private readonly string? location;

    private UseCaseResult(RegisteredUseCase value, int statusCode, string? location)
    {
        Value = value;
        StatusCode = statusCode;
        this.location = location;
    }

    /// <inheritdoc />
    public RegisteredUseCase Value { get; }

    /// <inheritdoc />
    public int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <inheritdoc />
    public string ContentType => "application/json";

    /// <summary>200 with the use case.</summary>
    public static UseCaseResult Ok(StoredUseCase stored) => new(stored.ToRegistered(), StatusCodes.Status200OK, null);

    /// <summary>201 with the use case and its URL.</summary>
    public static UseCaseResult Created(StoredUseCase stored) =>
        new(stored.ToRegistered(), StatusCodes.Status201Created, $"/api/v1/use-cases/{Uri.EscapeDataString(stored.UseCase.Id)}");

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.Headers.ETag = RevisionCondition.EntityTag(Value.Revision);
        if (location is not null)
        {
            response.Headers.Location = location;
        }

        return response.WriteAsJsonAsync(Value, UseCaseJson.Options, ContentType, httpContext.RequestAborted);
    }
}
