using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Meetings;

/// <summary>
/// Every change of a meeting, written once for the pages and the API: planning for a pair (by either side) or for a group (by the
/// mentor: the mentor's live pairs on the pair's topic), the rules of time (not in the past, within the program's period), the order
/// of kinds (the final one only after the organizational one was held), editing by the version the user read, held or not held with
/// attendance (a held meeting starts its pairs), shared and private notes, feedback. Who sees a meeting is the privacy filter's
/// (AppDbContext.PairPrivacy); who may change it is checked here: its mentor and its participants.
/// </summary>
public sealed partial class MeetingCommands(AppDbContext db, CurrentSchool me, TimeProvider clock)
{
    public const string MeetingNotFound = "Встреча не найдена.";
    public const string PairNotFound = "Пара не найдена.";
    private const string Invalid = "Данные встречи не прошли проверку.";
    private const string NotASide = "Изменять встречу могут только её участники.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Plans a meeting of the pair, or of the pair's whole group when <paramref name="forGroup"/>.</summary>
    public async Task<CommandResult<Meeting>> PlanAsync(int pairId, bool forGroup, MeetingInput input, CancellationToken ct)
    {
        var pair = await db.MentoringPairs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pairId, ct);
        if (pair is null) return CommandError.NotFound(PairNotFound);
        if (pair.MentorId != me.PersonId && pair.MenteeId != me.PersonId)
            return CommandError.Forbidden("Встречу планируют наставник или наставляемый пары.");
        if (forGroup && pair.MentorId != me.PersonId) return CommandError.Forbidden("Встречу группы планирует наставник.");
        if (!pair.IsLive) return CommandError.Conflict("Пара завершила работу: новые встречи не планируются.");
        var pairs = forGroup
            ? await db.MentoringPairs.AsNoTracking().Where(p => p.ProgramId == pair.ProgramId && p.MentorId == pair.MentorId && p.TopicId == pair.TopicId
                && (p.Status == PairStatus.Approved || p.Status == PairStatus.Active)).ToListAsync(ct)
            : [pair];
        if (await CheckAsync(input, pair.ProgramId, pairs.Select(p => p.Id).ToList(), ct) is { } error) return error;
        var meeting = new Meeting
        {
            SchoolId = pair.SchoolId, ProgramId = pair.ProgramId, MentorId = pair.MentorId, Status = MeetingStatus.Planned,
            CreatedAt = Now, CreatedBy = me.UserName,
        };
        input.ApplyTo(meeting);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        db.MeetingParticipants.Add(new MeetingParticipant { SchoolId = pair.SchoolId, MeetingId = meeting.Id, PersonId = pair.MentorId });
        db.MeetingParticipants.AddRange(pairs.Select(p => new MeetingParticipant { SchoolId = p.SchoolId, MeetingId = meeting.Id, PersonId = p.MenteeId, PairId = p.Id }));
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    /// <summary>Changes a planned meeting the user read at <paramref name="expectedVersion"/>; its SEQUENCE in .ics grows with the version.</summary>
    public async Task<CommandResult<Meeting>> UpdateAsync(int id, MeetingInput input, int expectedVersion, CancellationToken ct)
    {
        if (await EditableAsync(id, expectedVersion, ct) is not { } meeting) return CommandError.NotFound(MeetingNotFound);
        if (!await IsSideAsync(meeting, ct)) return CommandError.Forbidden(NotASide);
        if (meeting.Status != MeetingStatus.Planned) return CommandError.Conflict("Встреча уже отмечена: изменить можно только запланированную встречу.");
        var pairIds = await db.MeetingParticipants.Where(p => p.MeetingId == id && p.PairId != null).Select(p => p.PairId!.Value).ToListAsync(ct);
        if (await CheckAsync(input, meeting.ProgramId, pairIds, ct) is { } error) return error;
        input.ApplyTo(meeting);
        return await SaveAsync(meeting, ct);
    }

    /// <summary>
    /// Marks the meeting held (with who attended: person id → came) or not held. A meeting is held only once it has begun; a held
    /// meeting starts each of its pairs (Approved → Active). Not held is also how a planned meeting is cancelled.
    /// </summary>
    public async Task<CommandResult<Meeting>> RecordOutcomeAsync(int id, bool held, IReadOnlyDictionary<int, bool>? attendance, int expectedVersion, CancellationToken ct)
    {
        if (await EditableAsync(id, expectedVersion, ct) is not { } meeting) return CommandError.NotFound(MeetingNotFound);
        if (!await IsSideAsync(meeting, ct)) return CommandError.Forbidden(NotASide);
        if (held && meeting.StartsAt > Now)
            return CommandError.Invalid($"Встреча назначена на {MeetingLabels.When(meeting.StartsAt)}: отметить, что она состоялась, можно после её начала.");
        var participants = await db.MeetingParticipants.Where(p => p.MeetingId == id).ToListAsync(ct);
        if (attendance is not null && attendance.Keys.Any(k => participants.All(p => p.PersonId != k)))
            return CommandError.Invalid("В отметке посещения указан человек, который не участвует во встрече.");
        meeting.Status = held ? MeetingStatus.Held : MeetingStatus.NotHeld;
        foreach (var p in participants) p.Attended = held ? attendance?.GetValueOrDefault(p.PersonId, true) ?? true : null;
        if (held)
        {
            var pairIds = participants.Where(p => p.PairId != null && p.Attended == true).Select(p => p.PairId!.Value).ToList();
            foreach (var pair in await db.MentoringPairs.Where(p => pairIds.Contains(p.Id)).ToListAsync(ct))
                PairLifecycle.ActivateIfApproved(db, pair, me.UserName, Now);
        }
        return await SaveAsync(meeting, ct);
    }

