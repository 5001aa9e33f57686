using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AiRoi.Stack.Tests;

/// <summary>
/// A webhook receiver on a free loopback port, as a team's endpoint would be: it records every request (headers and
/// body) and answers each with what <see cref="Answer"/> decides (200 unless told otherwise).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;

    /// <summary>Starts listening.</summary>
    public WebhookReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hooks/{Guid.NewGuid():N}/";
        listener.Prefixes.Add(Url);
        listener.Start();
        serving = ServeAsync();
    }

    /// <summary>The address to post to.</summary>
    public string Url { get; }

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The status to answer a request with, given the request; 200 unless set.</summary>
    public Func<ReceivedWebhook, HttpStatusCode> Answer { get; set; } = _ => HttpStatusCode.OK;

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().WaitAsync(stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(key => key, key => context.Request.Headers[key] ?? "", StringComparer.OrdinalIgnoreCase);
            var received = new ReceivedWebhook(headers, body, DateTimeOffset.UtcNow);
            var status = Answer(received);
            Received.Enqueue(received with { Status = status });
            context.Response.StatusCode = (int)status;
            context.Response.Close();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await serving;
        listener.Close();
        stopping.Dispose();
    }
}

/// <summary>One request a <see cref="WebhookReceiver"/> received, and what it answered.</summary>
public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At, HttpStatusCode Status = HttpStatusCode.OK);
