using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Web.Data;
using Nastavnik.Web.Data.Backup;

namespace Nastavnik.Web.Features.Operations;

/// <summary>A backup written: where, of which database and schema, how (<see cref="BackupPayload"/>) and how big.</summary>
public sealed record BackupMade(string File, DatabaseProvider Provider, string Payload, string SchemaVersion, long Bytes);

/// <summary>A backup restored: its schema, and how many of this build's migrations the next start (or <c>migrate</c>) applies to it.</summary>
public sealed record RestoreDone(DatabaseProvider Provider, string Payload, string SchemaVersion, DateTime CreatedAt, int MigrationsToApply);

/// <summary>
/// Backup and restore of the whole database (issue 15): <c>nastavnik backup</c>, <c>nastavnik restore</c> and the daily
/// <see cref="BackupJob"/> map to these. A restore goes only into an empty database of the same provider and a schema this build
/// knows; every refusal is decided before anything is changed.
/// </summary>
public sealed class BackupCommands(AppDbContext db, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupCommands> log)
{
    /// <summary>Writes a backup of the configured database to <paramref name="outFile"/>, which must not exist yet.</summary>
    public async Task<CommandResult<BackupMade>> BackupAsync(string outFile, CancellationToken ct = default)
    {
        string path;
        try { path = Path.GetFullPath(outFile); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return CommandError.Invalid($"«{outFile}» — не имя файла.");
        }
        if (File.Exists(path) || Directory.Exists(path))
            return CommandError.Conflict($"Файл «{path}» уже есть: копия не пишется поверх другого файла. Укажите новое имя.");
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder)) return CommandError.NotFound($"Папки «{folder}» нет.");
        try
        {
            var manifest = await DatabaseBackup.WriteAsync(db, path, options.Value.PgDump, clock, log, ct);
            return new BackupMade(path, manifest.Provider, manifest.Payload, manifest.SchemaVersion, new FileInfo(path).Length);
        }
        catch (BackupException e)
        {
            return CommandError.Conflict(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException)
        {
            return CommandError.Conflict($"Резервная копия не записана: {e.Message}");
        }
    }

    /// <summary>Restores the backup <paramref name="file"/> into the configured database, which must be empty.</summary>
    public async Task<CommandResult<RestoreDone>> RestoreAsync(string file, CancellationToken ct = default)
    {
        if (!File.Exists(file)) return CommandError.NotFound($"Файл «{file}» не найден.");
        var manifest = BackupArchive.ReadManifest(file);
        if (manifest is null)
            return CommandError.Invalid($"Файл «{Path.GetFileName(file)}» — не резервная копия Наставника (её делает команда nastavnik backup). Ничего не изменено.");
        if (manifest.FormatVersion > BackupManifest.CurrentFormatVersion)
            return CommandError.Conflict("Копию сделала более новая версия Наставника. Обновите Наставник и повторите восстановление. Ничего не изменено.");
        var provider = db.ProviderOf();
        if (manifest.Provider != provider)
            return CommandError.Invalid($"Это копия базы {Name(manifest.Provider)}, а Наставник настроен на {Name(provider)}. Восстановите её в базу " +
                $"{Name(manifest.Provider)} (настройка Database:Provider): перенос копии между SQLite и PostgreSQL не поддерживается. Ничего не изменено.");
        var known = db.Database.GetMigrations().ToList();
        if (!known.Contains(manifest.SchemaVersion))
        {
            return string.CompareOrdinal(manifest.SchemaVersion, known[^1]) > 0
                ? CommandError.Conflict($"Копия сделана более новой версией Наставника: схема базы {manifest.SchemaVersion}, а эта версия знает схему не новее " +
                    $"{known[^1]}. Обновите Наставник и повторите восстановление. Ничего не изменено.")
                : CommandError.Conflict($"Схема базы в копии ({manifest.SchemaVersion}) неизвестна этой версии Наставника. Ничего не изменено.");
        }
        var busy = await DatabaseBackup.TablesWithRowsAsync(db, ct);
        if (busy.Count > 0)
            return CommandError.Conflict("База данных не пуста: восстановить копию можно только в пустую базу, чтобы ничего не потерять. Ничего не изменено. " +
                "Создайте новую базу (для SQLite — укажите новый файл в ConnectionStrings:Nastavnik) и повторите.",
                $"Таблиц с записями: {busy.Count} ({string.Join(", ", busy.Take(5))}{(busy.Count > 5 ? ", …" : "")}).");
        try
        {
            await DatabaseBackup.RestoreAsync(db, file, manifest, options.Value.PgDump, ct);
        }
        catch (BackupException e)
        {
            return CommandError.Conflict(e.Message);
        }
        catch (Exception e) when (e is IOException or System.IO.InvalidDataException or DbException)
        {
            return CommandError.Conflict($"Копия не восстановлена: {e.Message}");
        }
        log.LogInformation("Backup of {CreatedAt:O} restored (schema {Schema}, {Payload})", manifest.CreatedAt, manifest.SchemaVersion, manifest.Payload);
        return new RestoreDone(provider, manifest.Payload, manifest.SchemaVersion, manifest.CreatedAt, known.Count - known.IndexOf(manifest.SchemaVersion) - 1);
    }

    private static string Name(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";
}
