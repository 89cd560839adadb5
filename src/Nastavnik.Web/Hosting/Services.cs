using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Account;
using Nastavnik.Web.Features.Admin.Users;
using Nastavnik.Web.Features.Announcements;
using Nastavnik.Web.Features.Catalog;
using Nastavnik.Web.Features.Demo;
using Nastavnik.Web.Features.Diagnostics;
using Nastavnik.Web.Features.Matching;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Features.Notifications.Reminders;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Features.Schools;
using Nastavnik.Web.Features.Staff;
using Nastavnik.Web.Files;

namespace Nastavnik.Web.Hosting;

/// <summary>The application's services in three groups: the use cases, accounts and access, and the web's plumbing.</summary>
public static class Services
{
    /// <summary>A use case is written once, in its area's command class; pages, API endpoints and the CLI take it from here.</summary>
    public static IServiceCollection AddNastavnikCommands(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration("Demo");
        services.AddScoped<DemoSchool>();
        services.AddSingleton<DemoInstallation>();
        services.AddSingleton<ViewerCache>();
        services.AddSingleton<Files.Documents.PdfConverter>();
        services.AddScoped<SchoolCommands>();
        services.AddScoped<AccountCommands>();
        services.AddScoped<BulkAccountCommands>();
        services.AddScoped<InvitationCommands>();
        services.AddScoped<SlipStore>();
        services.AddScoped<StaffCommands>();
        services.AddScoped<Features.Admin.PersonData.PersonDataCommands>();
        services.AddScoped<StaffImporter>();
        services.AddSingleton<StaffImportProgress>();
        services.AddScoped<CatalogCommands>();
        services.AddScoped<ProgramCommands>();
        services.AddScoped<RoundCommands>();
        services.AddScoped<AnswerCommands>();
        services.AddScoped<FormsImporter>();
        services.AddScoped<PortfolioCommands>();
        services.AddScoped<MatchingWorkflow>();
        services.AddScoped<ChoiceStageCommands>();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddOptions<PublicUrlOptions>().BindConfiguration("Nastavnik");
        services.AddScoped<Notifier>();
        services.AddNastavnikJobs();
        Features.Operations.BackupRegistration.AddNastavnikBackup(services);
        services.AddNastavnikReminders();
        services.AddScoped<AnnouncementCommands>();
        services.AddScoped<Features.Pairs.PairCommands>();
        services.AddScoped<Features.Pairs.PairQueries>();
        services.AddScoped<Features.Pairs.PairDocuments>();
        services.AddScoped<Features.Documents.ProgramOrders>();
        services.AddScoped<Features.Documents.ProgramSheets>();
        services.AddScoped<Features.Documents.ProgramReports>();
        services.AddScoped<Features.Documents.PairReportFiles>();
        services.AddScoped<Features.Documents.ConsentForm>();
        services.AddScoped<Features.Documents.OrderRegister>();
        services.AddScoped<Features.Documents.AcknowledgementCommands>();
        services.AddScoped<Features.Documents.RegulationCommands>();
        services.AddScoped<Features.Schools.SchoolDetailsCommands>();
        services.AddScoped<Features.Documents.TemplateStore>();
        services.AddScoped<Features.Documents.Awards>();
        services.AddScoped<Features.Documents.PartnerCommands>();
        services.AddScoped<Features.Pairs.AgreementCommands>();
        services.AddScoped<Nastavnik.Web.Features.Plans.PlanCommands>();
        services.AddScoped<Features.Meetings.MeetingCommands>();
        services.AddScoped<Features.Consultations.ConsultationCommands>();
        services.AddScoped<Features.Activities.ActivityCommands>();
        services.AddScoped<Features.Activities.ObservationCardCommands>();
        services.AddScoped<Features.Programs.EventParticipationCommands>();
        services.AddScoped<Features.Monitoring.ProgramIndicators>();
        services.AddScoped<Features.Surveys.SurveyCommands>();
        services.AddScoped<Features.Monitoring.IndicatorValueCommands>();
        services.AddScoped<Features.Monitoring.NextYearCommands>();
        services.AddScoped<Features.Monitoring.SwotCommands>();
        services.AddScoped<Features.Practices.PracticeCommands>();
        services.AddScoped<Features.Practices.PracticeQueries>();
        services.AddScoped<Features.Practices.PracticeCollection>();
        return services;
    }

