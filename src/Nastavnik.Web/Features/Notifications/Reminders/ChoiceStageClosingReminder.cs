using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Notifications.Reminders;

/// <summary>
/// Two days before the choice stage's deadline (and until it passes), the mentees who have not chosen a mentor for any of their
/// needs (the curator's «не выбрали») are reminded once.
/// </summary>
public sealed class ChoiceStageClosingReminder : IReminder
{
    public const string KeyPrefix = "choice-closing:";
    public const int DaysBefore = 2;
    public NotificationKind Kind => NotificationKinds.ChoiceStageClosing;

    public async Task<IReadOnlyList<NewNotification>> DueAsync(AppDbContext db, DateTime utcNow, CancellationToken ct)
    {
        var today = ReminderSetup.Today(db, utcNow);
        var rows = await ChoiceStageMentees.Query(db, today, today.AddDays(DaysBefore))
            .Where(x => !db.Choices.Any(c => c.MenteeId == x.PersonId && db.ChoiceStages.Any(s => s.Id == x.StageId && s.RoundId == c.RoundId)))
            .Where(x => !db.Notifications.Any(n => n.UserId == x.UserId && n.DedupKey == KeyPrefix + x.StageId.ToString()))
            .ToListAsync(ct);
        return rows.Select(x => new NewNotification(x.SchoolId, x.UserId, Kind, "Выбор наставника скоро закроется",
            $"Выбор наставников открыт до {RussianText.Date(x.Deadline)}, а вы ещё никого не выбрали.",
            "/Matching/ChoiceStage/Answer", DedupKey: KeyPrefix + x.StageId)).ToList();
    }
}
