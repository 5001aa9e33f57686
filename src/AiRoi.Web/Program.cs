using AiRoi.ServiceDefaults;
using AiRoi.Web.Components;
using AiRoi.Web.Services;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
foreach (var backend in BackendService.All)
{
    // "http://metrics" resolves through service discovery to the address the app host gave that resource.
    builder.Services.AddHttpClient(backend.Name, client => client.BaseAddress = new Uri($"http://{backend.Name}"));
}
builder.Services.AddSingleton<BackendStatusClient>();
builder.Services.AddHealthChecks().AddCheck<BackendHealthCheck>("backends");
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();
