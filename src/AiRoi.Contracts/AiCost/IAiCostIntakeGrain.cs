using AiRoi.Domain.AiCost;
using Orleans.Concurrency;

namespace AiRoi.Contracts.AiCost;

/// <summary>
/// Where model calls read from traces enter the silo: it records them (a resent call is a duplicate) with the links
/// that tie traces to outcome events, then asks each use case whose calls can now be joined to take them into its
/// cost ledger. A stateless worker (key: 0), so it runs on the silo it is called from.
/// </summary>
[Alias("AiRoi.Contracts.AiCost.IAiCostIntakeGrain")]
public interface IAiCostIntakeGrain : IGrainWithIntegerKey
{
    /// <summary>Records <paramref name="calls"/> and <paramref name="links"/> and hands them to their use cases.</summary>
    [Alias("Record")]
    Task RecordAsync(IReadOnlyList<ModelUsage> calls, IReadOnlyList<TraceLink> links);
}
