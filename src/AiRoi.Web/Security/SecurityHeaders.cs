using System.Security.Cryptography;

namespace AiRoi.Web.Security;

/// <summary>
/// The headers every answer of the web carries: a Content-Security-Policy that allows only this site's own scripts
/// (and the one inline import map, by a nonce new on every request), styles from this site (Blazor's reconnection
/// dialog sets inline styles), no framing by other sites, no MIME sniffing, and no referrer sent elsewhere.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceItem = "AiRoi.CspNonce";

    /// <summary>The Content-Security-Policy with <paramref name="nonce"/> for the page's import map.</summary>
    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>Adds the headers to every answer.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceItem] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next(context);
        });

    /// <summary>The nonce of this request's Content-Security-Policy, for the inline import map.</summary>
    public static string? Nonce(HttpContext context) => context?.Items[NonceItem] as string;
}
