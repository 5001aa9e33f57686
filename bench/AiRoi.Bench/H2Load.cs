using System.Diagnostics;
using System.Globalization;

namespace AiRoi.Bench;

/// <summary>
/// nghttp2's <c>h2load</c> (Debian package nghttp2-client) as a paced HTTP/1.1 load generator: a C program on one
/// thread, so the load it puts on a shared machine is its requests, not a managed client's own work.
/// </summary>
public static class H2Load
{
    /// <summary>Where Debian installs it.</summary>
    public const string Program = "/usr/bin/h2load";

    /// <summary>Whether it is installed and paces requests (<c>--rps</c>).</summary>
    public static bool IsInstalled => Paces.Value;

    private static readonly Lazy<bool> Paces = new(() =>
    {
        if (!File.Exists(Program))
        {
            return false;
        }
        using var help = Process.Start(new ProcessStartInfo(Program, "--help") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var text = help.StandardOutput.ReadToEnd();
        help.WaitForExit();
        return text.Contains("--rps", StringComparison.Ordinal);
    });

    /// <summary>
    /// Sends <paramref name="rate"/> requests/s for <paramref name="seconds"/> over <paramref name="clients"/> keep-alive
    /// connections, cycling through <paramref name="uris"/>, and adds each request's time to its last response byte to
    /// <paramref name="latencies"/>; fails when any answer is not 200.
    /// </summary>
    public static async Task RunAsync(IReadOnlyList<Uri> uris, int rate, int seconds, int clients, Latencies latencies)
    {
        var folder = Directory.CreateTempSubdirectory("airoi-h2load-");
        try
        {
            var uriFile = Path.Combine(folder.FullName, "uris.txt");
            await File.WriteAllLinesAsync(uriFile, uris.Select(uri => uri.AbsoluteUri));
            var log = Path.Combine(folder.FullName, "requests.tsv");
            var start = new ProcessStartInfo(Program,
            [
                "--h1", "--threads=1", $"--clients={clients}",
                $"--rps={(rate / (double)clients).ToString("0.###", CultureInfo.InvariantCulture)}",
                $"--duration={seconds}", $"--input-file={uriFile}", $"--log-file={log}",
            ])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("h2load did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"h2load exited with {process.ExitCode}: {await output}{await errors}");
            }
            // Columns: start (µs since the epoch), HTTP status, µs until the end of the response.
            foreach (var line in await File.ReadAllLinesAsync(log))
            {
                var columns = line.Split('\t');
                if (columns[1] != "200")
                {
                    throw new InvalidOperationException($"h2load got status {columns[1]}: {line}");
                }
                latencies.Add(TimeSpan.FromMicroseconds(long.Parse(columns[2], CultureInfo.InvariantCulture)));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