    /// <summary>The notes shared by the meeting's participants (and seen by the curator).</summary>
    public async Task<CommandResult<Meeting>> SaveSharedNotesAsync(int id, string? text, int expectedVersion, CancellationToken ct)
    {
        if (await EditableAsync(id, expectedVersion, ct) is not { } meeting) return CommandError.NotFound(MeetingNotFound);
        if (!await IsSideAsync(meeting, ct)) return CommandError.Forbidden(NotASide);
        if (text?.Length > 8000) return CommandError.Invalid("Заметки — не длиннее 8000 символов.");
        meeting.SharedNotes = MeetingInput.Clean(text);
        return await SaveAsync(meeting, ct);
    }

    /// <summary>The user's own note on a meeting they take part in: no one else reads it, not even the curator. Empty text removes it.</summary>
    public async Task<CommandResult> SavePrivateNoteAsync(int id, string? text, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return CommandError.NotFound(MeetingNotFound);
        if (!await IsSideAsync(meeting, ct)) return CommandError.Forbidden("Личные заметки пишут участники встречи.");
        if (text?.Length > 8000) return CommandError.Invalid("Заметка — не длиннее 8000 символов.");
        var note = await db.MeetingNotes.FirstOrDefaultAsync(n => n.MeetingId == id && n.AuthorId == me.PersonId, ct);
        var clean = MeetingInput.Clean(text);
        if (clean is null)
        {
            if (note is not null) db.MeetingNotes.Remove(note);
        }
        else if (note is null)
            db.MeetingNotes.Add(new MeetingNote { SchoolId = meeting.SchoolId, MeetingId = id, AuthorId = me.PersonId, Text = clean, UpdatedAt = Now });
        else
        {
            note.Text = clean;
            note.UpdatedAt = Now;
        }
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    private async Task<CommandError?> CheckAsync(MeetingInput input, int programId, List<int> pairIds, CancellationToken ct)
    {
        if (input.Problems() is { Count: > 0 } problems) return CommandError.Invalid(Invalid, problems);
        var start = SchoolTime.Utc(input.Date!.Value, input.Time!.Value);
        if (start <= Now)
            return CommandError.Invalid($"Встречу в прошлом запланировать нельзя: сейчас {MeetingLabels.When(Now)}, выберите более позднее время.");
        var program = await db.Programs.AsNoTracking().Where(p => p.Id == programId).Select(p => new { p.Name, p.StartDate, p.EndDate }).FirstAsync(ct);
        if (input.Date < program.StartDate || input.Date > program.EndDate)
            return CommandError.Invalid($"Дата встречи вне срока программы {RussianText.Quote(program.Name)}: с {RussianText.Date(program.StartDate)} по {RussianText.Date(program.EndDate)}.");
        if (input.Kind == MeetingKind.Final)
        {
            var started = await db.MeetingParticipants.Where(p => p.PairId != null && pairIds.Contains(p.PairId.Value)
                    && db.Meetings.Any(m => m.Id == p.MeetingId && m.Kind == MeetingKind.Organizational && m.Status == MeetingStatus.Held))
                .Select(p => p.PairId).Distinct().CountAsync(ct);
            if (started < pairIds.Count)
                return CommandError.Invalid("Заключительную встречу можно запланировать только после того, как состоялась организационная.");
        }
        return null;
    }

    /// <summary>The meeting tracked for a change, with the version the user read as the original (a later save answers Stale).</summary>
    private async Task<Meeting?> EditableAsync(int id, int expectedVersion, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is not null) db.Entry(meeting).Property(m => m.Version).OriginalValue = expectedVersion;
        return meeting;
    }

    /// <summary>The meeting's mentor or one of its participants (a curator sees meetings but does not hold them).</summary>
    private async Task<bool> IsSideAsync(Meeting meeting, CancellationToken ct) =>
        meeting.MentorId == me.PersonId || await db.MeetingParticipants.AnyAsync(p => p.MeetingId == meeting.Id && p.PersonId == me.PersonId, ct);

    private async Task<CommandResult<Meeting>> SaveAsync(Meeting meeting, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return meeting;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandError.Stale("Пока вы редактировали встречу, её изменил другой участник. Ваш текст не сохранён, но остался в форме: обновите страницу, проверьте встречу и внесите его ещё раз.");
        }
    }
}
