namespace AiRoi.Experiments.Analysis;

/// <summary>One kind of problem the analysis API answers with: a stable <c>type</c> URI a client can switch on.</summary>
/// <param name="Type">The RFC 9457 <c>type</c> URI, e.g. <c>https://airoi.dev/problems/analysis/too-few-units</c>.</param>
/// <param name="Title">The short, fixed summary sent as <c>title</c>; the specifics go in <c>detail</c>.</param>
/// <param name="Status">The HTTP status of the answer.</param>
public sealed record AnalysisProblemType(string Type, string Title, int Status = StatusCodes.Status400BadRequest);
