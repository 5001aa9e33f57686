using AiRoi.Domain;
using AiRoi.Domain.Health;
using AiRoi.Domain.Portfolio;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Roi;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.UseCases;
using AiRoi.Metrics.Reports;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.Metrics.Portfolio;

/// <summary>
/// <c>GET /api/v1/portfolio</c>: every use case with its key metrics against baseline and target, ROI and health
/// flags, with totals, from the summaries the silos hold (<see cref="PortfolioSummaries"/>); an answer made from the
/// same summaries as one before is that answer again (<see cref="PortfolioAnswers"/>).
/// </summary>
public static class PortfolioApi
{
    /// <summary>The sort keys, by wire name.</summary>
    private static readonly Dictionary<string, Func<UseCaseSummary, IComparable?>> SortKeys = new(StringComparer.Ordinal)
    {
        ["name"] = row => row.Name,
        ["category"] = row => WireJson.Name(row.Category),
        ["owner"] = row => row.Owner?.Name,
        ["events"] = row => row.Events,
        ["last-event"] = row => row.LastEventAt,
        ["roi"] = row => row.Roi?.Roi?.Value,
        ["net-benefit"] = row => row.Roi?.NetBenefit?.Value,
        ["savings"] = row => row.Roi?.Savings?.Value,
        ["health"] = row => row.Health.Count,
    };

