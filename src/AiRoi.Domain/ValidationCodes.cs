namespace AiRoi.Domain;

/// <summary>
/// The stable codes of <see cref="ValidationError.Code"/>. They are part of the public API (problem details carry
/// them), so a code is never renamed or reused for a different meaning.
/// </summary>
public static class ValidationCodes
{
    /// <summary>A mandatory field is missing or blank, or a field that another field needs is absent.</summary>
    public const string Required = "required";

    /// <summary>A text is longer than its limit.</summary>
    public const string TooLong = "too-long";

    /// <summary>A map or list has more entries than its limit.</summary>
    public const string TooMany = "too-many";

    /// <summary>A text does not have the required shape (slug, identifier, e-mail, printable characters).</summary>
    public const string InvalidFormat = "invalid-format";

    /// <summary>A number or date lies outside its allowed range.</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>An amount, duration or count that cannot be negative is negative.</summary>
    public const string Negative = "negative";

    /// <summary>A number is NaN or infinite.</summary>
    public const string NotFinite = "not-finite";

    /// <summary>A timestamp lies further in the future than the allowed clock skew.</summary>
    public const string InTheFuture = "in-the-future";

    /// <summary>An event's completion precedes its start.</summary>
    public const string CompletedBeforeStarted = "completed-before-started";

    /// <summary>Two fields contradict each other (a conversion value on an event that did not convert).</summary>
    public const string Inconsistent = "inconsistent";

    /// <summary>An enumerated field holds a value that is not one of its members.</summary>
    public const string UnknownValue = "unknown-value";

    /// <summary>A metric key is neither a built-in metric nor one of the use case's custom metrics.</summary>
    public const string UnknownMetric = "unknown-metric";

    /// <summary>A name or key appears twice where it must be unique.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>A custom metric name is taken by a built-in metric.</summary>
    public const string Reserved = "reserved";

    /// <summary>A measured figure was asked for where no event carries the metric (a baseline over an empty period).</summary>
    public const string NoData = "no-data";
}
