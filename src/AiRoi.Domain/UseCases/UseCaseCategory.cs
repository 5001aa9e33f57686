namespace AiRoi.Domain.UseCases;

/// <summary>
/// The kind of work a use case does; it selects the pre-selected key metrics. Wire names: <c>customer-service</c>,
/// <c>sales</c>, <c>marketing</c>, <c>operations</c>, <c>content</c>, <c>other</c>. No zero member, so a missing
/// category is reported instead of defaulting silently.
/// </summary>
public enum UseCaseCategory
{
    /// <summary>Support chatbots, ticket triage, agent assist.</summary>
    CustomerService = 1,

    /// <summary>SDR e-mail writers, lead scoring, deal assist.</summary>
    Sales = 2,

    /// <summary>Campaign generation, targeting, lead nurturing.</summary>
    Marketing = 3,

    /// <summary>Invoice extraction, claims processing, back-office automation.</summary>
    Operations = 4,

    /// <summary>Writing, translation, summarisation.</summary>
    Content = 5,

    /// <summary>Anything else.</summary>
    Other = 6,
}
