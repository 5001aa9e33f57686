namespace AiRoi.Testing;

/// <summary>
/// Finds processes whose command line or working directory is inside a stack's data folder (PostgreSQL, the
/// RabbitMQ node, its epmd), so a test run can prove it leaves none behind.
/// </summary>
public static class LeftoverProcesses
{
    private static string Describe(int pid)
    {
        try
        {
            return $"{pid}: {File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ')}";
        }
        catch (IOException)
        {
            return $"{pid}: (ended)";
        }
    }

    /// <summary>The process ids that still refer to <paramref name="dataRoot"/>.</summary>
    public static IReadOnlyList<int> Find(string dataRoot)
    {
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
                var workingDirectory = new DirectoryInfo(Path.Combine(folder, "cwd")).LinkTarget ?? string.Empty;
                if (commandLine.Contains(dataRoot, StringComparison.Ordinal) ||
                    workingDirectory.StartsWith(dataRoot, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked, or is not ours to read.
            }
        }
        return found;
    }

    /// <summary>
    /// Kills what <see cref="Find"/> reports, so one failed run does not poison the next, and records each in
    /// <c>$AIROI_TEST_RESULTS/leftovers-*.txt</c>, which fails <c>./airoi test</c>: stopping a stack must leave nothing.
    /// </summary>
    public static void StopAll(string dataRoot)
    {
        var leftovers = Find(dataRoot);
        var results = Environment.GetEnvironmentVariable("AIROI_TEST_RESULTS");
        if (leftovers.Count > 0 && !string.IsNullOrEmpty(results) && Directory.Exists(results))
        {
            File.WriteAllLines(Path.Combine(results, $"leftovers-{Guid.NewGuid():N}.txt"), leftovers.Select(Describe));
        }
        foreach (var pid in leftovers)
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true);
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
            }
        }
    }
}
