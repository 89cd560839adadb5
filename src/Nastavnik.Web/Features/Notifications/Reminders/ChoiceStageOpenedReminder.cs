using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Notifications.Reminders;

/// <summary>
/// The choice stage of an active program is open: the mentees who are to choose (a need in the stage's round, taking part: active
/// and with consent, as the curator's page counts them) are told once, with the deadline.
/// </summary>
public sealed class ChoiceStageOpenedReminder : IReminder
{
    public const string KeyPrefix = "choice-opened:";
    public NotificationKind Kind => NotificationKinds.ChoiceStageOpened;

    public async Task<IReadOnlyList<NewNotification>> DueAsync(AppDbContext db, DateTime utcNow, CancellationToken ct)
    {
        var today = ReminderSetup.Today(db, utcNow);
        var rows = await ChoiceStageMentees.Query(db, today, today.AddYears(100))
            .Where(x => !db.Notifications.Any(n => n.UserId == x.UserId && n.DedupKey == KeyPrefix + x.StageId.ToString()))
            .ToListAsync(ct);
        return rows.Select(x => new NewNotification(x.SchoolId, x.UserId, Kind, "Открыт выбор наставника",
            $"Выберите наставников по своим темам до {RussianText.Date(x.Deadline)}.",
            "/Matching/ChoiceStage/Answer", DedupKey: KeyPrefix + x.StageId)).ToList();
    }
}

/// <summary>The mentees of open choice stages (with accounts), the one definition both choice reminders use.</summary>
public static class ChoiceStageMentees
{
    // Properties, not a positional record: the reminders filter on them after the projection, which EF translates for member inits.
    public sealed class Row
    {
        public int SchoolId { get; init; }
        public int StageId { get; init; }
        public DateOnly Deadline { get; init; }
        public int PersonId { get; init; }
        public string UserId { get; init; } = "";
    }

    /// <summary>Open stages of active programs whose deadline is from <paramref name="earliest"/> to <paramref name="latest"/>, and their mentees.</summary>
    public static IQueryable<Row> Query(AppDbContext db, DateOnly earliest, DateOnly latest) =>
        from s in db.ChoiceStages
        where s.ClosedAt == null && s.Deadline >= earliest && s.Deadline <= latest
            && db.Programs.Any(g => g.Id == s.ProgramId && g.Status == ProgramStatus.Active)
        from p in db.People
        where p.SchoolId == s.SchoolId && !p.IsArchived && p.Consent == ConsentStatus.Given
            && db.Needs.Any(n => n.RoundId == s.RoundId && n.PersonId == p.Id)
        from u in db.Users
        where u.PersonId == p.Id && u.SchoolId == s.SchoolId
        select new Row { SchoolId = s.SchoolId, StageId = s.Id, Deadline = s.Deadline, PersonId = p.Id, UserId = u.Id };
}
