using AiRoi.Demo;
using AiRoi.ServiceDefaults;

// Runs once and exits. The app host starts it only when Demo:Enabled (true by default for a persistent run,
// false for the throwaway stacks of tests and benchmarks).
var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
var apiKey = builder.Configuration["Demo:ApiKey"]
    ?? throw new InvalidOperationException("Demo:ApiKey is not set: the demo writes through the public APIs, which need an organization-wide admin key.");
foreach (var service in new[] { "metrics", "ingestion", "experiments" })
{
    builder.Services.AddHttpClient(service, client =>
    {
        // "http://metrics" resolves through service discovery to the address the app host gave that resource.
        client.BaseAddress = new Uri($"http://{service}");
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    });
}
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<DemoSeeder>();

using var host = builder.Build();
using var stopping = new CancellationTokenSource(TimeSpan.FromMinutes(15));
await host.Services.GetRequiredService<DemoSeeder>().SeedAsync(stopping.Token);
