using AiRoi.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.ServiceDefaults.Http;

/// <summary>
/// Turns the domain's <see cref="ValidationError"/>s into one <see cref="RequestProblems.ValidationFailed"/>
/// problem detail: <c>errors</c> maps each failing field to its messages and <c>codes</c> to the matching stable
/// codes (same order), so a client can both show the messages and branch on the codes.
/// </summary>
public static class ValidationFailure
{
    /// <summary>
    /// The errors with <paramref name="prefix"/> put before each field, for input nested in a larger request:
    /// prefix <c>events[3]</c> turns <c>csat</c> into <c>events[3].csat</c>.
    /// </summary>
    public static IEnumerable<ValidationError> WithPrefix(this IEnumerable<ValidationError> errors, string prefix)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return errors.Select(error => error with { Field = Join(prefix, error.Field) });
    }

    /// <summary>
    /// One 400 problem detail for every error: <c>field</c> is the first failing field, <c>detail</c> its message
    /// (and how many more there are), <c>errors</c> and <c>codes</c> are keyed by field.
    /// </summary>
    /// <param name="errors">The failing fields; at least one.</param>
    /// <param name="problem">The problem type; <see cref="RequestProblems.ValidationFailed"/> unless the refusal has its own (403 for a key's scope, say).</param>
    /// <param name="detail">The detail; by default the first error's message and how many more there are.</param>
    /// <param name="extensions">Further members of the problem detail.</param>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty: there is nothing to refuse.</exception>
    public static ProblemHttpResult ToProblem(
        IReadOnlyCollection<ValidationError> errors,
        ProblemType? problem = null,
        string? detail = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A validation problem needs at least one error.", nameof(errors));
        }

        var messages = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var codes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            Add(messages, error.Field, error.Message);
            Add(codes, error.Field, error.Code);
        }

        var first = errors.First();
        var more = errors.Count - 1;
        detail ??= more == 0 ? first.Message : $"{first.Message} ({more} more {(more == 1 ? "error" : "errors")} in errors.)";
        problem ??= RequestProblems.ValidationFailed;
        var members = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>())
        {
            ["field"] = first.Field,
            ["errors"] = messages.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal),
            ["codes"] = codes.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal),
        };
        return problem.ToProblem(detail, members);
    }

    // "events[3]" + "csat" → "events[3].csat"; an indexer joins without a dot: "events" + "[3]" → "events[3]".
    private static string Join(string prefix, string field) =>
        field.Length == 0 || field == "$" ? prefix : field[0] == '[' ? prefix + field : $"{prefix}.{field}";

    private static void Add(Dictionary<string, List<string>> map, string field, string value)
    {
        if (!map.TryGetValue(field, out var values))
        {
            map[field] = values = [];
        }

        values.Add(value);
    }
}
