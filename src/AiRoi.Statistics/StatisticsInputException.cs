namespace AiRoi.Statistics;

/// <summary>
/// An input to the statistics engine cannot be analysed. <see cref="Field"/> names the offending input
/// (for example <c>variants[1].conversions</c>) and <see cref="Reason"/> is a stable code, so an API can
/// answer with a problem detail the client can act on without reading logs.
/// </summary>
public sealed class StatisticsInputException : Exception
{
    /// <summary>Creates the exception for one offending input.</summary>
    /// <param name="field">Path of the offending input, e.g. <c>variants[1].conversions</c>.</param>
    /// <param name="reason">Stable code of the rule that was broken.</param>
    /// <param name="message">Human-readable explanation.</param>
    public StatisticsInputException(string field, InputProblem reason, string message)
        : base(message)
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>Path of the offending input, e.g. <c>variants[1].conversions</c> or <c>alpha</c>.</summary>
    public string Field { get; }

    /// <summary>Stable code of the rule that was broken.</summary>
    public InputProblem Reason { get; }
}
