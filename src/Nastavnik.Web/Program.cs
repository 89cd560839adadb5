using Nastavnik.Web.Cli;
using Nastavnik.Web.Hosting;

System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

// No command (or only host options such as --urls) means: serve. Tests' WebApplicationFactory comes this way too.
if (args.Length == 0 || (args[0].StartsWith("--", StringComparison.Ordinal) && args[0] is not ("--help" or "--version")) || args[0] == "serve")
    return await Serve(args.SkipWhile(a => a == "serve").ToArray());
return await NastavnikCommandLine.Create(Serve).Parse(args).InvokeAsync();

static async Task<int> Serve(string[] args)
{
    var app = Program.BuildWebApp(args);
    if (!await app.TryPrepareDatabaseAsync()) return 1;
    app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
    await app.RunAsync();
    return 0;
}

/// <summary>The entry point; the application itself is built in Hosting/ (<see cref="WebApp"/>, <see cref="Services"/>).</summary>
public partial class Program
{
    public static WebApplication BuildWebApp(string[] args) => WebApp.Build(args);
}
