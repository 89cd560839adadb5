using Microsoft.Extensions.Options;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Notifications;

namespace Nastavnik.Web.Features.Operations;

/// <summary>The backups' settings (<c>Nastavnik:Backup</c>, docs/architecture.md «Backup and restore»).</summary>
public sealed class BackupOptions
{
    public const string Section = "Nastavnik:Backup";
    /// <summary>The folder of the daily backups; empty: no scheduled backups.</summary>
    public string? Folder { get; set; }
    /// <summary>How many daily backups are kept in <see cref="Folder"/> (the oldest beyond are deleted after a good backup).</summary>
    public int Keep { get; set; } = 14;
    /// <summary>PostgreSQL: pg_dump's path; empty: looked for on PATH and under /usr/lib/postgresql; "off": the logical export.</summary>
    public string? PgDump { get; set; }
}

/// <summary>
/// The daily backup: once a day (the first run of the day that finds no file of today's date) a backup of the whole database into
/// <see cref="BackupOptions.Folder"/> as <c>nastavnik-backup-yyyy-MM-dd.zip</c>, then the oldest beyond <see cref="BackupOptions.Keep"/>
/// deleted. A failed backup is logged as an error (event 1200) and deletes nothing; the next hourly run tries again. Runs on one
/// node at a time (the job runner's lease); safe to run again (a day's file is written once, whole or not at all).
/// </summary>
public sealed partial class BackupJob(IServiceScopeFactory scopes, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupJob> log) : IScheduledJob
{
    public const string FilePrefix = "nastavnik-backup-";
    public const string FileExtension = ".zip";

    public string Name => "backup";
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public Task RunAsync(CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>The file name of the backup of <paramref name="day"/>.</summary>
    public static string FileName(DateOnly day) => $"{FilePrefix}{day:yyyy-MM-dd}{FileExtension}";

    /// <summary>Makes today's backup when there is none yet; returns its path, or null when nothing was written.</summary>
    public async Task<string?> RunOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Folder)) return null;
        var folder = Path.GetFullPath(o.Folder);
        var file = Path.Combine(folder, FileName(clock.Today()));
        if (File.Exists(file)) return null;
        try
        {
            Directory.CreateDirectory(folder);
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<BackupCommands>().BackupAsync(file, ct);
            if (!result.Ok)
            {
                BackupFailed(log, null, folder, result.Error!.FullText);
                return null;
            }
            var deleted = Prune(folder, Math.Max(1, o.Keep));
            BackupWritten(log, file, result.Value!.Bytes, deleted);
            return file;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            BackupFailed(log, e, folder, e.Message);
            return null;
        }
    }

    /// <summary>Deletes the daily backups beyond the newest <paramref name="keep"/> (by the date in their names) and pieces of runs
    /// that died mid-write; other files in the folder are not touched.</summary>
    private int Prune(string folder, int keep)
    {
        var daily = Directory.GetFiles(folder, FilePrefix + "*" + FileExtension)
            .Where(f => DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(f)[FilePrefix.Length..], "yyyy-MM-dd", out _))
            .OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal).ToList();
        var old = daily.Skip(keep).ToList();
        var dayAgo = clock.UtcTime().AddDays(-1);
        old.AddRange(Directory.GetFiles(folder, FilePrefix + "*.part").Where(f => File.GetLastWriteTimeUtc(f) < dayAgo));
        foreach (var f in old) File.Delete(f);
        return old.Count;
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Error, Message = "Scheduled backup into {Folder} failed: {Reason}. The older backups are kept")]
    private static partial void BackupFailed(ILogger logger, Exception? e, string folder, string reason);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Scheduled backup written: {File} ({Bytes} bytes); old backups deleted: {Deleted}")]
    private static partial void BackupWritten(ILogger logger, string file, long bytes, int deleted);
}

/// <summary>Registration of the backups: the use case, its settings and the daily job.</summary>
public static class BackupRegistration
{
    public static IServiceCollection AddNastavnikBackup(this IServiceCollection services)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section);
        services.AddScoped<BackupCommands>();
        services.AddSingleton<BackupJob>();
        services.AddSingleton<IScheduledJob>(sp => sp.GetRequiredService<BackupJob>());
        return services;
    }
}
