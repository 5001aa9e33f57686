using System.Globalization;
using AiRoi.Domain;
using AiRoi.Domain.Events;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Rollups;
using Period = AiRoi.Domain.Rollups.Granularity;
using AiRoi.Domain.UseCases;
using AiRoi.Domain.Targets;

namespace AiRoi.Metrics.Reports;

/// <summary>
/// Reads the query parameters the reports share (<c>from</c>, <c>to</c>, <c>asOf</c>, <c>granularity</c>,
/// <c>handler</c>, <c>segment</c>, <c>metric</c>) and collects every bad one as a <see cref="ValidationError"/>
/// naming the parameter, so that one answer lists them all.
/// </summary>
/// <param name="query">The request's query string.</param>
/// <param name="useCase">The use case the report is for: metrics and segment dimensions are checked against it.</param>
/// <param name="today">Today (UTC), the default of <c>asOf</c> and <c>to</c>.</param>
public sealed class ReportQuery(IQueryCollection query, UseCase useCase, DateOnly today)
{
    /// <summary>Longest range a day-by-day series may cover: the days a roll-up keeps by day.</summary>
    public const int MaxDailyRangeDays = RollupLimits.RetainedDays;

    /// <summary>Longest range of any report: ten years.</summary>
    public const int MaxRangeDays = 3653;

    /// <summary>A year: the default range of series and ROI.</summary>
    public const int DefaultRangeDays = 365;

    /// <summary>The earliest date a report may name: events reach back no further (EventLimits).</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>How far ahead a report may look (targets' due dates, plans).</summary>
    public const int MaxYearsAhead = 10;

    private readonly List<ValidationError> errors = [];

    /// <summary>Whether a date lies in the span reports may name.</summary>
    public static bool IsReportable(DateOnly date, DateOnly today) => date >= EarliestDate && date <= today.AddYears(MaxYearsAhead);

    /// <summary>Every problem found so far.</summary>
    public IReadOnlyList<ValidationError> Errors => errors;

    /// <summary>Refuses <paramref name="parameter"/> for a reason only its handler can judge.</summary>
    public void Refuse(string parameter, string code, string message) => errors.Add(new(parameter, code, message));

    /// <summary>The day the report is as of (<c>asOf</c>, <c>yyyy-MM-dd</c>); today by default.</summary>
    public DateOnly AsOf() => Date("asOf") ?? today;

    /// <summary>
    /// The period KPI tiles are read over: the <see cref="TargetEvaluator.WindowDays"/> days up to <c>asOf</c>; with
    /// <c>from</c>, the days from it to <c>to</c> (or <c>asOf</c>), both included. Answered as its last day and length.
    /// </summary>
    public (DateOnly Today, int Days) Window()
    {
        if (string.IsNullOrEmpty(query["from"]))
        {
            return (Date("to") ?? AsOf(), TargetEvaluator.WindowDays);
        }
        var (from, until) = Range(Period.Month);
        return (until.AddDays(-1), Math.Max(1, until.DayNumber - from.DayNumber));
    }

    /// <summary>
    /// The range <c>[from, to]</c> as <c>[from, until)</c>; <c>to</c> defaults to <c>asOf</c> and <c>from</c> to
    /// a year before it.
    /// </summary>
    public (DateOnly From, DateOnly Until) Range(Period granularity)
    {
        var to = Date("to") ?? AsOf();
        var from = Date("from") ?? to.AddDays(1 - DefaultRangeDays);
        var days = to.DayNumber - from.DayNumber + 1;
        if (days < 1)
        {
            errors.Add(new("from", ValidationCodes.Inconsistent, $"from ({from:yyyy-MM-dd}) must not be after to ({to:yyyy-MM-dd})."));
        }
        else if (granularity == Period.Day && days > MaxDailyRangeDays)
        {
            errors.Add(new("from", ValidationCodes.OutOfRange, $"A day-by-day series covers at most {MaxDailyRangeDays} days; ask for weeks or months, or a shorter range."));
        }
        else if (days > MaxRangeDays)
        {
            errors.Add(new("from", ValidationCodes.OutOfRange, $"A report covers at most {MaxRangeDays} days."));
        }
        return (from, to.AddDays(1));
    }

