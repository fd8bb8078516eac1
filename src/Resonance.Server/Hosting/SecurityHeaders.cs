namespace Resonance.Server.Hosting;

/// <summary>Response headers that every page and API response carries: no sniffing, no framing, no referrer leaks,
/// and a content security policy that allows only this origin's scripts and styles.</summary>
internal static class SecurityHeaders
{
    /// <summary>The policy for pages. The API reference (Scalar) needs inline styles and its own script, so it gets
    /// <see cref="ApiReferencePolicy"/>.</summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api-reference") ? ApiReferencePolicy : PagePolicy;
        await next(context).ConfigureAwait(false);
    });
}
