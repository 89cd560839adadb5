using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Files;

/// <summary>
/// Keeps an uploaded table file in the database between its preview and its commit (staff lists, Forms exports). The file holds
/// personal data, so it stays no longer than needed: a file that does not read is never stored, an import refused for its rows
/// deletes it at once, a commit empties it, and an abandoned one is deleted after <see cref="AbandonedAfter"/> (by the next upload
/// of the school and by <see cref="ImportUploadSweeper"/> for all schools).
/// </summary>
public static class ImportUploads
{
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(45);

    /// <summary>The kind of an upload already committed: its row stays, empty, so that a second commit is told so (then it is swept).</summary>
    public static string Committed(string kind) => kind + ":done";

    /// <summary>Stores the file when it reads as a table; otherwise returns the Russian reason and stores nothing.</summary>
    public static Task<(ImportUpload? Upload, string? Error)> StoreAsync(AppDbContext db, IFormFile? file, string kind, string userName, string noFileMessage, CancellationToken ct) =>
        file is null ? Task.FromResult<(ImportUpload?, string?)>((null, noFileMessage))
            : StoreAsync(db, file.FileName, file.OpenReadStream, file.Length, kind, userName, noFileMessage, ct);

    /// <summary>The same for a file given as a stream (the API's request body); <paramref name="length"/> is null when not known ahead.</summary>
    public static async Task<(ImportUpload? Upload, string? Error)> StoreAsync(AppDbContext db, string fileName, Func<Stream> open, long? length, string kind,
        string userName, string noFileMessage, CancellationToken ct)
    {
        if (length > TableFileReader.MaxBytes) return (null, TableFileReader.TooLargeMessage);
        byte[] content;
        await using (var source = open())
        {
            // Read at most one byte past the limit: a body of unknown length is refused without holding more than 20 MB.
            using var ms = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = await source.ReadAsync(buffer, ct)) > 0)
            {
                if (ms.Length + n > TableFileReader.MaxBytes) return (null, TableFileReader.TooLargeMessage);
                ms.Write(buffer, 0, n);
            }
            content = ms.ToArray();
        }
        // A chosen but empty file is read like any other, so the web says what the CLI says: «Файл пустой.»
        try { TableFileReader.Read(fileName, content); }
        catch (TableFileException e) { return (null, e.Message); }
        await DeleteAbandonedAsync(db, ct);
        var upload = new ImportUpload { Id = Guid.NewGuid(), Kind = kind, UserName = userName, FileName = Path.GetFileName(fileName), Content = content };
        db.ImportUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        return (upload, null);
    }

    /// <summary>Deletes the uploads older than <see cref="AbandonedAfter"/> that the database shows (in a request: the user's school; in system work: all).</summary>
    public static Task<int> DeleteAbandonedAsync(AppDbContext db, CancellationToken ct)
    {
        var stale = db.Clock.UtcTime() - AbandonedAfter;
        return db.ImportUploads.Where(u => u.CreatedAt < stale).ExecuteDeleteAsync(ct);
    }
}

/// <summary>Deletes abandoned uploads of every school every five minutes, so none outlives an hour even when nobody uploads again.</summary>
public sealed class ImportUploadSweeper(IServiceScopeFactory scopes, ILogger<ImportUploadSweeper> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ImportUploads.DeleteAbandonedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first sweep waits a tick: at start the database may still be migrating.
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await SweepOnceAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be briefly away or locked by a long import; the next tick tries again.
                log.LogWarning(e, "Sweeping abandoned import uploads failed");
            }
        }
    }
}
