using System.Diagnostics;
using System.Security.Cryptography;

namespace AiRoi.AppHost.Infrastructure;

/// <summary>The few things the local infrastructure needs from the host: users, secrets, commands.</summary>
internal static class HostProcess
{
    /// <summary>True when the app host runs as root, where PostgreSQL must be started as the postgres user.</summary>
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Reads the secret kept in <paramref name="path"/>, creating a random one the first time.</summary>
    public static string ReadOrCreateSecret(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        // Letters and digits only: the secret is embedded in connection strings and URIs without escaping.
        var secret = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 24);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Readable by its owner only from the moment it exists.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(secret);
        }
        return secret;
    }

    /// <summary>
    /// The command line that runs <paramref name="program"/> as <paramref name="user"/> when we are root
    /// (through setpriv, which keeps the process id, so stopping it stops the program), else as it is.
    /// </summary>
    public static (string Command, string[] Arguments) AsUser(string? user, string program, params string[] arguments) =>
        user is null || !IsRoot
            ? (program, arguments)
            : ("setpriv", [$"--reuid={user}", $"--regid={user}", "--init-groups", "--", program, .. arguments]);

    /// <summary>Runs a command to completion; throws with its output when it fails.</summary>
    public static void Run(string command, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {command}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within {timeout.TotalSeconds:0} s.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{command} {string.Join(' ', startInfo.ArgumentList)} exited with {process.ExitCode}:\n{output.Result}\n{error.Result}");
        }
    }

    /// <summary>Gives a folder and everything in it to <paramref name="user"/> (only as root; otherwise it is ours).</summary>
    public static void GiveTo(string user, string folder)
    {
        if (IsRoot)
        {
            Run("chown", ["-R", $"{user}:{user}", folder], TimeSpan.FromSeconds(30));
        }
    }
}
