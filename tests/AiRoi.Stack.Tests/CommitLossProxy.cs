using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace AiRoi.Stack.Tests;

/// <summary>
/// A TCP proxy between the metrics service and PostgreSQL that can lose one acknowledgement: once armed, the next
/// transaction that appends outcome events is committed by the server, and the connection is then cut before the
/// server's answer to <c>COMMIT</c> reaches the service. The service cannot tell a commit that happened from one that
/// did not, which is the fault its write path must survive.
/// </summary>
/// <remarks>
/// It reads the PostgreSQL wire protocol from the server only as far as needed: each message is a type byte and a
/// big-endian length. A transaction appends events when the service sent <see cref="AppendMarker"/> in it; it ends
/// with the server's ReadyForQuery saying "idle".
/// </remarks>
public sealed class CommitLossProxy : IAsyncDisposable
{
    private static readonly byte[] AppendMarker = Encoding.ASCII.GetBytes("copy metrics.outcome_events");
    private static readonly byte[] CommitTag = Encoding.ASCII.GetBytes("COMMIT\0");

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private Func<CancellationToken, Task<string>>? upstream;
    private TaskCompletionSource? armed;
    private Task? accepting;

    /// <summary>The connection string to give the service, once the real one is known: this proxy's port, no TLS.</summary>
    public string ConnectionString(string real) => new NpgsqlConnectionStringBuilder(real)
    {
        Host = IPAddress.Loopback.ToString(),
        Port = ((IPEndPoint)listener.LocalEndpoint).Port,
        SslMode = SslMode.Disable,
    }.ConnectionString;

    /// <summary>Starts accepting; <paramref name="realConnectionString"/> answers where the server is when a connection comes.</summary>
    public void Start(Func<CancellationToken, Task<string>> realConnectionString)
    {
        upstream = realConnectionString;
        listener.Start();
        accepting = AcceptAsync(stopping.Token);
    }

    /// <summary>
    /// Loses the acknowledgement of the next commit that appends events; the task completes when the commit reached
    /// the server and its connection was cut.
    /// </summary>
    public Task LoseNextAppendCommitAsync()
    {
        lock (gate)
        {
            armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return armed.Task;
        }
    }

    /// <summary>Claims the armed loss for one commit, so exactly one is lost.</summary>
    private TaskCompletionSource? TakeArmed()
    {
        lock (gate)
        {
            var taken = armed;
            armed = null;
            return taken;
        }
    }

    private bool IsArmed
    {
        get
        {
            lock (gate)
            {
                return armed is not null;
            }
        }
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ServeAsync(client, cancellationToken);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                var real = new NpgsqlConnectionStringBuilder(await upstream!(cancellationToken));
                await server.ConnectAsync(real.Host!, real.Port, cancellationToken);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException or InvalidOperationException)
            {
                // The server is down: the service sees its connection closed, as it would without the proxy.
                return;
            }
            client.NoDelay = true;
            server.NoDelay = true;
            var connection = new Connection();
            using var cut = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var toServer = ForwardRequestsAsync(client.GetStream(), server.GetStream(), connection, cut.Token);
            var toClient = ForwardAnswersAsync(server.GetStream(), client.GetStream(), connection, cut.Token);
            await Task.WhenAny(toServer, toClient);
            await cut.CancelAsync();
            client.Client.Close(0);
            server.Client.Close(0);
            await Task.WhenAll(Quietly(toServer), Quietly(toClient));
        }
    }

    /// <summary>Service to server, as is; marks the connection's transaction when it appends events.</summary>
    private static async Task ForwardRequestsAsync(NetworkStream from, NetworkStream to, Connection connection, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var carried = 0;
        while (true)
        {
            var read = await from.ReadAsync(buffer.AsMemory(carried), cancellationToken);
            if (read == 0)
            {
                return;
            }
            var filled = carried + read;
            if (buffer.AsSpan(0, filled).IndexOf(AppendMarker) >= 0)
            {
                // Set before the statement reaches the server, so it is set before any answer to it can come back.
                connection.AppendsEvents = true;
            }
            await to.WriteAsync(buffer.AsMemory(carried, read), cancellationToken);
            // Keep the last bytes, so a marker split across two reads is still seen.
            carried = Math.Min(filled, AppendMarker.Length - 1);
            buffer.AsSpan(filled - carried, carried).CopyTo(buffer);
        }
    }

    /// <summary>Server to service, whole messages at a time; cuts the connection instead of passing on an armed COMMIT.</summary>
    private async Task ForwardAnswersAsync(NetworkStream from, NetworkStream to, Connection connection, CancellationToken cancellationToken)
    {
        var reader = PipeReader.Create(from);
        var started = false;
        var header = new byte[5];
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            long consumed = 0;
            TaskCompletionSource? lost = null;
            while (true)
            {
                var rest = buffer.Slice(consumed);
                if (!started && rest.Length >= 1 && rest.FirstSpan[0] == (byte)'N')
                {
                    // A one-byte refusal of TLS or GSS encryption, before any typed message.
                    consumed += 1;
                    continue;
                }
                if (rest.Length < 5)
                {
                    break;
                }
                rest.Slice(0, 5).CopyTo(header);
                var size = 1 + (long)BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1));
                if (rest.Length < size)
                {
                    break;
                }
                started = true;
                var message = rest.Slice(0, size);
                if (header[0] == (byte)'C' && connection.AppendsEvents && IsArmed && IsCommit(message) && TakeArmed() is { } taken)
                {
                    lost = taken;
                    break;
                }
                if (header[0] == (byte)'Z' && message.Slice(5, 1).FirstSpan[0] == (byte)'I')
                {
                    connection.AppendsEvents = false;
                }
                consumed += size;
            }
            foreach (var segment in buffer.Slice(0, consumed))
            {
                await to.WriteAsync(segment, cancellationToken);
            }
            if (lost is not null)
            {
                // The server has committed; the service never hears it.
                lost.SetResult();
                return;
            }
            reader.AdvanceTo(buffer.GetPosition(consumed), buffer.End);
            if (result.IsCompleted)
            {
                return;
            }
        }
    }

    private static bool IsCommit(ReadOnlySequence<byte> message) =>
        message.Length == 5 + CommitTag.Length && message.Slice(5).ToArray().AsSpan().SequenceEqual(CommitTag);

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // A connection cut on purpose, or by either end.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        if (accepting is not null)
        {
            await accepting;
        }
        stopping.Dispose();
    }

    /// <summary>What the proxy knows of one connection's current transaction.</summary>
    private sealed class Connection
    {
        public volatile bool AppendsEvents;
    }
}
