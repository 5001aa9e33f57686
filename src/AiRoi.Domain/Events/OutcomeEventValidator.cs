namespace AiRoi.Domain.Events;

/// <summary>
/// The input rules of an outcome event. Every broken rule is reported (not just the first), each with the wire
/// name of its field and a stable code, so a sender can fix a whole event in one round trip.
/// </summary>
public static class OutcomeEventValidator
{
    /// <summary>Checks one event against every rule; an empty list means the event is valid.</summary>
    /// <param name="outcomeEvent">The event as received.</param>
    /// <param name="now">The receiving server's clock; timestamps may not lie further ahead than the skew allows.</param>
    /// <param name="limits">The limits to apply, normally <see cref="EventLimits.Default"/>.</param>
    public static IReadOnlyList<ValidationError> Validate(OutcomeEvent outcomeEvent, DateTimeOffset now, EventLimits limits)
    {
        ArgumentNullException.ThrowIfNull(outcomeEvent);
        ArgumentNullException.ThrowIfNull(limits);

        var errors = new FieldErrors();
        errors.RequiredId("eventId", outcomeEvent.EventId, limits.MaxEventIdLength);
        errors.Slug("useCaseId", outcomeEvent.UseCaseId);
        errors.OptionalId("subjectId", outcomeEvent.SubjectId, limits.MaxSubjectIdLength);
        errors.Defined("handler", outcomeEvent.Handler);
        CheckTimes(errors, outcomeEvent, now, limits);
        CheckResolution(errors, outcomeEvent, limits);
        CheckCosts(errors, outcomeEvent, limits);
        CheckSurveys(errors, outcomeEvent);
        CheckConversion(errors, outcomeEvent, limits);
        CheckExperiment(errors, outcomeEvent, limits);
        CheckAttributes(errors, outcomeEvent.Attributes, limits);
        CheckMeasures(errors, outcomeEvent.Measures, limits);
        return errors.ToList();
    }

    private static void CheckTimes(FieldErrors errors, OutcomeEvent e, DateTimeOffset now, EventLimits limits)
    {
        var startedOk = CheckTimestamp(errors, "startedAt", e.StartedAt, now, limits);
        var completedOk = CheckTimestamp(errors, "completedAt", e.CompletedAt, now, limits);
        if (!startedOk || !completedOk)
        {
            // Ordering and duration of a missing or absurd timestamp would only repeat the error above.
            return;
        }

        if (e.CompletedAt < e.StartedAt)
        {
            errors.Add("completedAt", ValidationCodes.CompletedBeforeStarted, "completedAt must not be before startedAt.");
        }
        else if (e.CompletedAt - e.StartedAt > limits.MaxDuration)
        {
            errors.Add("completedAt", ValidationCodes.OutOfRange,
                $"completedAt may be at most {limits.MaxDuration.TotalDays:0} days after startedAt.");
        }
    }

    private static bool CheckTimestamp(FieldErrors errors, string field, DateTimeOffset value, DateTimeOffset now, EventLimits limits)
    {
        if (value == default)
        {
            errors.Add(field, ValidationCodes.Required, $"{field} is required.");
            return false;
        }

        if (value < limits.EarliestTimestamp)
        {
            errors.Add(field, ValidationCodes.OutOfRange, $"{field} must not be before {limits.EarliestTimestamp:yyyy-MM-dd}.");
            return false;
        }

        if (value > now + limits.MaxClockSkew)
        {
            errors.Add(field, ValidationCodes.InTheFuture,
                $"{field} is more than {limits.MaxClockSkew.TotalMinutes:0} minutes in the future; send UTC or an offset.");
            return false;
        }

        return true;
    }

    private static void CheckResolution(FieldErrors errors, OutcomeEvent e, EventLimits limits)
    {
        if (e.Contacts is { } contacts && (contacts < 1 || contacts > limits.MaxContacts))
        {
            errors.Add("contacts", ValidationCodes.OutOfRange, $"contacts must be between 1 and {limits.MaxContacts}.");
        }

        var hasReason = errors.OptionalText("escalationReason", e.EscalationReason, limits.MaxLabelLength);
        if (hasReason && e.Escalated != true)
        {
            // A reason on an event not marked escalated would count in "escalations by reason" but not in the
            // escalation rate; refusing it keeps the two figures consistent.
            errors.Add("escalationReason", ValidationCodes.Inconsistent, "escalationReason is only allowed when escalated is true.");
        }

        errors.OptionalText("exceptionType", e.ExceptionType, limits.MaxLabelLength);
    }

    private static void CheckCosts(FieldErrors errors, OutcomeEvent e, EventLimits limits)
    {
        errors.Money("aiCost", e.AiCost, limits.MaxCostPerEvent);
        errors.Money("humanCost", e.HumanCost, limits.MaxCostPerEvent);
        errors.Quantity("humanMinutes", e.HumanMinutes, limits.MaxHumanMinutes);
    }

