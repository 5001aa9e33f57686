using AiRoi.Domain.Metrics;

namespace AiRoi.Domain.UseCases;

/// <summary>The rules for a use case's custom metric definitions; part of <see cref="UseCaseValidator"/>.</summary>
internal static class CustomMetricRules
{
    public static void Check(FieldErrors errors, IReadOnlyList<CustomMetricDefinition>? customMetrics)
    {
        if (!errors.List("customMetrics", customMetrics, UseCaseLimits.MaxCustomMetrics))
        {
            return;
        }

        // Case-insensitive, like the reserved names: "leadScore" and "LeadScore" would be indistinguishable in a report.
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < customMetrics.Count; i++)
        {
            var field = $"customMetrics[{i}]";
            if (customMetrics[i] is not { } metric)
            {
                errors.Add(field, ValidationCodes.Required, $"{field} must not be null.");
                continue;
            }

            CheckName(errors, field, metric.Name, names);
            errors.RequiredText($"{field}.displayName", metric.DisplayName, UseCaseLimits.MaxNameLength);
            errors.OptionalText($"{field}.description", metric.Description, UseCaseLimits.MaxDescriptionLength);
            errors.Defined($"{field}.unit", metric.Unit);
            errors.Defined($"{field}.aggregation", metric.Aggregation);
            errors.Defined($"{field}.goodDirection", metric.GoodDirection);
            errors.Defined($"{field}.kind", metric.Kind);
            errors.Defined($"{field}.role", metric.Role);
            CheckLabels(errors, field, metric);
        }
    }

    private static void CheckName(FieldErrors errors, string field, string? name, HashSet<string> names)
    {
        if (!errors.Identifier($"{field}.name", name))
        {
            return;
        }

        if (MetricCatalog.IsReserved(name))
        {
            errors.Add($"{field}.name", ValidationCodes.Reserved, $"{field}.name '{name}' is a built-in metric; use it directly or pick another name.");
        }
        else if (!names.Add(name))
        {
            errors.Add($"{field}.name", ValidationCodes.Duplicate, $"{field}.name '{name}' is already declared.");
        }
    }

    private static void CheckLabels(FieldErrors errors, string field, CustomMetricDefinition metric)
    {
        // An aggregation only makes sense for one unit: a rate is a share, NPS is on its own scale, a count counts.
        var requiredUnit = metric.Aggregation switch
        {
            Aggregation.Rate => MetricUnit.Ratio,
            Aggregation.NetPromoter => MetricUnit.NetPromoterScore,
            Aggregation.Count => MetricUnit.Count,
            _ => (MetricUnit?)null,
        };
        if (requiredUnit is { } unit && metric.Unit != unit && Enum.IsDefined(metric.Unit))
        {
            errors.Add($"{field}.unit", ValidationCodes.Inconsistent,
                $"{field}.unit must be {FieldErrors.KebabCase(unit.ToString())} for the aggregation {FieldErrors.KebabCase(metric.Aggregation.ToString())}.");
        }

        if (metric.Kind == ValueKind.Vanity && metric.Role == MetricRole.Output)
        {
            // Output metrics justify the investment; a vanity metric never counts toward ROI, so it cannot be one.
            errors.Add($"{field}.role", ValidationCodes.Inconsistent, $"{field}.role must be process: a vanity metric never justifies the investment.");
        }

        if (metric.Kind == ValueKind.Value && metric.Name is { } name && MetricTemplates.IsVanityName(name))
        {
            errors.Add($"{field}.kind", ValidationCodes.Inconsistent, $"{field}.kind must be vanity: '{name}' is a vanity metric.");
        }
    }
}
