using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace Nastavnik.Web.Hosting;

/// <summary>
/// The settings of section "Web" for an installation on the network. The defaults serve plain HTTP on one machine (the README's
/// run command, the tests); a school's server behind a reverse proxy that ends TLS sets <c>Web:HttpsOnly</c> and <c>Web:BehindProxy</c>.
/// </summary>
public sealed class WebSecurityOptions
{
    /// <summary>Cookies only over HTTPS, plain HTTP redirected to HTTPS, and HSTS.</summary>
    public bool HttpsOnly { get; set; }

    /// <summary>The HTTPS port plain HTTP is redirected to (443 unless the proxy listens elsewhere).</summary>
    public int HttpsPort { get; set; } = 443;

    /// <summary>Trust X-Forwarded-For and X-Forwarded-Proto from the proxies below (the client's address and the scheme it used).</summary>
    public bool BehindProxy { get; set; }

    /// <summary>Addresses of the proxies (loopback is always trusted), e.g. "10.0.0.5" or a network "10.0.0.0/24".</summary>
    public string[] KnownProxies { get; set; } = [];
}

/// <summary>What the browser is told on every response, and how the app sits behind a reverse proxy (docs: README, «На сервере школы»).</summary>
public static class WebSecurity
{
    /// <summary>
    /// Scripts only from the app's own files (no inline script, no eval), styles from its files plus inline style attributes,
    /// images from itself and data: URIs (Bootstrap's icons in CSS), never inside a frame.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddNastavnikWebSecurity(this IServiceCollection services, IConfiguration config)
    {
        var web = config.GetSection("Web").Get<WebSecurityOptions>() ?? new WebSecurityOptions();
        services.AddOptions<WebSecurityOptions>().BindConfiguration("Web");
        var secure = web.HttpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure(o => o.Cookie.SecurePolicy = secure);
        services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = secure);
        services.AddHttpsRedirection(o => o.HttpsPort = web.HttpsPort);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in web.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                if (proxy.Contains('/', StringComparison.Ordinal)) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy.Trim()));
                else o.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline: the proxy's headers, HTTPS, and the headers every response carries.</summary>
    public static WebApplication UseNastavnikWebSecurity(this WebApplication app)
    {
        var web = app.Configuration.GetSection("Web").Get<WebSecurityOptions>() ?? new WebSecurityOptions();
        if (web.BehindProxy) app.UseForwardedHeaders();
        if (web.HttpsOnly)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        // Set when the response starts, so that error pages (the exception handler clears headers) carry them too.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                // The API's answers and downloaded files carry personal data: no browser or proxy keeps a copy.
                if (context.Request.Path.StartsWithSegments("/api") || headers.ContentDisposition.Count > 0)
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
