namespace AiRoi.Domain.Tests;

/// <summary>Assertions on validation results that name the failing rule in their failure message.</summary>
internal static class Expect
{
    /// <summary>Exactly one error, on this field with this code: the rule fired, and nothing else did.</summary>
    public static void Single(IReadOnlyList<ValidationError> errors, string field, string code)
    {
        var actual = string.Join("; ", errors.Select(e => $"{e.Field} {e.Code}"));
        Assert.True(errors.Count == 1 && errors[0].Field == field && errors[0].Code == code,
            $"expected exactly [{field} {code}] but got [{actual}]");
        Assert.StartsWith(field, errors[0].Message, StringComparison.Ordinal);
    }

    /// <summary>No errors at all; the failure message lists what was reported.</summary>
    public static void Valid(IReadOnlyList<ValidationError> errors) =>
        Assert.True(errors.Count == 0, "expected no errors but got: " + string.Join("; ", errors.Select(e => $"{e.Field} {e.Code}: {e.Message}")));
}
