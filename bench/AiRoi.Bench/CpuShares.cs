using System.Globalization;

namespace AiRoi.Bench;

/// <summary>
/// CPU time used by each part of the machine's work, read from <c>/proc</c>: the difference of two snapshots says what
/// each part cost during a phase. Parts are named by a piece of their processes' command lines; processes matching no
/// part are counted as "other".
/// </summary>
public sealed class CpuShares
{
    private const double TicksPerSecond = 100; // USER_HZ, the unit of /proc's CPU times on Linux

    /// <summary>The parts of the stack, each recognised by a piece of its processes' command lines.</summary>
    public static readonly IReadOnlyList<(string Part, string CommandLine)> StackParts =
    [
        ("PostgreSQL", "postgres"),
        ("RabbitMQ", "beam.smp"),
        ("experiment service", "AiRoi.Experiments"),
        ("ingestion", "AiRoi.Ingestion"),
        ("silo", "AiRoi.Metrics"),
        ("benchmark", "AiRoi.Bench"),
    ];

    private readonly IReadOnlyList<(string Part, string CommandLine)> parts;
    private readonly Dictionary<string, long> ticks;

    private CpuShares(IReadOnlyList<(string Part, string CommandLine)> parts, Dictionary<string, long> ticks)
    {
        this.parts = parts;
        this.ticks = ticks;
    }

    /// <summary>CPU time used so far by every process, by part.</summary>
    public static CpuShares Take(IReadOnlyList<(string Part, string CommandLine)>? parts = null)
    {
        parts ??= StackParts;
        var ticks = parts.Select(p => p.Part).Append("other").ToDictionary(part => part, _ => 0L);
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var used = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                var commandLine = BenchStack.CommandLine(pid);
                var part = parts.FirstOrDefault(p => commandLine.Contains(p.CommandLine, StringComparison.Ordinal)).Part ?? "other";
                ticks[part] += used;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }
        return new CpuShares(parts, ticks);
    }

    /// <summary>CPU time per part between <paramref name="before"/> and this snapshot, largest first, without parts that used none.</summary>
    public IReadOnlyList<(string Part, TimeSpan Cpu)> Since(CpuShares before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return [.. ticks
            .Select(pair => (pair.Key, TimeSpan.FromSeconds((pair.Value - before.ticks.GetValueOrDefault(pair.Key)) / TicksPerSecond)))
            .Where(share => share.Item2 > TimeSpan.Zero)
            .OrderByDescending(share => share.Item2)];
    }

    /// <summary>"part 1.23 s, part 0.45 s, …" per thousand events: where the work of a phase went.</summary>
    public static string PerThousand(IReadOnlyList<(string Part, TimeSpan Cpu)> shares, long events) =>
        string.Join(", ", shares.Select(share => string.Create(CultureInfo.InvariantCulture,
            $"{share.Part} {share.Cpu.TotalMilliseconds * 1000 / events:0.0} ms")));
}
