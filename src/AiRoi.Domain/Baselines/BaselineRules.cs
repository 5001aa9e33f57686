using AiRoi.Domain.Metrics;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Baselines;

/// <summary>The input rules of a <see cref="BaselineRequest"/> for a given use case.</summary>
public static class BaselineRules
{
    /// <summary>The earliest day a measured period may start: events reach back no further.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>The latest day a period may name.</summary>
    public static readonly DateOnly LatestDate = new(2100, 1, 1);

    /// <summary>Longest source or note.</summary>
    public const int MaxTextLength = 1000;

    /// <summary>Every broken rule; empty when the request may be carried out.</summary>
    public static IReadOnlyList<ValidationError> Check(BaselineRequest request, UseCase useCase)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(useCase);
        var errors = new FieldErrors();
        MetricDefinition? metric = null;
        if (string.IsNullOrEmpty(request.MetricKey))
        {
            errors.Add("metricKey", ValidationCodes.Required, "metricKey is required.");
        }
        else if ((metric = useCase.ResolveMetric(request.MetricKey)) is null)
        {
            errors.Add("metricKey", ValidationCodes.UnknownMetric, $"metricKey '{request.MetricKey}' is neither a built-in metric nor one of the use case's custom metrics.");
        }

        switch (request.Method)
        {
            case null:
                errors.Add("method", ValidationCodes.Required, "method is required: before-go-live, concurrent-human or manual.");
                break;
            case BaselineMethod.Manual:
                if (request.Value is not { } value)
                {
                    errors.Add("value", ValidationCodes.Required, "value is required for a manual baseline.");
                }
                else if (!double.IsFinite(value))
                {
                    errors.Add("value", ValidationCodes.NotFinite, "value must be a finite number.");
                }
                else if (metric is not null && !MetricUnits.Contains(metric.Unit, value))
                {
                    errors.Add("value", ValidationCodes.OutOfRange, $"value {value} is outside the range of the metric's unit ({metric.Unit}).");
                }
                errors.RequiredText("source", request.Source, MaxTextLength);
                break;
            default:
                if (request.Value is not null)
                {
                    errors.Add("value", ValidationCodes.Inconsistent, "value is measured from the events for this method; send it only with method manual.");
                }
                if (request.Method == BaselineMethod.BeforeGoLive && useCase.AiGoLiveDate is null)
                {
                    errors.Add("method", ValidationCodes.Inconsistent, "before-go-live needs the use case's aiGoLiveDate; set it first or measure concurrent-human.");
                }
                errors.OptionalText("source", request.Source, MaxTextLength);
                break;
        }

        foreach (var (field, date) in new[] { ("periodStart", request.PeriodStart), ("periodEnd", request.PeriodEnd) })
        {
            if (date is { } day && (day < EarliestDate || day > LatestDate))
            {
                errors.Add(field, ValidationCodes.OutOfRange, $"{field} must lie between {EarliestDate:yyyy-MM-dd} and {LatestDate:yyyy-MM-dd}.");
            }
        }
        if (request.PeriodStart is { } start && request.PeriodEnd is { } end && end <= start)
        {
            errors.Add("periodEnd", ValidationCodes.Inconsistent, "periodEnd must be after periodStart.");
        }
        errors.OptionalText("note", request.Note, MaxTextLength);
        return errors.ToList();
    }
}
