using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Programs;

/// <summary>Whom the curator invites to a program-wide event: a group, or people picked by name.</summary>
public enum InviteGroup { Picked, AllStaff, Mentors, Mentees, Department }

public sealed class EventInvite
{
    public InviteGroup Group { get; set; } = InviteGroup.Picked;
    public string? Department { get; set; }
    public List<int> PersonIds { get; set; } = [];
}

/// <summary>
/// Who took part in a program-wide event of the roadmap (kick-off, round table, final meeting): the curator invites a group or picked
/// people (each invited gets a notification once), then marks who came; «приглашено N, пришло M».
/// </summary>
public sealed class EventParticipationCommands(AppDbContext db, Notifier notifier, TimeProvider clock)
{
    public const string NotFoundText = "Мероприятие не найдено.";

    /// <summary>Invites the group's people not yet invited; returns how many were added.</summary>
    public async Task<CommandResult<int>> InviteAsync(int eventId, EventInvite input, CancellationToken ct)
    {
        if (!db.School.IsSchoolManager) return CommandError.Forbidden("Приглашать на мероприятия программы может куратор или администратор.");
        var ev = await db.RoadmapEvents.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.Id, e.SchoolId, e.ProgramId, e.Title, e.DueDate })
            .FirstOrDefaultAsync(ct);
        if (ev is null) return CommandError.NotFound(NotFoundText);
        var staff = db.People.Where(p => !p.IsArchived);
        var live = db.MentoringPairs.Where(p => p.ProgramId == ev.ProgramId && (p.Status == PairStatus.Approved || p.Status == PairStatus.Active));
        var people = input.Group switch
        {
            InviteGroup.AllStaff => staff.Select(p => p.Id),
            InviteGroup.Mentors => staff.Where(p => live.Any(x => x.MentorId == p.Id)).Select(p => p.Id),
            InviteGroup.Mentees => staff.Where(p => live.Any(x => x.MenteeId == p.Id)).Select(p => p.Id),
            InviteGroup.Department => staff.Where(p => p.Department == input.Department).Select(p => p.Id),
            _ => staff.Where(p => input.PersonIds.Contains(p.Id)).Select(p => p.Id),
        };
        if (input.Group == InviteGroup.Department && string.IsNullOrWhiteSpace(input.Department))
            return CommandError.Invalid("Приглашения не отправлены.", "Выберите подразделение.");
        if (input.Group == InviteGroup.Picked && input.PersonIds.Count == 0)
            return CommandError.Invalid("Приглашения не отправлены.", "Выберите, кого пригласить.");
        var ids = await people.Where(id => !db.EventParticipants.Any(x => x.EventId == eventId && x.PersonId == id)).ToListAsync(ct);
        if (ids.Count == 0) return 0;
        var now = clock.UtcTime();
        db.EventParticipants.AddRange(ids.Select(id => new EventParticipant { EventId = eventId, PersonId = id, InvitedAt = now }));
        await db.SaveChangesAsync(ct);

        var accounts = new List<string>();
        foreach (var chunk in ids.Chunk(1000))
            accounts.AddRange(await db.Users.Where(u => u.SchoolId == ev.SchoolId && u.PersonId != null && chunk.Contains(u.PersonId.Value)).Select(u => u.Id).ToListAsync(ct));
        var when = ev.DueDate is { } d ? $" {RussianText.Date(d)}" : "";
        await notifier.NotifyAsync(accounts.Select(u => new NewNotification(ev.SchoolId, u, NotificationKinds.EventInvited, "Приглашение на мероприятие программы",
            $"Вас приглашают: {RussianText.Quote(ev.Title)}{when}.", $"/Programs/Roadmap?id={ev.ProgramId}", DedupKey: $"event-invited:{eventId}")), ct);
        return ids.Count;
    }

    /// <summary>Marks who came (true), who did not (false) and who is not yet marked (null), by person.</summary>
    public async Task<CommandResult> MarkAsync(int eventId, IReadOnlyDictionary<int, bool?> attendance, CancellationToken ct)
    {
        if (!db.School.IsSchoolManager) return CommandError.Forbidden("Отмечать явку может куратор или администратор.");
        if (!await db.RoadmapEvents.AnyAsync(e => e.Id == eventId, ct)) return CommandError.NotFound(NotFoundText);
        var rows = await db.EventParticipants.Where(x => x.EventId == eventId).ToListAsync(ct);
        foreach (var row in rows)
            if (attendance.TryGetValue(row.PersonId, out var came)) row.Attended = came;
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }
}
