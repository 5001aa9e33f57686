using AiRoi.Domain.Metrics;

namespace AiRoi.Domain.UseCases;

/// <summary>
/// The input rules of a use case definition. Every broken rule is reported with the wire path of its field
/// (<c>businessOwner.email</c>, <c>targets[1].dueDate</c>) and a stable code. Judgements about a valid
/// definition (a vanity primary metric, no owner, no targets) are health checks, not validation errors.
/// </summary>
public static class UseCaseValidator
{
    /// <summary>Checks a use case against every rule; an empty list means it is valid.</summary>
    public static IReadOnlyList<ValidationError> Validate(UseCase useCase)
    {
        ArgumentNullException.ThrowIfNull(useCase);

        var errors = new FieldErrors();
        errors.Slug("id", useCase.Id);
        errors.RequiredText("name", useCase.Name, UseCaseLimits.MaxNameLength);
        errors.Defined("category", useCase.Category);
        CheckOwner(errors, useCase.BusinessOwner);
        if (useCase.AiGoLiveDate is { } goLive)
        {
            CheckDate(errors, "aiGoLiveDate", goLive, defaultMeansMissing: false);
        }

        CheckEconomics(errors, useCase.UnitEconomics);
        CustomMetricRules.Check(errors, useCase.CustomMetrics);
        CheckMetrics(errors, useCase);
        CheckTargets(errors, useCase);
        CheckSegmentDimensions(errors, useCase.SegmentDimensions);
        if (useCase.ReviewCadenceDays is < 1 or > UseCaseLimits.MaxReviewCadenceDays)
        {
            errors.Add("reviewCadenceDays", ValidationCodes.OutOfRange,
                $"reviewCadenceDays must be between 1 and {UseCaseLimits.MaxReviewCadenceDays}.");
        }

        return errors.ToList();
    }

    private static void CheckOwner(FieldErrors errors, BusinessOwner? owner)
    {
        if (owner is null)
        {
            return;
        }

        errors.RequiredText("businessOwner.name", owner.Name, UseCaseLimits.MaxNameLength);
        if (string.IsNullOrWhiteSpace(owner.Email))
        {
            errors.Add("businessOwner.email", ValidationCodes.Required, "businessOwner.email is required.");
        }
        else if (owner.Email.Length > TextFormats.MaxEmailLength)
        {
            errors.Add("businessOwner.email", ValidationCodes.TooLong, $"businessOwner.email must be at most {TextFormats.MaxEmailLength} characters.");
        }
        else if (!TextFormats.IsEmail(owner.Email))
        {
            errors.Add("businessOwner.email", ValidationCodes.InvalidFormat, "businessOwner.email must be an e-mail address such as 'ana@example.com'.");
        }
    }

    private static bool CheckDate(FieldErrors errors, string field, DateOnly date, bool defaultMeansMissing)
    {
        // A non-nullable date that was never sent arrives as 0001-01-01; an optional one can only hold it if sent.
        if (defaultMeansMissing && date == default)
        {
            errors.Add(field, ValidationCodes.Required, $"{field} is required.");
            return false;
        }

        if (date < UseCaseLimits.EarliestDate || date > UseCaseLimits.LatestDate)
        {
            errors.Add(field, ValidationCodes.OutOfRange,
                $"{field} must be between {UseCaseLimits.EarliestDate:yyyy-MM-dd} and {UseCaseLimits.LatestDate:yyyy-MM-dd}.");
            return false;
        }

        return true;
    }

