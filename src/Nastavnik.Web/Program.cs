using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Account;
using Nastavnik.Web.Features.Catalog;
using Nastavnik.Web.Cli;
using Nastavnik.Web.Features.Demo;
using Nastavnik.Web.Features.Diagnostics;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;
using Nastavnik.Web.Features.Staff;

System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

// No command (or only host options such as --urls) means: serve. Tests' WebApplicationFactory comes this way too.
if (args.Length == 0 || (args[0].StartsWith("--", StringComparison.Ordinal) && args[0] is not ("--help" or "--version")) || args[0] == "serve")
    return await Serve(args.SkipWhile(a => a == "serve").ToArray());
return await NastavnikCommandLine.Create(Serve).Parse(args).InvokeAsync();

static async Task<int> Serve(string[] args)
{
    var app = Program.BuildWebApp(args);
    await app.Services.PrepareDatabaseAsync(app.Configuration);
    app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
    await app.RunAsync();
    return 0;
}

public partial class Program
{
    public static WebApplication BuildWebApp(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddEnvironmentVariables("Nastavnik__");
        // Serve wwwroot from the build output's manifest in every environment, so `dotnet run` and the tests get the assets too.
        builder.WebHost.UseStaticWebAssets();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls("http://localhost:5080");

        builder.Services.AddNastavnikDatabase(builder.Configuration);
        builder.Services.AddOptions<DemoOptions>().BindConfiguration("Demo");
        builder.Services.AddScoped<DemoSchool>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<StaffImporter>();
        builder.Services.AddScoped<FormsImporter>();
        // A use case is written once, in its area's command class; pages, API endpoints and the CLI take it from here.
        builder.Services.AddScoped<StaffCommands>();
        builder.Services.AddScoped<CatalogCommands>();
        builder.Services.AddScoped<PortfolioCommands>();
        builder.Services.AddScoped<ProgramCommands>();
        builder.Services.AddScoped<RoundCommands>();
        builder.Services.AddScoped<Nastavnik.Web.Features.Admin.Users.AccountCommands>();
        builder.Services.AddScoped<Nastavnik.Web.Features.Schools.SchoolCommands>();
        builder.Services.AddScoped<Nastavnik.Web.Features.Matching.MatchingWorkflow>();

        builder.Services.AddIdentity<AppUser, Microsoft.AspNetCore.Identity.IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<SchoolClaimsFactory>()
            .AddErrorDescriber<RussianIdentityErrors>()
            .AddDefaultTokenProviders();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "nastavnik";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.StaffRead, p => p.RequireRole(Roles.Administrator, Roles.Curator, Roles.Psychologist))
            .AddPolicy(Policies.StaffWrite, p => p.RequireRole(Roles.Administrator, Roles.Curator))
            .AddPolicy(Policies.CatalogRead, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.CatalogWrite, p => p.RequireRole(Roles.Administrator, Roles.Curator))
            .AddPolicy(Policies.UsersManage, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ProgramRead, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.ProgramWrite, p => p.RequireRole(Roles.Administrator, Roles.Curator))
            .AddPolicy(Policies.DiagnosticsManage, p => p.RequireRole(Roles.Administrator, Roles.Curator))
            .AddPolicy(Policies.OwnProfile, p => p.RequireClaim(CurrentSchool.PersonClaimType));

        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.ConfigureFilter(new AutoValidateAntiforgeryTokenAttribute());
            o.Conventions.ConfigureFilter(new MustChangePasswordFilter());
        });
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });
        builder.Services.AddProblemDetails();
        // Pages such as the self-assessment form (25 topic cards) are ~100 KB of HTML; phones on school Wi-Fi get them gzipped.
        builder.Services.AddResponseCompression();
        builder.Services.AddOpenApi("v1");
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        builder.Services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");

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

    // API clients get a status code, not a redirect to the login page.
    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
