using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Activities;
using Nastavnik.Web.Features.Admin.PersonData;
using Nastavnik.Web.Features.Admin.Users;
using Nastavnik.Web.Features.Announcements;
using Nastavnik.Web.Features.Catalog;
using Nastavnik.Web.Features.Consultations;
using Nastavnik.Web.Features.Diagnostics;
using Nastavnik.Web.Features.Documents;
using Nastavnik.Web.Features.Matching;
using Nastavnik.Web.Features.Meetings;
using Nastavnik.Web.Features.Monitoring;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Features.Plans;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Features.Practices;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Features.Staff;
using Nastavnik.Web.Features.Surveys;

namespace Nastavnik.Web.Hosting;

/// <summary>The web application: its services (<see cref="Services"/>), the request pipeline and the endpoints, top to bottom.</summary>
public static class WebApp
{
    /// <summary>The switch of the README's run command: this installation shows the demo school (created in an empty database).</summary>
    public const string DemoSwitch = "--demo";

    /// <summary>
    /// A published app started from another folder (systemd's working folder, an operator's shell running <c>nastavnik migrate</c>)
    /// still reads its own appsettings.json and wwwroot: the content root is the app's folder, unless one is named
    /// (<c>ASPNETCORE_CONTENTROOT</c>, <c>--contentRoot</c>) or the current folder has the settings (<c>dotnet run</c> in the project).
    /// </summary>
    private static string? AppFolderAsContentRoot(string[] args)
    {
        const string settings = "appsettings.json";
        var named = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"))
            || args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase));
        if (named || File.Exists(Path.Combine(Directory.GetCurrentDirectory(), settings))) return null;
        return File.Exists(Path.Combine(AppContext.BaseDirectory, settings)) ? AppContext.BaseDirectory : null;
    }

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args.Select(a => a == DemoSwitch ? "--Demo:Enabled=true" : a).ToArray(),
            ContentRootPath = AppFolderAsContentRoot(args),
        });
        builder.Configuration.AddEnvironmentVariables("Nastavnik__");
        // Serve wwwroot from the build output's manifest in every environment, so `dotnet run` and the tests get the assets too.
        builder.WebHost.UseStaticWebAssets();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls("http://localhost:5080");

        builder.Services.AddNastavnikDatabase(builder.Configuration);
        builder.Services.AddNastavnikCommands();
        builder.Services.AddNastavnikAccounts();
        builder.Services.AddNastavnikWeb();
        builder.Services.AddNastavnikWebSecurity(builder.Configuration);
        builder.AddNastavnikObservability();

        var app = builder.Build();

        app.UseRequestLogScope();
        app.UseNastavnikWebSecurity();
        // API callers get RFC 7807 problem details; people get the error page.
        static bool IsApi(HttpContext c) => c.Request.Path.StartsWithSegments("/api");
        app.UseWhen(IsApi, a => a.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), a => a.UseExceptionHandler("/Error").UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.UseResponseCompression();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRequestLogUser();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapRazorPages();
        app.MapChoiceStageRedirects();
        app.MapUnsubscribe();
        app.MapOpenApi("/api/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapNastavnikOperations();
        var api = app.MapGroup("/api/v1").DisableAntiforgery().AddEndpointFilter<Features.Account.MustChangePasswordFilter>()
            .AddEndpointFilter<ApiValidationFilter>();
        api.MapStaffApi();
        api.MapPersonDataApi();
        api.MapCatalogApi();
        api.MapProgramApi();
        api.MapDiagnosticsApi();
        api.MapPortfolioApi();
        api.MapNotificationsApi();
        api.MapAnnouncementApi();
        api.MapAccountsApi();
        api.MapPairsApi();
        api.MapPlansApi();
        api.MapMeetingsApi();
        app.MapCalendarFeed();
        api.MapConsultationApi();
        api.MapActivityApi();
        api.MapSurveysApi();
        api.MapMonitoringApi();
        api.MapDocumentsApi();
        api.MapPracticesApi();
        api.MapReportsApi();
        return app;
    }
}
