using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Playwright;
using AiRoi.Testing;

namespace AiRoi.Web.BrowserTests;

/// <summary>
/// One whole AiRoi stack on a throwaway data folder and one headless Chromium (Debian's, no download), shared by
/// the browser tests; each test opens its own browser context (its own cookies) and owns its data.
/// </summary>
public sealed class WebStack : IAsyncLifetime
{
    /// <summary>About 20 s to healthy with a warm build, measured on the 2-core reference machine; a cold, shared machine gets ample room.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    /// <summary>Each call into the stack's APIs, and each wait for a page to show something.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The development sign-in of the first admin (appsettings.Development.json of the web, README).</summary>
    public const string AdminUserName = "admin";

    /// <summary>The first admin's development password.</summary>
    public const string AdminPassword = "airoi-admin";

    /// <summary>The key every service accepts in Development.</summary>
    public const string DevelopmentKey = "airoi-dev-key";

    private static readonly string[] Services = ["metrics", "ingestion", "experiments", "web"];

    // Flags for Debian's Chromium on the build machines: without the networking ones it keeps trying to reach the internet.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private readonly string dataRoot = Path.Combine(Path.GetTempPath(), $"airoi-stack-{Guid.NewGuid():N}");
    private IPlaywright? playwright;

    /// <summary>The running stack.</summary>
    public DistributedApplication App { get; private set; } = null!;

    /// <summary>The browser every test opens its contexts in.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>When every service answered healthy.</summary>
    public DateTimeOffset HealthyAt { get; private set; }

    /// <summary>The web frontend's address.</summary>
    public Uri WebUrl { get; private set; } = null!;

    /// <summary>Where screenshots go: <c>$AIROI_TEST_RESULTS/screenshots</c>, else the test output folder.</summary>
    public static string ArtifactsFolder { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("AIROI_TEST_RESULTS") is { Length: > 0 } results ? results : AppContext.BaseDirectory,
        "screenshots");

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AiRoi_AppHost>(
        [
            $"--Infrastructure:DataRoot={dataRoot}",
            "--Infrastructure:Ephemeral=true",
            // Throwaway stacks leave the demo out by default; this one fills it, so a test can read the first run.
            "--Demo:Enabled=true",
        ]);
        // Alerts are looked for every 2 s and sent every second, so a page shows them within seconds.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(project => project.Name == "metrics"))
            .WithEnvironment("Alerts__EvaluateEvery", "00:00:02")
            .WithEnvironment("Alerts__DeliverEvery", "00:00:01")
            .WithEnvironment("Alerts__RetryAfter", "00:00:01");
        App = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await App.StartAsync(timeout.Token);
            foreach (var service in Services)
            {
                var reached = await App.ResourceNotifications.WaitForResourceAsync(service, resourceEvent =>
                    resourceEvent.Snapshot.HealthStatus == HealthStatus.Healthy ||
                    KnownResourceStates.TerminalStates.Contains(resourceEvent.Snapshot.State?.Text), timeout.Token);
                if (reached.Snapshot.HealthStatus != HealthStatus.Healthy)
                {
                    throw new InvalidOperationException($"{service} ended before it was healthy.");
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"The stack was not healthy within {StartTimeout.TotalSeconds:0} s.");
        }
        WebUrl = App.GetEndpoint("web", "http");
        HealthyAt = DateTimeOffset.UtcNow;

        Directory.CreateDirectory(ArtifactsFolder);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        LeftoverProcesses.StopAll(dataRoot);
        if (Directory.Exists(dataRoot))
        {
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    /// <summary>Waits (bounded) until the demo seeder has run to completion, and fails if it failed.</summary>
    public async Task WaitForDemoAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var ended = await App.ResourceNotifications.WaitForResourceAsync("demo",
            resourceEvent => KnownResourceStates.TerminalStates.Contains(resourceEvent.Snapshot.State?.Text), cancel.Token);
        if (ended.Snapshot.ExitCode is not 0)
        {
            throw new InvalidOperationException($"The demo seeder ended with exit code {ended.Snapshot.ExitCode}.");
        }
    }

    /// <summary>A page in a fresh browser context (no cookies), with every wait bounded by <see cref="CallTimeout"/>.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = WebUrl.ToString(),
            // The browser's language, sent as Accept-Language: it decides how the pages write dates.
            Locale = locale,
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        context.SetDefaultTimeout((float)CallTimeout.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    /// <summary>Calls one of the stack's APIs with the development key; throws unless it answers with success.</summary>
    public async Task<JsonNode?> CallAsync(string service, HttpMethod method, string path, JsonNode? body = null)
    {
        using var client = App.CreateHttpClient(service, "http");
        using var timeout = new CancellationTokenSource(CallTimeout);
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", DevelopmentKey);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request, timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {service}{path} answered {(int)response.StatusCode}: {text}");
        }
        return string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text);
    }
}

[CollectionDefinition(Name)]
public sealed class WebStackCollection : ICollectionFixture<WebStack>
{
    public const string Name = "Web on the whole stack";
}
