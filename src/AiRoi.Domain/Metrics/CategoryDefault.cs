namespace AiRoi.Domain.Metrics;

/// <summary>One metric pre-selected for a use case category.</summary>
/// <param name="Label">The words docs/product.md uses for it ("cost per ticket", "error rate").</param>
/// <param name="MetricKey">The built-in key or template name that measures it.</param>
public sealed record CategoryDefault(string Label, string MetricKey);
