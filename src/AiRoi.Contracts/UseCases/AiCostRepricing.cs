namespace AiRoi.Contracts.UseCases;

/// <summary>A use case's traced AI cost before and after pricing its model calls again with the prices in force now.</summary>
[GenerateSerializer]
[Alias("AiRoi.Contracts.UseCases.AiCostRepricing")]
public sealed record AiCostRepricing
{
    /// <summary>The use case.</summary>
    [Id(0)] public required string UseCaseId { get; init; }

    /// <summary>Model calls priced again (those whose span reported its cost are kept as reported).</summary>
    [Id(1)] public int Calls { get; init; }

    /// <summary>Of those, calls whose cost changes.</summary>
    [Id(2)] public int Changed { get; init; }

    /// <summary>Their AI cost as recorded.</summary>
    [Id(3)] public decimal AmountBefore { get; init; }

    /// <summary>Their AI cost with the prices in force now.</summary>
    [Id(4)] public decimal AmountAfter { get; init; }

    /// <summary>Their tokens without a price, as recorded.</summary>
    [Id(5)] public long UnpricedTokensBefore { get; init; }

    /// <summary>Their tokens without a price with the prices in force now.</summary>
    [Id(6)] public long UnpricedTokensAfter { get; init; }

    /// <summary>Whether the changes were recorded.</summary>
    [Id(7)] public bool Applied { get; init; }
}