    private static void CheckEconomics(FieldErrors errors, UnitEconomics? economics)
    {
        if (economics is null)
        {
            errors.Add("unitEconomics", ValidationCodes.Required, "unitEconomics is required.");
            return;
        }

        errors.Money("unitEconomics.loadedHumanCostPerHour", economics.LoadedHumanCostPerHour, UseCaseLimits.MaxLoadedHumanCostPerHour);
        errors.Money("unitEconomics.valuePerConversion", economics.ValuePerConversion, UseCaseLimits.MaxValuePerConversion);
        errors.Money("unitEconomics.implementationCost", economics.ImplementationCost, UseCaseLimits.MaxImplementationCost);
        if (economics.Currency is { } currency && !Currencies.IsKnown(currency))
        {
            errors.Add("unitEconomics.currency", ValidationCodes.UnknownValue,
                "unitEconomics.currency must be an ISO 4217 currency code in capitals, such as EUR or GBP; leave it out to use the organization's currency.");
        }
        if (!errors.List("unitEconomics.fixedMonthlyCosts", economics.FixedMonthlyCosts, UseCaseLimits.MaxFixedCosts))
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < economics.FixedMonthlyCosts.Count; i++)
        {
            var field = $"unitEconomics.fixedMonthlyCosts[{i}]";
            if (economics.FixedMonthlyCosts[i] is not { } cost)
            {
                errors.Add(field, ValidationCodes.Required, $"{field} must not be null.");
                continue;
            }

            errors.RequiredText($"{field}.name", cost.Name, UseCaseLimits.MaxFixedCostNameLength);
            errors.Money($"{field}.amount", cost.Amount, UseCaseLimits.MaxFixedMonthlyCost);
            if (!string.IsNullOrWhiteSpace(cost.Name) && !names.Add(cost.Name.Trim()))
            {
                // Two lines with one name are usually the same cost entered twice, which would double the denominator.
                errors.Add($"{field}.name", ValidationCodes.Duplicate, $"{field}.name '{cost.Name.Trim()}' is listed twice.");
            }
        }
    }

    private static void CheckMetrics(FieldErrors errors, UseCase useCase)
    {
        var primaryKnown = CheckMetricKey(errors, "primaryMetric", useCase.PrimaryMetric, useCase);
        if (!errors.List("guardrailMetrics", useCase.GuardrailMetrics, UseCaseLimits.MaxGuardrailMetrics))
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < useCase.GuardrailMetrics.Count; i++)
        {
            var field = $"guardrailMetrics[{i}]";
            var key = useCase.GuardrailMetrics[i];
            if (!CheckMetricKey(errors, field, key, useCase))
            {
                continue;
            }

            if (primaryKnown && key == useCase.PrimaryMetric)
            {
                // A metric cannot guard against its own over-optimization.
                errors.Add(field, ValidationCodes.Inconsistent, $"{field} is the primary metric; a guardrail must be a different metric.");
            }
            else if (!seen.Add(key))
            {
                errors.Add(field, ValidationCodes.Duplicate, $"{field} '{key}' is listed twice.");
            }
        }
    }

    private static void CheckSegmentDimensions(FieldErrors errors, IReadOnlyList<string>? dimensions)
    {
        if (!errors.List("segmentDimensions", dimensions, UseCaseLimits.MaxSegmentDimensions))
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dimensions.Count; i++)
        {
            var field = $"segmentDimensions[{i}]";
            if (errors.Identifier(field, dimensions[i]) && !seen.Add(dimensions[i]))
            {
                errors.Add(field, ValidationCodes.Duplicate, $"{field} '{dimensions[i]}' is listed twice.");
            }
        }
    }

    private static void CheckTargets(FieldErrors errors, UseCase useCase)
    {
        if (!errors.List("targets", useCase.Targets, UseCaseLimits.MaxTargets))
        {
            return;
        }

        for (var i = 0; i < useCase.Targets.Count; i++)
        {
            var field = $"targets[{i}]";
            if (useCase.Targets[i] is not { } target)
            {
                errors.Add(field, ValidationCodes.Required, $"{field} must not be null.");
                continue;
            }

            errors.Defined($"{field}.direction", target.Direction);
            var metric = CheckMetricKey(errors, $"{field}.metricKey", target.MetricKey, useCase) ? useCase.ResolveMetric(target.MetricKey) : null;
            CheckTargetValue(errors, field, target, metric);
            if (CheckDate(errors, $"{field}.dueDate", target.DueDate, defaultMeansMissing: true) && useCase.AiGoLiveDate is { } goLive && target.DueDate < goLive)
            {
                errors.Add($"{field}.dueDate", ValidationCodes.Inconsistent, $"{field}.dueDate is before aiGoLiveDate; the AI cannot meet a target before it runs.");
            }
        }
    }

    private static void CheckTargetValue(FieldErrors errors, string field, Target target, MetricDefinition? metric)
    {
        if (!double.IsFinite(target.Value))
        {
            errors.Add($"{field}.value", ValidationCodes.NotFinite, $"{field}.value must be a finite number.");
            return;
        }

        if (metric is null)
        {
            return;
        }

        if (Enum.IsDefined(metric.Unit) && !MetricUnits.Contains(metric.Unit, target.Value))
        {
            errors.Add($"{field}.value", ValidationCodes.OutOfRange,
                $"{field}.value {target.Value} cannot be reached by '{metric.Key}', measured in {FieldErrors.KebabCase(metric.Unit.ToString())}.");
        }

        var expected = metric.GoodDirection == GoodDirection.Higher ? TargetDirection.AtLeast : TargetDirection.AtMost;
        if (Enum.IsDefined(target.Direction) && Enum.IsDefined(metric.GoodDirection) && target.Direction != expected)
        {
            // "CSAT at most 3" or "cost per task at least 10" describes failure, not success.
            errors.Add($"{field}.direction", ValidationCodes.Inconsistent,
                $"{field}.direction must be {FieldErrors.KebabCase(expected.ToString())}: '{metric.Key}' is better when {FieldErrors.KebabCase(metric.GoodDirection.ToString())}.");
        }
    }

    private static bool CheckMetricKey(FieldErrors errors, string field, string? key, UseCase useCase)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            errors.Add(field, ValidationCodes.Required, $"{field} is required.");
            return false;
        }

        if (useCase.ResolveMetric(key) is null)
        {
            errors.Add(field, ValidationCodes.UnknownMetric,
                $"{field} '{Shorten(key)}' is neither a built-in metric nor one of this use case's custom metrics.");
            return false;
        }

        return true;
    }

    private static string Shorten(string text) => text.Length > TextFormats.MaxIdentifierLength ? text[..TextFormats.MaxIdentifierLength] + "…" : text;
}
