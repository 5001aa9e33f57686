using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace AiRoi.Stack.Tests;

[Collection(StackCollection.Name)]
public sealed partial class StackHealthTests(StackFixture stack)
{
    [Theory]
    [InlineData("metrics")]
    [InlineData("ingestion")]
    [InlineData("experiments")]
    [InlineData("web")]
    public async Task Every_service_reports_healthy_and_alive(string service)
    {
        using var client = stack.App.CreateHttpClient(service, "http");
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);

        using var health = await client.GetAsync("/health", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(timeout.Token));

        using var alive = await client.GetAsync("/alive", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Theory]
    [InlineData("ingestion", "/api/v1/events")]
    [InlineData("ingestion", "/api/v1/use-cases/{useCaseId}/events/import")]
    [InlineData("ingestion", "/api/v1/api-keys")]
    [InlineData("metrics", "/api/v1/use-cases")]
    [InlineData("experiments", "/api/v1/analysis")]
    public async Task Each_API_serves_its_OpenAPI_document_and_reference_page(string service, string path)
    {
        using var client = stack.App.CreateHttpClient(service, "http");
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", timeout.Token);
        Assert.True(document.GetProperty("paths").TryGetProperty(path, out _), $"{service}'s OpenAPI document lists no {path}.");

        using var reference = await client.GetAsync("/scalar", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Equal("text/html", reference.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Migrations_ran_to_completion_before_the_services()
    {
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        await stack.App.ResourceNotifications.WaitForResourceAsync("migrations", KnownResourceStates.Finished, timeout.Token);
        Assert.True(stack.App.ResourceNotifications.TryGetCurrentState("migrations", out var current));
        Assert.Equal(0, current.Snapshot.ExitCode);
    }

    [Theory]
    [InlineData("metrics", "metricsdb", "Metrics")]
    [InlineData("ingestion", "ingestiondb", "Ingestion")]
    [InlineData("experiments", "experimentsdb", "Experiments")]
    public async Task Each_service_reads_its_own_migrated_database(string service, string database, string scriptFolder)
    {
        var status = await GetStatusAsync(service);

        var reported = status.GetProperty("database");
        Assert.Equal(database, reported.GetProperty("database").GetString());
        Assert.StartsWith("15", reported.GetProperty("serverVersion").GetString());
        Assert.StartsWith($"AiRoi.Migrations.Scripts.{scriptFolder}.", reported.GetProperty("schemaVersion").GetString());
    }

    [Theory]
    [InlineData("metrics")]
    [InlineData("ingestion")]
    public async Task The_Orleans_cluster_answers_with_an_active_silo(string service)
    {
        // Ingestion asks through a grain call over the gateway; metrics reads its own membership table.
        var status = await GetStatusAsync(service);
        Assert.True(status.GetProperty("activeSilos").GetInt32() >= 1);
    }

    [Fact]
    public async Task The_experiment_service_is_connected_to_the_broker()
    {
        var status = await GetStatusAsync("experiments");
        Assert.Equal("Healthy", status.GetProperty("broker").GetString());
    }

    [Fact]
    public async Task The_web_frontend_reaches_every_backend_through_service_discovery()
    {
        using var client = await StackWeb.SignedInClientAsync(stack);
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        var page = await client.GetStringAsync("/status", timeout.Token);

        foreach (var backend in new[] { "ingestion", "metrics", "experiments" })
        {
            Assert.Matches(new Regex($"data-service=\"{backend}\"[^>]*>\\s*<th[^>]*>[^<]*</th>\\s*<td class=\"state-ok\">answering</td>"), page);
        }
        Assert.DoesNotContain("not answering", page);
    }

    [Theory]
    [InlineData("metricsdb")]
    [InlineData("ingestiondb")]
    [InlineData("experimentsdb")]
    public async Task Database_connection_strings_have_the_container_integrations_shape(string database)
    {
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        var connectionString = await stack.App.GetConnectionStringAsync(database, timeout.Token);
        Assert.Matches(DatabaseConnectionString(), connectionString);
        Assert.EndsWith($";Database={database}", connectionString);
    }

    [Fact]
    public async Task The_broker_connection_string_has_the_container_integrations_shape()
    {
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        var connectionString = await stack.App.GetConnectionStringAsync("messaging", timeout.Token);
        Assert.Matches(BrokerConnectionString(), connectionString);
    }

    private async Task<JsonElement> GetStatusAsync(string service)
    {
        using var client = StackHttp.Client(stack, service);
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        return await client.GetFromJsonAsync<JsonElement>("/api/v1/status", timeout.Token);
    }

    // Aspire.Hosting.PostgreSQL: Host={host};Port={port};Username={user};Password={password};Database={name}
    [GeneratedRegex("^Host=[^;]+;Port=[0-9]+;Username=[^;]+;Password=[^;]+;Database=[^;]+$")]
    private static partial Regex DatabaseConnectionString();

    // Aspire.Hosting.RabbitMQ: amqp://{user}:{password}@{host}:{port}
    [GeneratedRegex("^amqp://[^:@/]+:[^@/]+@[^:/]+:[0-9]+$")]
    private static partial Regex BrokerConnectionString();
}