    private static void CheckSurveys(FieldErrors errors, OutcomeEvent e)
    {
        if (e.Csat is { } csat && (csat < SurveyScales.CsatMin || csat > SurveyScales.CsatMax))
        {
            errors.Add("csat", ValidationCodes.OutOfRange, $"csat must be between {SurveyScales.CsatMin} and {SurveyScales.CsatMax}.");
        }

        if (e.Nps is { } nps && (nps < SurveyScales.NpsMin || nps > SurveyScales.NpsMax))
        {
            errors.Add("nps", ValidationCodes.OutOfRange, $"nps must be between {SurveyScales.NpsMin} and {SurveyScales.NpsMax}.");
        }
    }

    private static void CheckConversion(FieldErrors errors, OutcomeEvent e, EventLimits limits)
    {
        errors.Money("conversionValue", e.ConversionValue, limits.MaxConversionValue);
        if (e.ConversionValue is not null && e.Converted != true)
        {
            // Revenue lift sums conversion values of converted events only; a value elsewhere would be lost silently.
            errors.Add("conversionValue", ValidationCodes.Inconsistent, "conversionValue is only allowed when converted is true.");
        }
    }

    private static void CheckExperiment(FieldErrors errors, OutcomeEvent e, EventLimits limits)
    {
        if (e.TraceId is { } traceId && !TraceIds.IsValid(traceId))
        {
            errors.Add("traceId", ValidationCodes.InvalidFormat, "traceId must be an OpenTelemetry trace id: 32 lower-case hex digits, not all zero.");
        }

        var hasExperiment = errors.OptionalId("experimentId", e.ExperimentId, limits.MaxLabelLength);
        var hasVariant = errors.OptionalId("variant", e.Variant, limits.MaxLabelLength);
        if (hasExperiment && !hasVariant)
        {
            errors.Add("variant", ValidationCodes.Required, "variant is required when experimentId is given.");
        }
        else if (hasVariant && !hasExperiment)
        {
            errors.Add("experimentId", ValidationCodes.Required, "experimentId is required when variant is given.");
        }
    }

    private static void CheckAttributes(FieldErrors errors, IReadOnlyDictionary<string, string>? attributes, EventLimits limits)
    {
        if (attributes is null)
        {
            return;
        }

        if (attributes.Count > limits.MaxAttributes)
        {
            errors.Add("attributes", ValidationCodes.TooMany, $"attributes may have at most {limits.MaxAttributes} entries.");
            return;
        }

        foreach (var (key, value) in attributes)
        {
            if (!CheckKey(errors, "attributes", key))
            {
                continue;
            }

            // The field's name is made only for an error: events carry attributes by the thousand.
            if (value is null)
            {
                var field = $"attributes.{key}";
                errors.Add(field, ValidationCodes.Required, $"{field} must be a string; leave the key out instead of sending null.");
            }
            else if (!FieldErrors.IsPlainText(value, limits.MaxAttributeValueLength))
            {
                errors.OptionalText($"attributes.{key}", value, limits.MaxAttributeValueLength);
            }
        }
    }

    private static void CheckMeasures(FieldErrors errors, IReadOnlyDictionary<string, double>? measures, EventLimits limits)
    {
        if (measures is null)
        {
            return;
        }

        if (measures.Count > limits.MaxMeasures)
        {
            errors.Add("measures", ValidationCodes.TooMany, $"measures may have at most {limits.MaxMeasures} entries.");
            return;
        }

        foreach (var (name, value) in measures)
        {
            if (!CheckKey(errors, "measures", name))
            {
                continue;
            }
            if (!double.IsFinite(value))
            {
                errors.Add($"measures.{name}", ValidationCodes.NotFinite, $"measures.{name} must be a finite number.");
            }
            else if (Math.Abs(value) > limits.MaxMeasureMagnitude)
            {
                errors.Add($"measures.{name}", ValidationCodes.OutOfRange, $"measures.{name} must lie within ±{limits.MaxMeasureMagnitude:G}.");
            }
        }
    }

    /// <summary>
    /// A map key must be an identifier. A bad key is reported on the map itself, with the key quoted and cut
    /// short, because a field path built from it would be as malformed as the key.
    /// </summary>
    private static bool CheckKey(FieldErrors errors, string map, string key)
    {
        if (TextFormats.IsIdentifier(key))
        {
            return true;
        }

        var shown = key.Length > TextFormats.MaxIdentifierLength ? key[..TextFormats.MaxIdentifierLength] + "…" : key;
        var code = key.Length > TextFormats.MaxIdentifierLength ? ValidationCodes.TooLong : ValidationCodes.InvalidFormat;
        errors.Add(map, code,
            $"{map}: the key '{shown}' must be at most {TextFormats.MaxIdentifierLength} characters, start with a letter and contain only letters, digits and underscores.");
        return false;
    }
}
