namespace AiRoi.Domain;

/// <summary>One broken input rule, precise enough for a client to fix the input without reading logs.</summary>
/// <param name="Field">
/// Path of the failing field in the wire (camelCase JSON) names: <c>csat</c>, <c>attributes.region</c>,
/// <c>targets[1].dueDate</c>. The HTTP layer prefixes it with the event's index in a batch.
/// </param>
/// <param name="Code">A stable kebab-case code from <see cref="ValidationCodes"/>; clients branch on it.</param>
/// <param name="Message">A human-readable explanation that names the limit that was broken.</param>
public sealed record ValidationError(string Field, string Code, string Message);
