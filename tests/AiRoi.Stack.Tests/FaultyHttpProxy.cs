using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiRoi.Stack.Tests;

/// <summary>
/// An HTTP proxy in front of a stack service that fails on purpose, in turn: a 503 without forwarding; the request
/// forwarded and then the connection dropped before the answer (the write happened, the client cannot know); and
/// plain forwarding. A client that retries safely ends with each event written once.
/// </summary>
public sealed class FaultyHttpProxy(Uri upstream) : IAsyncDisposable
{
    private readonly HttpClient forward = new() { BaseAddress = upstream };
    private WebApplication? app;
    private int requests;

    /// <summary>The proxy's address.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Requests answered 503 without forwarding.</summary>
    public int Refused { get; private set; }

    /// <summary>Requests forwarded whose answer was dropped.</summary>
    public int Dropped { get; private set; }

    /// <summary>Starts listening on a free loopback port.</summary>
    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Run(async http =>
        {
            var turn = Interlocked.Increment(ref requests);
            if (turn % 3 == 1)
            {
                Refused++;
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
            using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), http.Request.Path + http.Request.QueryString);
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            request.Content = new ByteArrayContent(body.ToArray());
            request.Content.Headers.TryAddWithoutValidation("Content-Type", http.Request.ContentType);
            foreach (var header in http.Request.Headers.Where(header => header.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase)))
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
            using var response = await forward.SendAsync(request);
            var answer = await response.Content.ReadAsByteArrayAsync();
            if (turn % 3 == 2)
            {
                Dropped++;
                http.Abort();
                return;
            }
            http.Response.StatusCode = (int)response.StatusCode;
            http.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await http.Response.Body.WriteAsync(answer);
        });
        await app.StartAsync();
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        forward.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
