using System.Globalization;
using AiRoi.Domain;
using AiRoi.Domain.Digests;
using AiRoi.Domain.Rollups;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.Metrics.Digests;

/// <summary><c>/api/v1/digests</c>: each business owner's weekly review, as it is (or would be) sent.</summary>
public static class DigestsApi
{
    private static readonly ProblemType NoDigest = new("digests/not-found", StatusCodes.Status404NotFound, "No digest for this owner.");

    /// <summary>Maps the digest endpoints.</summary>
    public static IEndpointRouteBuilder MapDigestsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/digests").WithTags("Digests");
        api.MapGet("", ListAsync)
            .WithName("ListDigests")
            .WithSummary("The weekly digests of a week (week=yyyy-MM-dd, any day of it; the last complete week by default): one per business owner with an e-mail address, over the use cases the key covers.")
            .Produces<IReadOnlyList<DigestListing>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/{ownerEmail}", GetAsync)
            .WithName("GetDigest")
            .WithSummary("One owner's weekly digest as the HTML they receive (week= as for the list).")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The week's digests.</summary>
    public static async Task<Results<Ok<IReadOnlyList<DigestListing>>, ProblemHttpResult>> ListAsync(
        [Microsoft.AspNetCore.Mvc.FromQuery] string? week, HttpContext http, DigestBuilder builder, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TryWeek(week, time, out var monday, out var problem))
        {
            return problem!;
        }
        var holder = ApiKeyFilters.KeyHolder(http);
        var digests = await builder.BuildAsync(monday, Today(time), holder.Covers, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DigestListing>>(digests
            .Select(digest => new DigestListing(digest.OwnerName, digest.OwnerEmail, digest.WeekStart, digest.Subject, digest.UseCases.Select(useCase => useCase.Id).ToList()))
            .ToList());
    }

    /// <summary>One owner's digest as HTML.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(
        string ownerEmail, [Microsoft.AspNetCore.Mvc.FromQuery] string? week, HttpContext http, DigestBuilder builder, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TryWeek(week, time, out var monday, out var problem))
        {
            return problem!;
        }
        var holder = ApiKeyFilters.KeyHolder(http);
        var digest = (await builder.BuildAsync(monday, Today(time), holder.Covers, cancellationToken))
            .FirstOrDefault(each => string.Equals(each.OwnerEmail, ownerEmail.Trim(), StringComparison.OrdinalIgnoreCase));
        return digest is null
            ? NoDigest.ToProblem($"No active use case covered by this key has a business owner with the e-mail address '{ownerEmail}'.")
            : TypedResults.Content(digest.ToHtml(), "text/html; charset=utf-8");
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static bool TryWeek(string? week, TimeProvider time, out DateOnly monday, out ProblemHttpResult? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(week))
        {
            monday = WeeklyDigest.LastCompleteWeek(Today(time));
            return true;
        }
        if (!DateOnly.TryParseExact(week, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year < 2000 || day > Today(time).AddYears(1))
        {
            monday = default;
            problem = ValidationFailure.ToProblem([new ValidationError("week", ValidationCodes.InvalidFormat, "week must be a day as yyyy-MM-dd; its Monday starts the week.")]);
            return false;
        }
        monday = Periods.StartOf(day, Granularity.Week);
        return true;
    }
}
