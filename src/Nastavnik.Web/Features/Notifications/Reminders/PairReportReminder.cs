using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Plans;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Notifications.Reminders;

/// <summary>
/// From ten days before a quarter's end until its last day, both sides of each live pair of an active program are reminded once to
/// write the pair's quarterly report, unless it is already written. The text names the colleague and the quarter, never the topic.
/// </summary>
public sealed class PairReportReminder : IReminder
{
    public const string KeyPrefix = "pair-report:";
    public const int DaysBefore = 10;
    public NotificationKind Kind => NotificationKinds.PairReportDue;

    public async Task<IReadOnlyList<NewNotification>> DueAsync(AppDbContext db, DateTime utcNow, CancellationToken ct)
    {
        var today = ReminderSetup.Today(db, utcNow);
        var (year, quarter) = PlanLabels.QuarterOf(today);
        var end = PlanLabels.QuarterEnd(year, quarter);
        if (today < end.AddDays(-DaysBefore + 1)) return [];
        var pairs = await (
                from p in db.MentoringPairs
                where (p.Status == PairStatus.Approved || p.Status == PairStatus.Active)
                    && db.Programs.Any(g => g.Id == p.ProgramId && g.Status == ProgramStatus.Active)
                    && !db.PairReports.Any(r => r.PairId == p.Id && r.Year == year && r.Quarter == quarter)
                select new
                {
                    p.Id, p.SchoolId, p.MentorId, p.MenteeId, MentorLast = p.Mentor!.LastName, MentorFirst = p.Mentor.FirstName, MentorMiddle = p.Mentor.MiddleName,
                    MenteeLast = p.Mentee!.LastName, MenteeFirst = p.Mentee.FirstName, MenteeMiddle = p.Mentee.MiddleName,
                })
            .ToListAsync(ct);
        if (pairs.Count == 0) return [];
        var people = pairs.SelectMany(p => new[] { p.MentorId, p.MenteeId }).Distinct().ToList();
        var accounts = (await db.Users.Where(u => u.PersonId != null && people.Contains(u.PersonId.Value))
            .Select(u => new { u.Id, u.SchoolId, PersonId = u.PersonId!.Value }).ToListAsync(ct)).ToLookup(u => (u.SchoolId, u.PersonId), u => u.Id);
        var what = PlanLabels.Quarter(year, quarter);
        var due = new List<NewNotification>();
        foreach (var p in pairs)
        {
            var key = KeyPrefix + p.Id.ToString(CultureInfo.InvariantCulture) + ":" + year.ToString(CultureInfo.InvariantCulture) + "-" + quarter.ToString(CultureInfo.InvariantCulture);
            void To(int personId, string colleague) => due.AddRange(accounts[(p.SchoolId, personId)].Select(user => new NewNotification(p.SchoolId, user, Kind,
                "Квартальный отчёт пары", $"Работа с коллегой ({colleague}): напишите квартальный отчёт о достижениях за {what} до {RussianText.Date(end)}.",
                $"/Plans/Report/{p.Id}", DedupKey: key)));
            To(p.MentorId, PersonName.Full(p.MenteeLast, p.MenteeFirst, p.MenteeMiddle));
            To(p.MenteeId, PersonName.Full(p.MentorLast, p.MentorFirst, p.MentorMiddle));
        }
        return due;
    }
}
