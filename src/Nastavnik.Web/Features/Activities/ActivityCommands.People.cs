using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;

namespace Nastavnik.Web.Features.Activities;

/// <summary>Who takes part in an activity after it is recorded, and its files (checked like the portfolio's).</summary>
public sealed partial class ActivityCommands
{
    public const string FileNotFoundText = "Файл не найден.";

    /// <summary>Adds a staff member to an activity; its organizer or a manager, from the activity's <paramref name="version"/>.</summary>
    public async Task<CommandResult<JointActivity>> AddParticipantAsync(int id, int personId, int version, CancellationToken ct)
    {
        var (activity, refused) = await ToManageAsync(id, ct);
        if (refused is not null) return refused;
        if (!await db.People.AnyAsync(p => p.Id == personId && !p.IsArchived, ct))
            return CommandError.Invalid("Участник не добавлен.", "Такого сотрудника нет в школе.");
        if (await db.ActivityParticipants.AnyAsync(p => p.ActivityId == id && p.PersonId == personId, ct))
            return CommandError.Conflict("Этот сотрудник уже участвует в мероприятии.");
        db.ActivityParticipants.Add(new ActivityParticipant { ActivityId = id, PersonId = personId, Role = ActivityRole.Participant });
        return await SaveVersionAsync(activity!, version, ct);
    }

    /// <summary>Removes a participant; the organizer and, in a lesson visit, the teacher whose lesson it was stay.</summary>
    public async Task<CommandResult<JointActivity>> RemoveParticipantAsync(int id, int personId, int version, CancellationToken ct)
    {
        var (activity, refused) = await ToManageAsync(id, ct);
        if (refused is not null) return refused;
        var row = await db.ActivityParticipants.FirstOrDefaultAsync(p => p.ActivityId == id && p.PersonId == personId, ct);
        if (row is null) return CommandError.NotFound("Такого участника у мероприятия нет.");
        if (personId == activity!.OrganizerId) return CommandError.Conflict("Того, кто записал мероприятие, из участников не убирают.");
        if (row.Role == ActivityRole.Observed) return CommandError.Conflict("Педагога, чей урок посещён, из посещения не убирают.");
        db.ActivityParticipants.Remove(row);
        return await SaveVersionAsync(activity, version, ct);
    }

    /// <summary>Attaches files (a lesson plan, photos, a presentation) to an activity the caller sees: any participant or a manager.</summary>
    public async Task<CommandResult<IReadOnlyList<ActivityFile>>> AddFilesAsync(int id, IReadOnlyList<FileUpload> uploads, CancellationToken ct)
    {
        var activity = await db.JointActivities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return CommandError.NotFound(NotFoundText);
        if (uploads.Count == 0) return CommandError.Invalid("Файл не приложен.", "Выберите файл.");
        var problems = new List<string>();
        var kept = await db.ActivityFiles.CountAsync(f => f.ActivityId == id, ct);
        if (kept + uploads.Count > PortfolioFiles.MaxPerItem)
            problems.Add($"К мероприятию можно приложить не больше {PortfolioFiles.MaxPerItem} файлов; сейчас их было бы {kept + uploads.Count}.");
        foreach (var f in uploads)
            if (PortfolioFiles.Problem(PortfolioFiles.SafeName(f.FileName), f.Length) is { } problem) problems.Add(problem);
        if (problems.Count > 0) return CommandError.Invalid("Файл не приложен.", problems);
        var added = new List<ActivityFile>();
        foreach (var f in uploads)
        {
            var name = PortfolioFiles.SafeName(f.FileName);
            using var ms = new MemoryStream();
            await f.Content.CopyToAsync(ms, ct);
            added.Add(new ActivityFile
            {
                ActivityId = id, FileName = name, ContentType = PortfolioFiles.ContentType(name)!, Length = ms.Length, Content = ms.ToArray(),
                UploadedAt = clock.UtcTime(), UploadedById = db.School.PersonId > 0 ? db.School.PersonId : null,
            });
        }
        db.ActivityFiles.AddRange(added);
        await db.SaveChangesAsync(ct);
        return new CommandResult<IReadOnlyList<ActivityFile>>(added, null);
    }

    /// <summary>Deletes a file; the one who attached it.</summary>
    public async Task<CommandResult> DeleteFileAsync(int fileId, CancellationToken ct)
    {
        var file = await db.ActivityFiles.Where(f => f.Id == fileId).Select(f => new { f.Id, f.ActivityId, f.UploadedById }).FirstOrDefaultAsync(ct);
        if (file is null) return CommandError.NotFound(FileNotFoundText);
        if (file.UploadedById is null || file.UploadedById != db.School.PersonId) return CommandError.Forbidden("Удалить файл может тот, кто его приложил.");
        await db.ActivityFiles.Where(f => f.Id == fileId).ExecuteDeleteAsync(ct);
        return CommandResult.Success;
    }

    private async Task<(JointActivity? Activity, CommandError? Refused)> ToManageAsync(int id, CancellationToken ct)
    {
        var activity = await db.JointActivities.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return (null, CommandError.NotFound(NotFoundText));
        if (activity.OrganizerId != db.School.PersonId && !db.School.IsSchoolManager)
            return (null, CommandError.Forbidden("Участников меняют тот, кто записал мероприятие, куратор или администратор."));
        return (activity, null);
    }

    /// <summary>Saves with the activity's version checked and bumped, so two editors of its participants do not cross.</summary>
    private async Task<CommandResult<JointActivity>> SaveVersionAsync(JointActivity activity, int version, CancellationToken ct)
    {
        db.Entry(activity).Property(a => a.Version).OriginalValue = version;
        db.Entry(activity).Property(a => a.Title).IsModified = true;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return CommandError.Stale("Пока вы меняли участников, мероприятие изменили в другой вкладке. Откройте его заново."); }
        return activity;
    }
}
