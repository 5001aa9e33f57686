using AiRoi.Contracts.UseCases;
using Orleans.Concurrency;
using Orleans.Runtime.Services;
using Orleans.Services;

namespace AiRoi.Metrics.Portfolio;

/// <summary>
/// One silo's answer for the use cases whose grains are active in it: a portfolio read on another silo asks each
/// silo once, instead of each of its grains once.
/// </summary>
public interface ISiloSummaries : IGrainService
{
    /// <summary>
    /// For each use case of <paramref name="held"/> whose grain is active in this silo and has a summary as of
    /// <paramref name="today"/>: its revision, and the summary when the caller holds another revision. Use cases
    /// this silo does not answer for are left out.
    /// </summary>
    /// <param name="today">The day of the summaries.</param>
    /// <param name="held">The use cases asked about, each with the revision the caller holds (empty for none).</param>
    [AlwaysInterleave]
    Task<Dictionary<string, SummaryRevision>> GetChangedAsync(DateOnly today, Dictionary<string, Guid> held);
}

/// <summary>Runs in every silo and answers from that silo's <see cref="PortfolioSummaries"/>.</summary>
[Reentrant]
public sealed class SiloSummaries(GrainId id, Silo silo, ILoggerFactory loggers, PortfolioSummaries portfolio)
    : GrainService(id, silo, loggers), ISiloSummaries
{
    /// <inheritdoc />
    public Task<Dictionary<string, SummaryRevision>> GetChangedAsync(DateOnly today, Dictionary<string, Guid> held) =>
        Task.FromResult(portfolio.ChangedHere(today, held));
}

/// <summary>Reaches the <see cref="ISiloSummaries"/> of a given silo.</summary>
public sealed class SiloSummariesClient(IServiceProvider services) : GrainServiceClient<ISiloSummaries>(services)
{
    /// <summary>The service of <paramref name="silo"/>.</summary>
    public ISiloSummaries On(SiloAddress silo) => GetGrainService(silo);
}
