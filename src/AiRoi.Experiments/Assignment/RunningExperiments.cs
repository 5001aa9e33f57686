using System.Collections.Concurrent;
using AiRoi.Domain.Experiments;
using AiRoi.Experiments.Lifecycle;
using AiRoi.Statistics;

namespace AiRoi.Experiments.Assignment;

/// <summary>
/// The experiments the assignment API answers for, kept in memory with their variant allocation, so that an
/// assignment costs a dictionary lookup and a hash. A lifecycle move through this instance forgets the entry at
/// once; entries are also reread after <see cref="RefreshAfter"/>, so a move made through another instance of the
/// service reaches this one within that time.
/// </summary>
public sealed class RunningExperiments(ExperimentStore store, TimeProvider time)
{
    /// <summary>How long an entry is trusted: the bound on how late another instance's stop is seen here.</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    // Bumped by Forget: a read that started before a move must not put its older state back into the cache.
    private readonly ConcurrentDictionary<string, long> generations = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>The experiment and its allocation; null when no experiment has the id.</summary>
    public async ValueTask<Entry?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (entries.TryGetValue(id, out var entry) && now - entry.LoadedAt < RefreshAfter)
        {
            return entry;
        }
        var generation = generations.GetValueOrDefault(id);
        var experiment = await store.FindAsync(id, cancellationToken);
        if (experiment is null)
        {
            entries.TryRemove(id, out _);
            return null;
        }
        entry = new Entry(experiment, Allocate(experiment.Definition, id), now);
        lock (gate)
        {
            if (generations.GetValueOrDefault(id) == generation)
            {
                entries[id] = entry;
            }
        }
        return entry;
    }

    /// <summary>Drops the entry, so the next assignment reads the experiment anew.</summary>
    public void Forget(string id)
    {
        lock (gate)
        {
            generations.AddOrUpdate(id, 1, (_, generation) => generation + 1);
            entries.TryRemove(id, out _);
        }
    }

    /// <summary>The allocation of a stored (valid) definition.</summary>
    public static VariantAllocation Allocate(ExperimentDefinition definition, string id)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var slice = definition.Namespace is { } ns ? new NamespaceSlice(ns.Id, ns.Start, ns.End) : null;
        return new VariantAllocation(definition.Seed ?? id, definition.Variants!.Select(variant => variant.Weight).ToList(), namespaceSlice: slice);
    }

    /// <summary>An experiment as of <paramref name="LoadedAt"/>, with its allocation.</summary>
    /// <param name="Experiment">The experiment.</param>
    /// <param name="Allocation">Its variant allocation.</param>
    /// <param name="LoadedAt">When it was read.</param>
    public sealed record Entry(Experiment Experiment, VariantAllocation Allocation, DateTimeOffset LoadedAt);
}
