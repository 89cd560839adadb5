using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Surveys;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Notifications.Reminders;

/// <summary>
/// Two days before a sent survey's deadline (and until it passes), its recipients who have not answered are reminded once. It says
/// only the title and the deadline; whether someone answered is the recipient row, never the answer.
/// </summary>
public sealed class SurveyDueReminder : IReminder
{
    public const string KeyPrefix = "survey-due:";
    public const int DaysBefore = 2;
    public NotificationKind Kind => NotificationKinds.Survey;

    public async Task<IReadOnlyList<NewNotification>> DueAsync(AppDbContext db, DateTime utcNow, CancellationToken ct)
    {
        var today = ReminderSetup.Today(db, utcNow);
        var soon = today.AddDays(DaysBefore);
        var rows = await (
                from s in db.Surveys
                where s.Status == SurveyStatus.Sent && s.Deadline >= today && s.Deadline <= soon
                from r in db.SurveyRecipients
                where r.SurveyId == s.Id && !r.Answered
                from u in db.Users
                where u.PersonId == r.PersonId && u.SchoolId == s.SchoolId
                    && !db.Notifications.Any(n => n.UserId == u.Id && n.DedupKey == KeyPrefix + s.Id.ToString())
                select new { s.SchoolId, s.Id, s.Title, s.Deadline, UserId = u.Id })
            .ToListAsync(ct);
        return rows.Select(x => new NewNotification(x.SchoolId, x.UserId, Kind, "Скоро срок опроса",
            $"Опрос {RussianText.Quote(x.Title)} ждёт вашего ответа до {RussianText.Date(x.Deadline)}.",
            SurveyCommands.AnswerLink(x.Id), DedupKey: KeyPrefix + x.Id)).ToList();
    }
}
