using System.Globalization;

namespace AiRoi.Bench;

/// <summary>Writes a scenario's results into docs/benchmarks.md, between markers of its own, with the machine it ran on.</summary>
public static class BenchmarkReport
{
    /// <summary>Replaces the scenario's section (or appends it).</summary>
    public static void Write(string scenario, string markdown)
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "benchmarks.md");
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\nEach section is written by `bench/AiRoi.Bench` when it runs; the command is in the section.\n";
        var begin = $"<!-- {scenario}:begin -->";
        var end = $"<!-- {scenario}:end -->";
        var section = $"{begin}\n{markdown.TrimEnd()}\n{end}";
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        text = start < 0
            ? text.TrimEnd() + "\n\n" + section + "\n"
            : text[..start] + section + text[(text.IndexOf(end, start, StringComparison.Ordinal) + end.Length)..];
        File.WriteAllText(path, text);
        Console.WriteLine($"Written to {path}");
    }

    /// <summary>The machine, as the results should name it.</summary>
    public static string Machine()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = File.ReadLines("/proc/meminfo").First(line => line.StartsWith("MemTotal", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var os = File.ReadLines("/etc/os-release").FirstOrDefault(line => line.StartsWith("PRETTY_NAME", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? "Linux";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({model}), {long.Parse(memory, CultureInfo.InvariantCulture) / 1024 / 1024} GiB, {os}, .NET {Environment.Version}");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "AiRoi.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("AiRoi.sln not found above the benchmark.");
    }
}
