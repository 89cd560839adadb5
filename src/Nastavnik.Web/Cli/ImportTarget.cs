using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;

namespace Nastavnik.Web.Cli;

/// <summary>What both imports of the command line check first: the file exists and reads, the school exists.</summary>
internal static class ImportTarget
{
    /// <summary>The database restricted to one school, for an import into it; null (after saying why) when the file or the school is missing.</summary>
    public static async Task<AppDbContext?> SchoolDatabaseAsync(IServiceProvider sp, FileInfo path, int schoolId, CancellationToken ct)
    {
        if (!path.Exists) { Console.Error.WriteLine($"Файл не найден: {path.FullName}"); return null; }
        var db = sp.GetRequiredService<AppDbContext>();
        if (!await db.Organizations.AnyAsync(o => o.Id == schoolId && o.Kind == OrganizationKind.School, ct))
        { Console.Error.WriteLine($"Школа с id {schoolId} не найдена."); return null; }
        db.School.Use(schoolId);
        return db;
    }

    /// <summary>The file as a table; null (after saying why) when it cannot be read.</summary>
    public static async Task<TableFile?> ReadAsync(FileInfo path, CancellationToken ct)
    {
        try
        {
            return TableFileReader.Read(path.Name, await File.ReadAllBytesAsync(path.FullName, ct));
        }
        catch (TableFileException e)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }
    }
}