    /// <summary>Maps <c>/api/v1/portfolio</c>.</summary>
    public static IEndpointRouteBuilder MapPortfolioApiV1(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/portfolio", GetAsync)
            .WithTags("Portfolio")
            .WithName("GetPortfolio")
            .WithSummary("Every use case with key metrics vs baseline and target, ROI (last 90 days, or from..to when from is given; to defaults to asOf, today) and health flags, with totals. Filters: category, owner (name or e-mail, any part), health (healthy or a check such as no-baseline), includeArchived. sort: name, category, owner, events, last-event, roi, net-benefit, savings, health; order: asc or desc.")
            .Produces<PortfolioReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/api/v1/portfolio/over-time", GetOverTimeAsync)
            .WithTags("Portfolio")
            .WithName("GetPortfolioOverTime")
            .WithSummary("The portfolio's savings, revenue lift, fixed costs, net benefit and ROI by month (granularity=month, the default, or quarter) from from to to (the last twelve months by default), for the use cases the portfolio lists (filters: category, owner) in the organization's currency; the others are counted under notAdded.")
            .Produces<PortfolioOverTime>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    /// <summary>The portfolio.</summary>
    public static async Task<Results<PortfolioResult, ProblemHttpResult>> GetAsync(
        HttpRequest request, [AsParameters] ReportServices services, AiRoi.Metrics.Organization.OrganizationStore organization,
        PortfolioSummaries held, PortfolioAnswers answers, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var errors = new List<ValidationError>();
        // "to" names the same day as "asOf" (the last day of a chosen period); "from" its first.
        var asOf = Day(query, string.IsNullOrEmpty(query["to"]) ? "asOf" : "to", services.Today, errors) ?? services.Today;
        var from = Day(query, "from", services.Today, errors);
        if (from is { } first && errors.Count == 0)
        {
            var days = asOf.DayNumber - first.DayNumber + 1;
            if (days < 1)
            {
                errors.Add(new("from", ValidationCodes.Inconsistent, $"from ({first:yyyy-MM-dd}) must not be after to ({asOf:yyyy-MM-dd})."));
            }
            else if (days > ReportQuery.MaxRangeDays)
            {
                errors.Add(new("from", ValidationCodes.OutOfRange, $"A period covers at most {ReportQuery.MaxRangeDays} days."));
            }
        }
        var category = Parse<UseCaseCategory>(query["category"], "category", errors);
        var health = query["health"].ToString();
        HealthCheck? check = null;
        if (!string.IsNullOrEmpty(health) && health != "healthy")
        {
            check = Parse<HealthCheck>(health, "health", errors, "healthy");
        }
        var sort = string.IsNullOrEmpty(query["sort"]) ? "name" : query["sort"].ToString();
        if (!SortKeys.ContainsKey(sort))
        {
            errors.Add(new("sort", ValidationCodes.UnknownValue, $"sort must be one of: {string.Join(", ", SortKeys.Keys)}."));
        }
        var order = string.IsNullOrEmpty(query["order"]) ? "asc" : query["order"].ToString();
        if (order is not ("asc" or "desc"))
        {
            errors.Add(new("order", ValidationCodes.UnknownValue, "order must be asc or desc."));
        }
        var includeArchived = false;
        if (!string.IsNullOrEmpty(query["includeArchived"]) && !bool.TryParse(query["includeArchived"], out includeArchived))
        {
            errors.Add(new("includeArchived", ValidationCodes.InvalidFormat, "includeArchived must be true or false."));
        }
        if (errors.Count > 0)
        {
            return ValidationFailure.ToProblem(errors);
        }

        // A key scoped to some use cases sees a portfolio of those only, totals included.
        var holder = ApiKeyFilters.KeyHolder(request.HttpContext);
        var registered = services.Registry.ListIdsAsync(cancellationToken);
        var settings = organization.ReadAsync(cancellationToken);
        await Task.WhenAll(registered, settings);
        var ids = (await registered).Where(holder.Covers).ToList();
        // Amounts add up only within one currency: the totals are in the organization's; the rest are counted apart.
        var currency = (await settings).Currency;
        // The usual view comes from the summaries held in this silo, refreshed by revision; a chosen period or another
        // day is computed by each grain for this call.
        var usual = from is null && asOf == services.Today;
        var summaries = usual
            ? await held.GetAsync(ids, asOf)
            : (await Task.WhenAll(ids.Select(id => services.Grain(id).GetSummaryAsync(asOf, from)))).Select(summary => summary.Value).OfType<UseCaseSummary>().ToList();
        var owner = query["owner"].ToString();
        byte[] Answer() => Portfolio(asOf, summaries, category, owner, health, check, includeArchived, sort, order, currency);
        // The usual view's answer is kept with the summaries it was made from; everything else it depends on is the question.
        return new PortfolioResult(usual
            ? answers.GetOrAdd(string.Join('\n', asOf.DayNumber, category, owner, health, sort, order, includeArchived, currency), summaries, Answer)
            : Answer());
    }

    /// <summary>The portfolio's JSON: the summaries filtered, added up and sorted.</summary>
    private static byte[] Portfolio(
        DateOnly asOf, IReadOnlyList<UseCaseSummary> summaries, UseCaseCategory? category, string owner, string health, HealthCheck? check,
        bool includeArchived, string sort, string order, string currency)
    {
        var listed = summaries
            .Where(summary => includeArchived || !summary.Archived)
            .Where(summary => category is null || summary.Category == category)
            .Where(summary => string.IsNullOrEmpty(owner) || OwnedBy(summary.Owner, owner))
            .Where(summary => string.IsNullOrEmpty(health)
                || (check is null ? summary.Health.Count == 0 : summary.Health.Any(finding => finding.Check == check)))
            .ToList();
        bool InCurrency(UseCaseSummary summary) => summary.Currency is null || summary.Currency == currency;
        var totals = PortfolioRoi.Add(listed.Where(InCurrency).Select(summary => summary.Roi).OfType<RoiFigures>());
        var sinceGoLive = PortfolioRoi.Add(listed.Where(InCurrency).Select(summary => summary.RoiSinceGoLive).OfType<RoiFigures>());
        var notAdded = listed.Where(summary => !InCurrency(summary)).GroupBy(summary => summary.Currency!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

        var key = SortKeys[sort];
        // Use cases without the sort figure (no ROI yet) go last in either order.
        var sorted = (order == "asc"
                ? listed.OrderBy(row => key(row) is null).ThenBy(key)
                : listed.OrderBy(row => key(row) is null).ThenByDescending(key))
            .ThenBy(row => row.Id, StringComparer.Ordinal)
            .ToList();

        var flags = Enum.GetValues<HealthCheck>().ToDictionary(WireJson.Name, flag => sorted.Count(row => row.Health.Any(finding => finding.Check == flag)));
        flags["healthy"] = sorted.Count(row => row.Health.Count == 0);
        return PortfolioResult.Serialize(asOf, sorted, totals, sinceGoLive, flags, currency, notAdded);
    }

    /// <summary>The range of the portfolio over time by default: the twelve months up to today.</summary>
    public const int OverTimeMonths = 12;

    /// <summary>Answers the portfolio over time.</summary>
    public static async Task<Results<JsonHttpResult<PortfolioOverTime>, ProblemHttpResult>> GetOverTimeAsync(
        HttpRequest request, [AsParameters] ReportServices services, AiRoi.Metrics.Organization.OrganizationStore organization, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var errors = new List<ValidationError>();
        var today = services.Today;
        var granularity = query["granularity"].ToString() switch
        {
            "" or "month" => Granularity.Month,
            "quarter" => Granularity.Quarter,
            _ => RefuseGranularity(errors),
        };
        var to = Day(query, "to", today, errors) ?? today;
        var from = Day(query, "from", today, errors) ?? Periods.StartOf(to, Granularity.Month).AddMonths(1 - OverTimeMonths);
        if (errors.Count == 0 && from > to)
        {
            errors.Add(new("from", ValidationCodes.Inconsistent, $"from ({from:yyyy-MM-dd}) must not be after to ({to:yyyy-MM-dd})."));
        }
        else if (errors.Count == 0 && to.DayNumber - from.DayNumber + 1 > ReportQuery.MaxRangeDays)
        {
            errors.Add(new("from", ValidationCodes.OutOfRange, $"A period covers at most {ReportQuery.MaxRangeDays} days."));
        }
        UseCaseCategory? category = null;
        if (!string.IsNullOrEmpty(query["category"]))
        {
            category = WireJson.Parse<UseCaseCategory>(query["category"].ToString());
            if (category is null)
            {
                errors.Add(new("category", ValidationCodes.UnknownValue, $"category must be one of: {string.Join(", ", Enum.GetValues<UseCaseCategory>().Select(WireJson.Name))}."));
            }
        }
        if (errors.Count > 0)
        {
            return ValidationFailure.ToProblem(errors);
        }

        // The same use cases the portfolio lists: active, covered by the key, filtered alike.
        var holder = ApiKeyFilters.KeyHolder(request.HttpContext);
        var ids = (await services.Registry.ListIdsAsync(cancellationToken)).Where(holder.Covers).ToList();
        var summaries = (await Task.WhenAll(ids.Select(id => services.Grain(id).GetSummaryAsync(to, null))))
            .Select(summary => summary.Value)
            .OfType<UseCaseSummary>()
            .Where(summary => !summary.Archived && (category is null || summary.Category == category))
            .Where(summary => string.IsNullOrEmpty(query["owner"]) || OwnedBy(summary.Owner, query["owner"].ToString()))
            .ToList();
        var currency = (await organization.ReadAsync(cancellationToken)).Currency;
        var added = summaries.Where(summary => summary.Currency is null || summary.Currency == currency).ToList();
        var notAdded = summaries.Except(added).GroupBy(summary => summary.Currency!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var reports = await Task.WhenAll(added.Select(summary => services.Grain(summary.Id).GetRoiAsync(granularity, from, to.AddDays(1))));
        var periods = reports.Select(answer => answer.Result?.Periods ?? []).ToList();
        return TypedResults.Json(PortfolioOverTime.Add(granularity, currency, periods, notAdded), WireJson.Answers);
    }

    private static Granularity RefuseGranularity(List<ValidationError> errors)
    {
        errors.Add(new("granularity", ValidationCodes.UnknownValue, "granularity must be month or quarter."));
        return Granularity.Month;
    }

    private static DateOnly? Day(IQueryCollection query, string parameter, DateOnly today, List<ValidationError> errors)
    {
        var text = query[parameter].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            errors.Add(new(parameter, ValidationCodes.InvalidFormat, $"{parameter} must be a date as yyyy-MM-dd."));
            return null;
        }
        if (!ReportQuery.IsReportable(day, today))
        {
            errors.Add(new(parameter, ValidationCodes.OutOfRange, $"{parameter} must lie between {ReportQuery.EarliestDate:yyyy-MM-dd} and {today.AddYears(ReportQuery.MaxYearsAhead):yyyy-MM-dd}."));
            return null;
        }
        return day;
    }

    private static bool OwnedBy(BusinessOwner? owner, string wanted) =>
        owner is not null
        && (owner.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase) || owner.Email.Contains(wanted, StringComparison.OrdinalIgnoreCase));

    private static TEnum? Parse<TEnum>(string? text, string field, List<ValidationError> errors, params string[] more) where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var value = WireJson.Parse<TEnum>(text);
        if (value is null)
        {
            errors.Add(new(field, ValidationCodes.UnknownValue,
                $"{field} must be one of: {string.Join(", ", more.Concat(Enum.GetValues<TEnum>().Select(WireJson.Name)))}."));
        }
        return value;
    }
}
