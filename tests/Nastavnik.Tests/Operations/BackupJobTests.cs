using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Data.Backup;
using Nastavnik.Web.Features.Operations;

namespace Nastavnik.Tests.Operations;

/// <summary>The daily backup keeps the newest 14 files of its own, and a failed backup deletes none of them.</summary>
public sealed class BackupJobTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nastavnik-backup-job-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
    private readonly CapturedLog _log = new();
    private string Folder => Path.Combine(_dir, "backups");

    private BackupJob Job(IServiceProvider services, string? folder) =>
        new(services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new BackupOptions { Folder = folder, Keep = 14 }), _clock,
            LoggerFactory.Create(b => b.AddProvider(_log)).CreateLogger<BackupJob>());

    private static Microsoft.AspNetCore.Builder.WebApplication Host(string db) => Program.BuildWebApp([
        "--Database:Provider=Sqlite", $"--ConnectionStrings:Nastavnik=Data Source={db};Pooling=False", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning"]);

    /// <summary>Fourteen daily backups of the days before today (1–14 November), plus a file of the administrator's own.</summary>
    private List<string> FourteenOldBackups()
    {
        Directory.CreateDirectory(Folder);
        var old = Enumerable.Range(1, 14).Select(d => Path.Combine(Folder, BackupJob.FileName(new DateOnly(2026, 11, d)))).ToList();
        foreach (var f in old) File.WriteAllText(f, "old");
        File.WriteAllText(Path.Combine(Folder, "before-upgrade.zip"), "mine");
        return old;
    }

    [Fact]
    public async Task The_daily_backup_writes_todays_file_once_and_keeps_the_newest_fourteen()
    {
        var old = FourteenOldBackups();
        await using var app = Host(Path.Combine(_dir, "school.db"));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
        (await Job(app.Services, null).RunOnceAsync(default)).ShouldBeNull();

        var file = await Job(app.Services, Folder).RunOnceAsync(default);

        file.ShouldBe(Path.Combine(Folder, "nastavnik-backup-2026-11-30.zip"));
        BackupArchive.ReadManifest(file!)!.Provider.ShouldBe(DatabaseProvider.Sqlite);
        var kept = Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        kept.Count.ShouldBe(15);
        kept.ShouldNotContain("nastavnik-backup-2026-11-01.zip");
        kept.ShouldContain("nastavnik-backup-2026-11-02.zip");
        kept.ShouldContain("before-upgrade.zip");
        // Once a day: a later run of the same day writes nothing; the next day's run writes its own and deletes the oldest again.
        _clock.Advance(TimeSpan.FromHours(5));
        (await Job(app.Services, Folder).RunOnceAsync(default)).ShouldBeNull();
        _clock.Advance(TimeSpan.FromDays(1));
        (await Job(app.Services, Folder).RunOnceAsync(default)).ShouldEndWith("nastavnik-backup-2026-12-01.zip");
        Directory.GetFiles(Folder, "nastavnik-backup-*").Length.ShouldBe(14);
        File.Exists(old[1]).ShouldBeFalse();
        _log.Entries.Count(e => e.Event.Id == 1201).ShouldBe(2);
    }

    [Fact]
    public async Task A_failed_backup_is_logged_as_an_error_and_deletes_no_old_backup()
    {
        var old = FourteenOldBackups();
        var broken = Path.Combine(_dir, "broken.db");
        await File.WriteAllTextAsync(broken, new string('x', 8192));
        await using var app = Host(broken);

        (await Job(app.Services, Folder).RunOnceAsync(default)).ShouldBeNull();

        var error = _log.Entries.ShouldHaveSingleItem();
        (error.Event.Id, error.Level).ShouldBe((1200, LogLevel.Error));
        error.Fields["Folder"].ShouldBe(Folder);
        old.ShouldAllBe(f => File.Exists(f));
        Directory.GetFiles(Folder).Length.ShouldBe(15);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
