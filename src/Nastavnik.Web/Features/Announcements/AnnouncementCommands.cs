using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Diagnostics;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Announcements;

/// <summary>
/// Writing an announcement: the curator or administrator names a group, and each person of it with an account (the author
/// aside) gets a notification that opens the announcement. Nothing is sent when the text is missing or the group is empty.
/// </summary>
public sealed class AnnouncementCommands(AppDbContext db, TimeProvider clock, Notifier notifier)
{
    /// <summary>How much of the text the notification carries (the bell, the digest); the announcement's page has it all.</summary>
    public const int PreviewLength = 300;

    public sealed record Sent(Announcement Announcement, int Recipients);

    public async Task<CommandResult<Sent>> CreateAsync(AnnouncementInput input, CancellationToken ct)
    {
        if (InputRules.Check(input, clock, "Объявление не отправлено: исправьте ошибки.") is { } invalid) return invalid;
        if (db.School.SchoolId is not > 0) return CommandError.Forbidden("Объявления пишут куратор и администратор школы.");
        var schoolId = db.School.SchoolId.Value;
        var (people, audience, refusal) = await GroupAsync(input, ct);
        if (refusal is not null) return refusal;
        var me = db.School.UserName;
        var author = await db.Users.Where(u => u.UserName == me).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var recipients = await PeopleAccounts.Of(db, schoolId, people!).Where(u => u.UserName != me).Select(u => u.Id).ToListAsync(ct);
        if (recipients.Count == 0)
            return CommandError.Invalid($"В группе {RussianText.Quote(audience)} нет ни одного педагога с учётной записью: объявление не отправлено.");

        var text = input.Text.Trim();
        var announcement = new Announcement
        {
            AuthorUserName = me, AuthorName = author?.DisplayName ?? me, Audience = audience!, Title = input.Title.Trim(), Text = text,
            CreatedAt = clock.UtcTime(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Announcements.Add(announcement);
        await db.SaveChangesAsync(ct);
        var preview = text.Length <= PreviewLength ? text : text[..PreviewLength].TrimEnd() + "…";
        await notifier.NotifyAsync(recipients.Select(user => new NewNotification(schoolId, user, NotificationKinds.Announcement,
            announcement.Title, preview, Link(announcement.Id), DedupKey: $"announcement:{announcement.Id}", AnnouncementId: announcement.Id)), ct);
        await tx.CommitAsync(ct);
        return new Sent(announcement, recipients.Count);
    }

    /// <summary>
    /// Opens an announcement for the signed-in person: a manager gets its read status, a recipient its text (their notification of
    /// it is marked read: opening it is reading it); anyone else, not found.
    /// </summary>
    public async Task<CommandResult<AnnouncementQueries.Details>> OpenAsync(int id, CancellationToken ct)
    {
        var userId = db.School.UserId;
        var now = clock.UtcTime();
        await db.Notifications.Where(n => n.AnnouncementId == id && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        var found = await AnnouncementQueries.FindAsync(db, id, db.School.IsSchoolManager, userId, ct);
        return found is null ? CommandError.NotFound("Объявление не найдено.") : found;
    }

    public static string Link(int id) => $"/Announcements/{id}";

    /// <summary>The people of the group (a query of person ids) and its name in words, or why it cannot be chosen.</summary>
    private async Task<(IQueryable<int>? People, string? Audience, CommandError? Refusal)> GroupAsync(AnnouncementInput input, CancellationToken ct)
    {
        var active = db.People.Where(p => !p.IsArchived);
        var activePairs = db.MentoringPairs.Where(p => db.Programs.Any(g => g.Id == p.ProgramId && g.Status == ProgramStatus.Active));
        switch (input.Group)
        {
            case AnnouncementGroup.AllStaff:
                return (active.Select(p => p.Id), "Все педагоги", null);
            case AnnouncementGroup.Mentors:
                return (activePairs.Select(p => p.MentorId), "Наставники", null);
            case AnnouncementGroup.Mentees:
                return (activePairs.Select(p => p.MenteeId), "Наставляемые", null);
            case AnnouncementGroup.Department:
                var dept = RussianText.Clean(input.Department);
                if (dept is null) return (null, null, CommandError.Invalid("Выберите методическое объединение (МО): объявление не отправлено."));
                return (active.Where(p => p.Department == dept).Select(p => p.Id), dept, null);
            case AnnouncementGroup.ProgramPairs:
                var program = await db.Programs.Where(g => g.Id == input.ProgramId).Select(g => g.Name).FirstOrDefaultAsync(ct);
                if (program is null) return (null, null, CommandError.Invalid("Выберите программу, парам которой адресовано объявление: объявление не отправлено."));
                var pairs = db.MentoringPairs.Where(p => p.ProgramId == input.ProgramId);
                return (pairs.Select(p => p.MentorId).Union(pairs.Select(p => p.MenteeId)), $"Пары программы {RussianText.Quote(program)}", null);
            default:
                var round = await db.DiagnosticsRounds.Where(r => r.Id == input.RoundId).Select(r => new { r.Id, r.Title }).FirstOrDefaultAsync(ct);
                if (round is null) return (null, null, CommandError.Invalid("Выберите тур диагностики: объявление получат те, кто в нём не ответил. Объявление не отправлено."));
                var answered = db.RoundResponses.Where(s => s.RoundId == round.Id && s.SubmittedAt != null).Select(s => s.PersonId);
                return (db.People.Where(Participation.IsAsked).Where(p => !answered.Contains(p.Id)).Select(p => p.Id),
                    $"Не ответившие в туре {RussianText.Quote(round.Title)}", null);
        }
    }
}