    /// <summary>Accounts (ASP.NET Core Identity with Russian messages), the sign-in cookie and the authorization policies.</summary>
    public static IServiceCollection AddNastavnikAccounts(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = PasswordRules.MinimumLength;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // No lock an outsider could trigger by guessing: sign-in is throttled per address and account instead (SignInCommands).
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<SchoolClaimsFactory>()
            .AddErrorDescriber<RussianIdentityErrors>()
            .AddPasswordValidator<PasswordRules>()
            .AddDefaultTokenProviders();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<SignInCommands>();
        services.AddScoped<CodeSignInCommands>();
        // A session ends within a minute of a sign-out, a new password or role elsewhere: the cookie's security stamp is checked
        // against the account every minute (by the application's clock).
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.TimeProvider = clock;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.ConfigureApplicationCookie(o =>
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
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.StaffRead, p => p.RequireRole(Roles.Administrator, Roles.Curator))
            .AddPolicy(Policies.StaffWrite, p => p.RequireRole(Roles.Administrator, Roles.Curator))
            .AddPolicy(Policies.CatalogRead, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.CatalogWrite, p => p.RequireRole(Roles.Administrator, Roles.Curator))
            .AddPolicy(Policies.UsersManage, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ProgramRead, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.ProgramWrite, p => p.RequireRole(Roles.Administrator, Roles.Curator))
            .AddPolicy(Policies.DiagnosticsManage, p => p.RequireRole(Roles.Administrator, Roles.Curator))
            .AddPolicy(Policies.OwnProfile, p => p.RequireClaim(CurrentSchool.PersonClaimType))
            .AddPolicy(Policies.AnnouncementsWrite, p => p.RequireRole(Roles.Administrator, Roles.Curator))
            .AddPolicy(Policies.SurveyResults, p => p.RequireRole(Roles.Administrator, Roles.Curator))
            .AddPolicy(Policies.Climate, p => p.RequireRole(Roles.Administrator, Roles.Curator, Roles.Psychologist));
        return services;
    }

    /// <summary>Razor Pages under Features/, readable Cyrillic in HTML and JSON, problem details, compression, OpenAPI, health.</summary>
    public static IServiceCollection AddNastavnikWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.ConfigureFilter(new AutoValidateAntiforgeryTokenAttribute());
            o.Conventions.ConfigureFilter(new MustChangePasswordFilter());
            o.Conventions.ConfigureFilter(new DownloadAudit());
        }).AddMvcOptions(RussianValidation.Configure).AddViewOptions(RussianValidation.ConfigureViews);
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });
        services.AddProblemDetails(RussianProblems.Configure);
        services.AddExceptionHandler<DatabaseFaultHandler>();
        // Pages such as the self-assessment form (25 topic cards) are ~100 KB of HTML; phones on school Wi-Fi get them gzipped.
        services.AddResponseCompression();
        services.AddOpenApi("v1");
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        // The keys of sign-in cookies, antiforgery tokens, unsubscribe links and the slips' store live in the database, so every
        // web node on it reads what another wrote (issue 15): a session may go to any node, and a restart or a new node signs no
        // one out. Not encrypted at rest beyond the database's own protection, like the personal data beside them.
        services.AddDataProtection().SetApplicationName("Nastavnik").PersistKeysToDbContext<AppDbContext>();
        services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        services.AddHostedService<ImportUploadSweeper>();
        return services;
    }

    // API clients get a status code, not a redirect to the login page.
    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
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
