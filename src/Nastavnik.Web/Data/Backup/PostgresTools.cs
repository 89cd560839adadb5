using System.Diagnostics;
using Npgsql;

namespace Nastavnik.Web.Data.Backup;

/// <summary>
/// PostgreSQL's own programs: <c>pg_dump</c> and <c>pg_restore</c>, found by a configured path, on PATH, or under
/// /usr/lib/postgresql/*/bin (the newest version first), run with the connection in the environment (never the password on the
/// command line).
/// </summary>
internal static class PostgresTools
{
    /// <summary>The configured value that turns pg_dump off: backups are then the logical export.</summary>
    public const string Off = "off";

    /// <summary>The program <paramref name="name"/>: beside a configured <paramref name="configured"/> pg_dump, else on PATH, else
    /// under /usr/lib/postgresql; null when none is found.</summary>
    public static string? Find(string name, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured) && !configured.Equals(Off, StringComparison.OrdinalIgnoreCase))
        {
            var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configured)) ?? "", name);
            return File.Exists(beside) ? beside : null;
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
        if (onPath is not null) return onPath;
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.GetDirectories(root)
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin", name)).FirstOrDefault(File.Exists);
    }

    /// <summary>Runs <paramref name="program"/> against the database of <paramref name="connectionString"/>; its standard output is returned,
    /// a failure throws <see cref="BackupException"/> with what the program wrote to standard error.</summary>
    public static async Task<string> RunAsync(string program, string connectionString, IEnumerable<string> args, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (key, value) in LibpqEnvironment(connectionString)) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new BackupException($"Не удалось запустить {Path.GetFileName(program)}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
            throw new BackupException($"{Path.GetFileName(program)} завершился с ошибкой (код {process.ExitCode}): {(await stderr).Trim()}");
        return await stdout;
    }

    /// <summary>The libpq environment of an Npgsql connection string.</summary>
    public static Dictionary<string, string?> LibpqEnvironment(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var env = new Dictionary<string, string?>
        {
            ["PGHOST"] = b.Host, ["PGPORT"] = b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["PGDATABASE"] = b.Database,
            ["PGUSER"] = b.Username, ["PGPASSWORD"] = b.Password, ["PGAPPNAME"] = "nastavnik-backup",
            ["PGSSLMODE"] = b.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Allow => "allow",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            },
        };
        return env;
    }
}
