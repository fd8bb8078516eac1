using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.FileProviders;
using Resonance.Application.Importing;
using Resonance.Application.Members;
using Resonance.Application.Scoring;
using Resonance.Server.Api;
using Resonance.Server.Components;
using Resonance.Storage;
using Resonance.Storage.Members;
using Scalar.AspNetCore;

namespace Resonance.Server.Hosting;

/// <summary>Builds the one ASP.NET Core host: the Blazor pages, the REST API under <c>/api/v1</c>, its OpenAPI document
/// (<c>/openapi/v1.json</c>) and browsable reference (<c>/api-reference</c>), over one database.</summary>
public static class ResonanceServer
{
    /// <summary>The rate-limiting policy for sign-in and sign-up posts.</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>Builds the host (not started). The caller runs it and disposes the store afterwards.</summary>
    public static WebApplication Build(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ResonanceServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
            Args = [],
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(options.LogLevel)
            // Keys live in the user's profile (~/.aspnet/DataProtection-Keys) unencrypted at rest, as on any single host;
            // the warning saying so on every start is noise for a self-hosted instance.
            .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error)
            // A failed start (address in use) is reported by the caller in one line; the host's own log of it is a
            // stack trace.
            .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        AddServices(builder.Services, options);

        var app = builder.Build();
        // The API answers errors with RFC 9457 problem details; pages re-render a friendly page. Neither shows a stack trace.
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), pages => pages.UseExceptionHandler("/error", createScopeForErrors: true)
            .UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(ResonanceServer).Assembly, "Resonance.Server.wwwroot"),
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi();
        app.MapScalarApiReference("/api-reference", o => o.WithTitle("Resonance API"));
        app.MapResonanceApi();
        app.MapRazorComponents<App>();
        return app;
    }

    private static void AddServices(IServiceCollection services, ServerOptions options)
    {
        var store = options.Store;
        services.AddSingleton(store);
        services.AddSingleton<IScoreStore>(store);
        services.AddSingleton<IMemberStore>(store);
        services.AddSingleton<IMarketingStore>(store);
        services.AddScoped<DiscoveryService>();
        services.AddSingleton<Application.Topics.ITopicStore>(store);
        services.AddSingleton<Application.Topics.ITopicPreferences>(store);
        services.AddSingleton<Application.Topics.IRunTopicStore>(store);
        services.AddSingleton<InsightsCache>();
        services.AddSingleton<Application.Insights.IRunInsightsSource>(sp => sp.GetRequiredService<InsightsCache>());
        services.AddHostedService(sp => sp.GetRequiredService<InsightsCache>());
        services.AddScoped<Application.Insights.InsightService>();
        services.AddSingleton<CommunityCache>();
        services.AddSingleton<Application.Communities.IRunCommunitiesSource>(sp => sp.GetRequiredService<CommunityCache>());
        services.AddHostedService(sp => sp.GetRequiredService<CommunityCache>());
        services.AddSingleton<IResonanceStore>(store);
        services.AddSingleton(store.ContextOptions);
        services.AddScoped<ResonanceDbContext>();
        services.AddScoped<ProfileService>();
        services.AddSingleton<Application.Persons.IPersonStore>(store);
        services.AddScoped<Application.Persons.PersonLinks>();
        services.AddScoped<Application.Persons.PersonScores>();
        services.AddSingleton<MethodologyDocument>();
        services.AddMemoryCache(o => o.SizeLimit = 20_000);
        services.AddSingleton<ProfileCache>();
        services.AddSingleton<ScoringJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<ScoringJobs>());
        services.AddHostedService<SqliteWalKeeper>();

        services.AddIdentity<MemberUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<ResonanceDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/denied";
            o.Cookie.Name = "resonance.auth";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Events.OnRedirectToLogin = c => ApiAwareRedirect(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiAwareRedirect(c, StatusCodes.Status403Forbidden);
        });
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddAntiforgery(o => o.Cookie.Name = "resonance.csrf");
        services.AddAuthorization(ApiPolicies.Add);
        services.AddCascadingAuthenticationState();
        services.AddRazorComponents();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Resonance API";
            doc.Info.Description = "Influence scores that are explainable, versioned and shown only with consent.";
            return Task.CompletedTask;
        }));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) => WriteTooManyRequestsAsync(context.HttpContext, ct);
            o.AddPolicy(SignInPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("read"));
        });
    }

    /// <summary>Creates the roles if missing. Call once before serving.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            ct.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Answers a throttled request itself: re-executing a status page would replay the POST.</summary>
    private static async ValueTask WriteTooManyRequestsAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = "60";
        if (IsApi(http))
        {
            await Results.Problem("Too many attempts from your address; wait a minute.", statusCode: StatusCodes.Status429TooManyRequests)
                .ExecuteAsync(http).ConfigureAwait(false);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync("""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Slow down · Resonance</title>
            <link rel="stylesheet" href="/css/site.css"></head><body><main id="main"><h1>Slow down</h1>
            <p>Too many sign-in attempts from your address. Wait a minute and <a href="/signin">try again</a>.</p></main></body></html>
            """, ct).ConfigureAwait(false);
    }

    /// <summary>True for REST API requests.</summary>
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>The API answers 401/403 with problem details; pages redirect to sign-in.</summary>
    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.HttpContext))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
