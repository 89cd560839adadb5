using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Files;

/// <summary>Keeps an uploaded table file in the database between its preview and its commit (staff lists, Forms exports).</summary>
public static class ImportUploads
{
    /// <summary>Stores the file when it reads as a table; otherwise returns the Russian reason and stores nothing.</summary>
    public static async Task<(ImportUpload? Upload, string? Error)> StoreAsync(AppDbContext db, IFormFile? file, string kind, string userName, string noFileMessage, CancellationToken ct)
    {
        // A chosen but empty file is read like any other, so the web says what the CLI says: «Файл пустой.»
        if (file is null) return (null, noFileMessage);
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        try { TableFileReader.Read(file.FileName, ms.ToArray()); }
        catch (TableFileException e) { return (null, e.Message); }
        // Uploads older than a day were abandoned; clear them so the table does not grow.
        var stale = db.Clock.UtcTime().AddDays(-1);
        await db.ImportUploads.Where(u => u.CreatedAt < stale).ExecuteDeleteAsync(ct);
        var upload = new ImportUpload { Id = Guid.NewGuid(), Kind = kind, UserName = userName, FileName = Path.GetFileName(file.FileName), Content = ms.ToArray() };
        db.ImportUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        return (upload, null);
    }
}
