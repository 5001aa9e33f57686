using AiRoi.Domain;
using AiRoi.Domain.Experiments;

namespace AiRoi.Experiments.Lifecycle;

/// <summary>The input rules of a decision: which decision, which treatment is shipped, how long the note.</summary>
public static class ConcludeRules
{
    /// <summary>Longest decision note.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>Every broken rule, each naming its field; empty when valid.</summary>
    public static IReadOnlyList<ValidationError> Check(ConcludeRequest body, ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<ValidationError>();
        if (body.Decision is null || !Enum.IsDefined(body.Decision.Value))
        {
            errors.Add(new("decision", ValidationCodes.Required, "decision is required: ship, roll-back or keep-running."));
        }
        if (body.Note is { Length: > MaxNoteLength })
        {
            errors.Add(new("note", ValidationCodes.TooLong, $"note must be at most {MaxNoteLength} characters."));
        }
        var treatments = definition.Variants!.Skip(1).Select(variant => variant.Name).ToList();
        if (body.Variant is { } variant)
        {
            if (body.Decision != ExperimentDecision.Ship)
            {
                errors.Add(new("variant", ValidationCodes.Inconsistent, "variant names the treatment shipped; give it only with decision ship."));
            }
            else if (!treatments.Contains(variant))
            {
                errors.Add(new("variant", ValidationCodes.UnknownValue, $"variant '{variant}' is not a treatment of this experiment; its treatments are: {string.Join(", ", treatments)}."));
            }
        }
        else if (body.Decision == ExperimentDecision.Ship && treatments.Count > 1)
        {
            errors.Add(new("variant", ValidationCodes.Required, $"variant is required to ship an experiment with several treatments: one of {string.Join(", ", treatments)}."));
        }
        return errors;
    }

    /// <summary>The treatment a valid ship decision rolls out.</summary>
    public static string ShippedVariant(ConcludeRequest body, ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(definition);
        return body.Variant ?? definition.Variants![1].Name;
    }
}
