using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiRoi.ServiceDefaults.Tests;

/// <summary>The service defaults' HTTP clients retry a failed read but never a write, which could then happen twice.</summary>
public class HttpRetryTests
{
    [Theory]
    [InlineData("GET", 4)]
    [InlineData("POST", 1)]
    [InlineData("PUT", 1)]
    [InlineData("DELETE", 1)]
    public async Task A_failing_call_is_retried_only_when_its_method_is_safe(string method, int attempts)
    {
        var backend = new AlwaysUnavailable();
        var builder = Host.CreateApplicationBuilder();
        builder.AddServiceDefaults();
        builder.Services.AddHttpClient("backend", client => client.BaseAddress = new Uri("http://localhost:9"))
            .ConfigurePrimaryHttpMessageHandler(() => backend);
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("backend");

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/v1/experiments"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(attempts, backend.Calls);
    }

    private sealed class AlwaysUnavailable : HttpMessageHandler
    {
        public int Calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }
    }
}
