using AiRoi.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.ServiceDefaults.Http;

/// <summary>
/// Input that broke the domain's rules, thrown where returning is awkward (inside a registry transaction, deep in a
/// mapper); answers the same problem detail as <see cref="ValidationFailure.ToProblem"/>.
/// </summary>
public sealed class ValidationFailedException : ProblemException
{
    /// <summary>Refuses input for every one of <paramref name="errors"/>, which must not be empty.</summary>
    public ValidationFailedException(IReadOnlyList<ValidationError> errors)
        : base(RequestProblems.ValidationFailed, FirstOf(errors).Field, FirstOf(errors).Message)
    {
        Errors = errors;
    }

    /// <summary>Every broken rule, in the order the validator reported them.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <inheritdoc />
    public override ProblemHttpResult ToProblem() => ValidationFailure.ToProblem(Errors);

    private static ValidationError FirstOf(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count > 0 ? errors[0] : throw new ArgumentException("A validation failure needs at least one error.", nameof(errors));
    }
}
