using System.Globalization;

namespace AiRoi.Statistics.Tests.Simulation;

/// <summary>
/// How many repetitions a simulation runs: a bounded default that keeps each test to seconds in <c>./airoi test</c>,
/// multiplied by <c>AIROI_SIMULATION_SCALE</c> (e.g. 10) for a longer, tighter run on request.
/// </summary>
internal static class Simulations
{
    public static int Repetitions(int defaultRepetitions)
    {
        var scale = Environment.GetEnvironmentVariable("AIROI_SIMULATION_SCALE");
        return double.TryParse(scale, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) && factor > 0
            ? (int)Math.Ceiling(defaultRepetitions * factor)
            : defaultRepetitions;
    }
}