    /// <summary>The <c>granularity</c> parameter (<c>day</c>, <c>week</c>, <c>month</c>, <c>quarter</c>), limited to <paramref name="allowed"/>.</summary>
    public Period Granularity(Period fallback, params Period[] allowed)
    {
        var text = query["granularity"].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        if (WireJson.Parse<Period>(text) is { } granularity && (allowed.Length == 0 || allowed.Contains(granularity)))
        {
            return granularity;
        }
        var names = (allowed.Length == 0 ? Enum.GetValues<Period>() : allowed).Select(WireJson.Name);
        errors.Add(new("granularity", ValidationCodes.UnknownValue, $"granularity must be one of: {string.Join(", ", names)}."));
        return fallback;
    }

    /// <summary>The <c>handler</c> parameter (<c>ai</c>, <c>human</c>, <c>hybrid</c>); null when absent.</summary>
    public Handler? Handler()
    {
        var text = query["handler"].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var handler = WireJson.Parse<Handler>(text);
        if (handler is null)
        {
            errors.Add(new("handler", ValidationCodes.UnknownValue, "handler must be one of: ai, human, hybrid."));
        }
        return handler;
    }

    /// <summary>The <c>segment</c> parameter, <c>dimension:value</c> (<c>complexity:high</c>); nulls when absent.</summary>
    public (string? Dimension, string? Value) Segment() => Segment("segment", query["segment"].ToString());

    /// <summary>
    /// A segment written <c>dimension:value</c> in <paramref name="text"/> (of parameter <paramref name="parameter"/>);
    /// nulls when empty, and an error naming the parameter when it is not one of the use case's segments.
    /// </summary>
    public (string? Dimension, string? Value) Segment(string parameter, string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            errors.Add(new(parameter, ValidationCodes.InvalidFormat, $"{parameter} must be dimension:value, e.g. complexity:high."));
            return (null, null);
        }
        var dimension = Dimension(parameter, text[..colon]);
        return (dimension, dimension is null ? null : text[(colon + 1)..]);
    }

    /// <summary>A segment dimension the use case tracks, or null with an error on <paramref name="parameter"/>.</summary>
    public string? Dimension(string parameter, string? dimension)
    {
        if (string.IsNullOrEmpty(dimension))
        {
            return null;
        }
        if (useCase.SegmentDimensions.Contains(dimension))
        {
            return dimension;
        }
        errors.Add(new(parameter, ValidationCodes.UnknownValue,
            $"'{dimension}' is not one of the use case's segment dimensions ({string.Join(", ", useCase.SegmentDimensions)}); add it to segmentDimensions first."));
        return null;
    }

    /// <summary>The metric named by <paramref name="key"/> (parameter <paramref name="parameter"/>), required.</summary>
    public MetricDefinition? Metric(string parameter, string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            errors.Add(new(parameter, ValidationCodes.Required, $"{parameter} is required: a built-in metric key or a custom metric of the use case."));
            return null;
        }
        var metric = useCase.ResolveMetric(key);
        if (metric is null)
        {
            errors.Add(new(parameter, ValidationCodes.UnknownMetric, $"'{key}' is neither a built-in metric nor a custom metric of the use case."));
        }
        return metric;
    }

    /// <summary>Segments are kept by week: a segmented day-by-day series is refused, naming <c>granularity</c>.</summary>
    public void RequireWeeksForSegments(Period granularity, bool segmented)
    {
        if (segmented && granularity == Period.Day)
        {
            errors.Add(new("granularity", ValidationCodes.Inconsistent, "Segments are kept by week; ask for week, month or quarter with a segment."));
        }
    }

    /// <summary>A true/false parameter; <paramref name="fallback"/> when absent.</summary>
    public bool Flag(string parameter, bool fallback)
    {
        var text = query[parameter].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        if (bool.TryParse(text, out var value))
        {
            return value;
        }
        errors.Add(new(parameter, ValidationCodes.InvalidFormat, $"{parameter} must be true or false."));
        return fallback;
    }

    private DateOnly? Date(string parameter)
    {
        var text = query[parameter].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new(parameter, ValidationCodes.InvalidFormat, $"{parameter} must be a date as yyyy-MM-dd."));
            return null;
        }
        if (!IsReportable(date, today))
        {
            errors.Add(new(parameter, ValidationCodes.OutOfRange, $"{parameter} must lie between {EarliestDate:yyyy-MM-dd} and {today.AddYears(MaxYearsAhead):yyyy-MM-dd}."));
            return null;
        }
        return date;
    }
}
