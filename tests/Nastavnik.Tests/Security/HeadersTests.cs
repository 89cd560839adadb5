using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Tests.Infrastructure;

namespace Nastavnik.Tests.Security;

/// <summary>What the browser is told about every response: no framing, no inline script, no sniffing, no caching of personal data.</summary>
[Collection("sqlite")]
public sealed partial class HeadersTests(SqliteApp app)
{
    private static string Header(HttpResponseMessage r, string name) =>
        r.Headers.TryGetValues(name, out var v) ? string.Join(", ", v) : r.Content.Headers.TryGetValues(name, out var c) ? string.Join(", ", c) : "";

    [Fact]
    public async Task Pages_the_api_and_exports_cannot_be_framed_and_run_only_the_apps_own_scripts()
    {
        var curator = await app.CuratorAsync();
        var responses = new List<(string Url, HttpResponseMessage Response)>
        {
            ("/Account/Login", await app.Anonymous().GetAsync("/Account/Login")),
            ("/", await curator.GetAsync("/")),
            ("/Admin/Users", await (await app.AdminAsync()).GetAsync("/Admin/Users")),
            ("/api/v1/topics", await curator.GetAsync("/api/v1/topics")),
            ("/Staff/Export", await curator.GetAsync("/Staff/Export")),
        };
        foreach (var (url, r) in responses)
        {
            r.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            var csp = Header(r, "Content-Security-Policy");
            csp.ShouldContain("frame-ancestors 'none'", customMessage: url);
            csp.ShouldContain("script-src 'self'", customMessage: url);
            ScriptSource().Match(csp).Value.ShouldNotContain("unsafe", customMessage: url);
            csp.ShouldContain("object-src 'none'", customMessage: url);
            Header(r, "X-Frame-Options").ShouldBe("DENY", url);
            Header(r, "X-Content-Type-Options").ShouldBe("nosniff", url);
            Header(r, "Referrer-Policy").ShouldBe("same-origin", url);
        }
    }

    [GeneratedRegex("script-src[^;]*")]
    private static partial Regex ScriptSource();

    [Fact]
    public async Task The_api_and_exports_with_personal_data_are_never_stored_by_the_browser()
    {
        var curator = await app.CuratorAsync();
        foreach (var url in new[] { "/api/v1/topics", "/api/v1/staff?size=5", "/Staff/Export" })
        {
            var r = await curator.GetAsync(url);
            r.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            r.Headers.CacheControl?.NoStore.ShouldBe(true, url);
        }
    }

    /// <summary>Every page's script lives in a file under wwwroot: no inline &lt;script&gt; and no on… attributes the policy would block.</summary>
    [Fact]
    public void No_page_carries_inline_script_or_event_handler_attributes()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Nastavnik.sln"))) root = root.Parent;
        root.ShouldNotBeNull();
        var pages = Directory.EnumerateFiles(Path.Combine(root.FullName, "src", "Nastavnik.Web", "Features"), "*.cshtml", SearchOption.AllDirectories).ToList();
        pages.Count.ShouldBeGreaterThan(30);
        var found = pages.SelectMany(p => File.ReadLines(p).Select((line, i) => (p, i, line)))
            .Where(x => InlineScript().IsMatch(x.line) || EventHandler().IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.p)}:{x.i + 1}: {x.line.Trim()}").ToList();
        found.ShouldBeEmpty();
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=\s*[""']", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    /// <summary>Behind a reverse proxy that ends TLS (on loopback here): HTTPS only, HSTS, and cookies marked Secure.</summary>
    [Fact]
    public async Task Behind_an_https_proxy_plain_http_is_redirected_hsts_is_sent_and_cookies_are_secure()
    {
        await using var proxied = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Web:HttpsOnly", "true");
            b.UseSetting("Web:BehindProxy", "true");
            b.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddress>());
        });
        var client = proxied.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://nastavnik.test") });

        var plain = await client.GetAsync("http://nastavnik.test/Account/Login");
        ((int)plain.StatusCode).ShouldBeOneOf(307, 308);
        plain.Headers.Location!.ToString().ShouldBe("https://nastavnik.test/Account/Login");

        // The proxy took the request over HTTPS and says so.
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "http://nastavnik.test/Account/Login") { Headers = { { "X-Forwarded-Proto", "https" } } };
        var page = await client.SendAsync(forwarded);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(page, "Strict-Transport-Security").ShouldContain("max-age=");
        var login = await client.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Input.UserName"] = "curator", ["Input.Password"] = "curator2026" });
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldContain(c => c.StartsWith("nastavnik=", StringComparison.Ordinal));
        cookies.ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}
