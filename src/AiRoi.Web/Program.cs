using AiRoi.ServiceDefaults;
using AiRoi.Web.Accounts;
using AiRoi.Web.Backends;
using AiRoi.Web.Components;
using AiRoi.Web.Components.Data;
using AiRoi.Web.Display;
using AiRoi.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource(AccountStore.ConnectionName);
builder.Services.AddBackendClients(builder.Configuration);
builder.Services.AddSingleton<BackendStatusClient>();
builder.Services.AddHealthChecks().AddCheck<BackendHealthCheck>("backends");
builder.Services.AddSingleton(TimeProvider.System);

// Local accounts with roles, in the web's own database; a cookie carries the sign-in (ADR-0020).
builder.Services.AddSingleton<IAccountStore, AccountStore>();
builder.Services.AddScoped<AccessGate>();
builder.Services.AddScoped<AccountService>();
builder.Services.AddSingleton<SignInThrottle>();
builder.Services.AddHostedService<FirstAdmin>();
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(cookie =>
    {
        cookie.LoginPath = "/sign-in";
        cookie.AccessDeniedPath = "/not-allowed";
        cookie.Cookie.Name = "airoi.signin";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        // Secure whenever the request came over HTTPS (the https launch profile, or a TLS-terminating proxy that
        // forwards the scheme); plain HTTP stays usable on the local machine.
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
        cookie.SlidingExpiration = true;
        cookie.Events.OnValidatePrincipal = AccountPrincipal.ValidateAsync;
    });
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(WebPermission.Read, policy => policy.RequireRole(WebPermission.RolesFor(WebPermission.Read)))
    .AddPolicy(WebPermission.Edit, policy => policy.RequireRole(WebPermission.RolesFor(WebPermission.Edit)))
    .AddPolicy(WebPermission.Administer, policy => policy.RequireRole(WebPermission.RolesFor(WebPermission.Administer)));
builder.Services.AddCascadingAuthenticationState();

builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    // Browsers that reached the web over HTTPS keep to HTTPS (the header is sent on HTTPS answers only).
    app.UseHsts();
}
app.UseSecurityHeaders();
app.UseRequestLocalization(ReaderLanguage.Options());
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapAccountEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();
