using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Experiments;

/// <summary>
/// The input rules of an <see cref="ExperimentDefinition"/>: every broken rule with its wire path
/// (<c>variants[1].weight</c>) and a stable code. Metrics are checked against the use case they run on.
/// </summary>
public static class ExperimentRules
{
    /// <summary>Fewest variants: a control and one treatment.</summary>
    public const int MinVariants = 2;

    /// <summary>Most variants: beyond ten, each arm's sample is too thin for any realistic traffic.</summary>
    public const int MaxVariants = 10;

    /// <summary>Most secondary or guardrail metrics each; beyond ten the multiple-testing correction eats the power.</summary>
    public const int MaxMetrics = 10;

    /// <summary>How far the weights may sum from 1 (rounding of shares such as 1/3 sent as decimals).</summary>
    public const double WeightTolerance = 1e-6;

    /// <summary>Longest hypothesis.</summary>
    public const int MaxHypothesisLength = 1000;

    /// <summary>Longest seed.</summary>
    public const int MaxSeedLength = 128;

    /// <summary>
    /// The guardrail tolerance when an experiment names none: 2 % relative degradation, the customary "do no harm"
    /// margin of experimentation platforms.
    /// </summary>
    public const double DefaultGuardrailTolerance = 0.02;

    /// <summary>Largest guardrail tolerance: a guardrail that may lose half its value guards nothing.</summary>
    public const double MaxGuardrailTolerance = 0.5;

    /// <summary>Every broken rule; empty when valid. <paramref name="useCase"/> is the registered use case, or null when it does not exist.</summary>
    public static IReadOnlyList<ValidationError> Check(ExperimentDefinition definition, UseCase? useCase)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new FieldErrors();
        errors.Slug("useCaseId", definition.UseCaseId);
        if (definition.UseCaseId is not null && TextFormats.IsSlug(definition.UseCaseId) && useCase is null)
        {
            errors.Add("useCaseId", ValidationCodes.UnknownValue, $"useCaseId '{definition.UseCaseId}' names no registered use case; register it first.");
        }
        errors.RequiredText("name", definition.Name, UseCaseLimits.MaxNameLength);
        errors.OptionalText("hypothesis", definition.Hypothesis, MaxHypothesisLength);
        CheckVariants(errors, definition.Variants);
        CheckMetric(errors, "primaryMetric", definition.PrimaryMetric, useCase);
        CheckMetrics(errors, "secondaryMetrics", definition.SecondaryMetrics, definition.PrimaryMetric, useCase);
        CheckMetrics(errors, "guardrailMetrics", definition.GuardrailMetrics, definition.PrimaryMetric, useCase);
        if (definition.Method is { } method)
        {
            errors.Defined("method", method);
        }
        if (definition.MultipleTesting is { } correction)
        {
            errors.Defined("multipleTesting", correction);
        }
        if (definition.GuardrailTolerance is { } tolerance && (!double.IsFinite(tolerance) || tolerance <= 0 || tolerance > MaxGuardrailTolerance))
        {
            errors.Add("guardrailTolerance", ValidationCodes.OutOfRange,
                $"guardrailTolerance is a relative degradation in (0, {MaxGuardrailTolerance}], e.g. 0.02 for 2 %.");
        }
        errors.OptionalText("seed", definition.Seed, MaxSeedLength);
        if (definition.Namespace is { } slice)
        {
            errors.Identifier("namespace.id", slice.Id);
            if (!double.IsFinite(slice.Start) || !double.IsFinite(slice.End) || slice.Start < 0 || slice.End > 1 || slice.Start >= slice.End)
            {
                errors.Add("namespace", ValidationCodes.OutOfRange, "namespace must satisfy 0 ≤ start < end ≤ 1.");
            }
        }
        if (definition.MinimumDetectableEffect is { } effect && (!double.IsFinite(effect) || effect <= 0 || effect > 10))
        {
            errors.Add("minimumDetectableEffect", ValidationCodes.OutOfRange, "minimumDetectableEffect is a relative lift in (0, 10], e.g. 0.05 for 5 %.");
        }
        if (definition.Power is { } power && (!double.IsFinite(power) || power <= 0 || power >= 1))
        {
            errors.Add("power", ValidationCodes.OutOfRange, "power must be between 0 and 1, e.g. 0.8.");
        }
        return errors.ToList();
    }

    private static void CheckVariants(FieldErrors errors, IReadOnlyList<ExperimentVariant>? variants)
    {
        if (!errors.List("variants", variants, MaxVariants))
        {
            return;
        }
        if (variants.Count < MinVariants)
        {
            errors.Add("variants", ValidationCodes.OutOfRange, $"variants needs at least {MinVariants} entries: control first, then the treatments.");
            return;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        var sum = 0.0;
        for (var i = 0; i < variants.Count; i++)
        {
            var variant = variants[i];
            if (variant is null)
            {
                errors.Add($"variants[{i}]", ValidationCodes.Required, $"variants[{i}] is required.");
                continue;
            }
            errors.Slug($"variants[{i}].name", variant.Name);
            if (variant.Name is not null && !names.Add(variant.Name))
            {
                errors.Add($"variants[{i}].name", ValidationCodes.Duplicate, $"variants[{i}].name '{variant.Name}' is listed twice.");
            }
            if (!double.IsFinite(variant.Weight) || variant.Weight <= 0 || variant.Weight > 1)
            {
                errors.Add($"variants[{i}].weight", ValidationCodes.OutOfRange, $"variants[{i}].weight must be in (0, 1].");
            }
            sum += variant.Weight;
        }
        if (double.IsFinite(sum) && Math.Abs(sum - 1) > WeightTolerance)
        {
            errors.Add("variants", ValidationCodes.Inconsistent, $"variants: the weights sum to {sum}; they must sum to 1.");
        }
    }

    private static void CheckMetrics(FieldErrors errors, string field, IReadOnlyList<string>? keys, string? primary, UseCase? useCase)
    {
        if (keys is null)
        {
            return;
        }
        if (keys.Count > MaxMetrics)
        {
            errors.Add(field, ValidationCodes.TooMany, $"{field} may have at most {MaxMetrics} entries.");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            if (!CheckMetric(errors, $"{field}[{i}]", keys[i], useCase))
            {
                continue;
            }
            if (keys[i] == primary)
            {
                errors.Add($"{field}[{i}]", ValidationCodes.Inconsistent, $"{field}[{i}] is the primary metric.");
            }
            else if (!seen.Add(keys[i]))
            {
                errors.Add($"{field}[{i}]", ValidationCodes.Duplicate, $"{field}[{i}] '{keys[i]}' is listed twice.");
            }
        }
    }

    private static bool CheckMetric(FieldErrors errors, string field, string? key, UseCase? useCase)
    {
        if (!errors.Identifier(field, key))
        {
            return false;
        }
        if (useCase is not null && useCase.ResolveMetric(key) is null)
        {
            errors.Add(field, ValidationCodes.UnknownMetric, $"{field} '{key}' is neither a built-in metric nor a custom metric of use case '{useCase.Id}'.");
            return false;
        }
        return true;
    }
}
