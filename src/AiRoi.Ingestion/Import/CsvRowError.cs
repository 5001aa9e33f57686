namespace AiRoi.Ingestion.Import;

/// <summary>One problem in a CSV file, located precisely enough to fix it in an editor.</summary>
/// <param name="Line">
/// The 1-based physical line as an editor shows it (the header is line 1). For a row whose quoted field spans
/// several lines, the line the row starts on.
/// </param>
/// <param name="Field">
/// The column (its header name, <c>csat</c>, <c>attributes.region</c>) or, for a validation rule, the event's
/// wire field; empty when the problem concerns the whole row or file.
/// </param>
/// <param name="Code">A stable code from <see cref="Domain.ValidationCodes"/>; clients branch on it.</param>
/// <param name="Message">A human-readable explanation.</param>
public sealed record CsvRowError(int Line, string Field, string Code, string Message);
