using System.Diagnostics;
using System.Globalization;

namespace AiRoi.Bench;

/// <summary>Latencies of one kind of call, and their percentiles.</summary>
public sealed class Latencies(string name)
{
    private readonly List<double> milliseconds = [];

    /// <summary>What was measured.</summary>
    public string Name { get; } = name;

    /// <summary>How many calls.</summary>
    public int Count => milliseconds.Count;

    /// <summary>Times one call; fails the benchmark when the call does not answer 2xx.</summary>
    public async Task<T> TimeAsync<T>(Func<Task<T>> call)
    {
        var watch = Stopwatch.StartNew();
        var result = await call();
        watch.Stop();
        lock (milliseconds)
        {
            milliseconds.Add(watch.Elapsed.TotalMilliseconds);
        }
        return result;
    }

    /// <summary>Records a duration measured elsewhere.</summary>
    public void Add(TimeSpan elapsed)
    {
        lock (milliseconds)
        {
            milliseconds.Add(elapsed.TotalMilliseconds);
        }
    }

    /// <summary>The nearest-rank percentile, in milliseconds.</summary>
    public double Percentile(double p)
    {
        var sorted = milliseconds.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>A markdown table row: name, calls, p50, p95, p99, max.</summary>
    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Count} | {Percentile(50):0.0} | {Percentile(95):0.0} | {Percentile(99):0.0} | {Percentile(100):0.0} |");
}
