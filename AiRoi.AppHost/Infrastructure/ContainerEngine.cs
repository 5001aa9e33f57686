using System.Diagnostics;

namespace AiRoi.AppHost.Infrastructure;

/// <summary>Asks the container engine whether it runs: <c>docker info</c> exits 0 within a few seconds.</summary>
public static class ContainerEngine
{
    // A healthy daemon answers `docker info` in well under a second; a client without a daemon fails at once
    // or hangs on a socket, so a short bound keeps the app host's start quick either way.
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(5);

    /// <summary>True when <c>docker info</c> succeeds.</summary>
    public static bool IsHealthy()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("docker", "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }
            process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(AnswerTimeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No docker client on the PATH.
            return false;
        }
    }
}
