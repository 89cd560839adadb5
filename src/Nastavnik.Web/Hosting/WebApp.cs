using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Catalog;
using Nastavnik.Web.Features.Diagnostics;
using Nastavnik.Web.Features.Matching;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Features.Staff;

namespace Nastavnik.Web.Hosting;

/// <summary>The web application: its services (<see cref="Services"/>), the request pipeline and the endpoints, top to bottom.</summary>
public static class WebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddEnvironmentVariables("Nastavnik__");
        // Serve wwwroot from the build output's manifest in every environment, so `dotnet run` and the tests get the assets too.
        builder.WebHost.UseStaticWebAssets();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls("http://localhost:5080");

        builder.Services.AddNastavnikDatabase(builder.Configuration);
        builder.Services.AddNastavnikCommands();
        builder.Services.AddNastavnikAccounts();
        builder.Services.AddNastavnikWeb();

        var app = builder.Build();

        // API callers get RFC 7807 problem details; people get the error page.
        static bool IsApi(HttpContext c) => c.Request.Path.StartsWithSegments("/api");
        app.UseWhen(IsApi, a => a.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), a => a.UseExceptionHandler("/Error").UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.UseResponseCompression();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapRazorPages();
        app.MapChoiceStageRedirects();
        app.MapOpenApi("/api/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        var api = app.MapGroup("/api/v1").DisableAntiforgery().AddEndpointFilter<ApiValidationFilter>();
        api.MapStaffApi();
        api.MapCatalogApi();
        api.MapProgramApi();
        api.MapDiagnosticsApi();
        api.MapPortfolioApi();
        return app;
    }
}
