using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;

namespace Nastavnik.Web.Features.Admin.Users;

/// <summary>A person who got no account in a bulk run, and why (in Russian, for the administrator).</summary>
public sealed record RefusedPerson(int PersonId, string Name, string Reason);

/// <summary>What one issuing of codes produced: the cards of the accounts just given a code, who was refused and why, how many already had an account.</summary>
public sealed record SlipBatch(string Title, IReadOnlyList<SlipCard> Cards, IReadOnlyList<RefusedPerson> Refused, int AlreadyHadAccount);

/// <summary>
/// Keeps a batch of slips for the administrator who issued it, to print right after: the plaintext codes exist only in that
/// request, so the batch is encrypted with the application's data-protection key and kept in the upload table
/// (<see cref="ImportUpload"/>, kind "slips"), which deletes it after <see cref="ImportUploads.AbandonedAfter"/>. The slips
/// themselves (.docx, PDF) are written when downloaded. Only the administrator who issued the batch can open it.
/// </summary>
public sealed class SlipStore(AppDbContext db, IDataProtectionProvider protection)
{
    public const string Kind = "slips";
    private IDataProtector Protector => protection.CreateProtector("Nastavnik.SignInSlips");

    public async Task<Guid> SaveAsync(int schoolId, string userName, SlipBatch batch, CancellationToken ct)
    {
        var upload = new ImportUpload
        {
            Id = Guid.NewGuid(), SchoolId = schoolId, Kind = Kind, UserName = userName, FileName = "slips",
            Content = Protector.Protect(JsonSerializer.SerializeToUtf8Bytes(batch)),
        };
        db.ImportUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        return upload.Id;
    }

    public async Task<SlipBatch?> LoadAsync(int schoolId, string userName, Guid id, CancellationToken ct)
    {
        var upload = await db.ImportUploads.AsNoTracking()
            .FirstOrDefaultAsync(u => u.Id == id && u.SchoolId == schoolId && u.Kind == Kind && u.UserName == userName, ct);
        if (upload is null || upload.CreatedAt < db.Clock.UtcTime() - ImportUploads.AbandonedAfter) return null;
        return JsonSerializer.Deserialize<SlipBatch>(Protector.Unprotect(upload.Content));
    }
}
