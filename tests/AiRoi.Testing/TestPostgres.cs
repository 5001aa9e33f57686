using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AiRoi.Testing;

/// <summary>
/// A throwaway PostgreSQL server for the in-process cluster: initdb into a temporary folder, the server as a child
/// process (through setpriv as the postgres user when the tests run as root, since PostgreSQL refuses root), and
/// everything removed on dispose.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string folder;
    private readonly Process server;

    private TestPostgres(string folder, Process server, int port)
    {
        this.folder = folder;
        this.server = server;
        Port = port;
    }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The connection string of <paramref name="database"/>.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true";

    /// <summary>Creates, starts and waits for a new server.</summary>
    public static async Task<TestPostgres> StartAsync()
    {
        var binaries = Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin"))
            .FirstOrDefault(bin => File.Exists(Path.Combine(bin, "postgres")))
            ?? throw new InvalidOperationException("PostgreSQL binaries are not installed under /usr/lib/postgresql.");
        var folder = Directory.CreateTempSubdirectory("airoi-test-postgres-").FullName;
        var data = Path.Combine(folder, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", "-R", "postgres:postgres", folder);
        }
        Run(AsPostgres(asRoot, Path.Combine(binaries, "initdb"), "-D", data, "--auth", "trust", "--username", "postgres", "--encoding", "UTF8", "--locale", "C"));

        var port = FreePort();
        var (command, arguments) = AsPostgres(asRoot, Path.Combine(binaries, "postgres"),
            "-D", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", folder, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off");
        var startInfo = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        arguments.ToList().ForEach(startInfo.ArgumentList.Add);
        var server = Process.Start(startInfo) ?? throw new InvalidOperationException("postgres did not start.");
        server.BeginErrorReadLine();
        server.BeginOutputReadLine();
        var postgres = new TestPostgres(folder, server, port);

        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(postgres.ConnectionString("postgres") + ";Pooling=false");
                await connection.OpenAsync();
                return postgres;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline && !server.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Creates an empty database.</summary>
    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"create database {name}", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (!server.HasExited)
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        server.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static (string, string[]) AsPostgres(bool asRoot, string program, params string[] arguments) =>
        asRoot ? ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", program, .. arguments]) : (program, arguments);

    private static void Run((string Command, string[] Arguments) line) => Run(line.Command, line.Arguments);

    private static void Run(string command, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        arguments.ToList().ForEach(startInfo.ArgumentList.Add);
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        if (!process.WaitForExit(StartTimeout) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed: {output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
