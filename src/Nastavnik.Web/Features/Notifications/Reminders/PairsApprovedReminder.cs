using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Notifications.Reminders;

/// <summary>
/// Pairs of an active program approved (within <see cref="ReminderSetup.CatchUpDays"/>): each side is told once per colleague, with the
/// colleague's name and the contacts they opened to the school (as the privacy filter shows them to colleagues). The topic is the
/// mentee's deficit (ADR-004), so it is never in the text: the link opens the home page, where the pair is shown to its members.
/// </summary>
public sealed class PairsApprovedReminder : IReminder
{
    public const string KeyPrefix = "pairs-approved:";
    public NotificationKind Kind => NotificationKinds.PairsApproved;

    private sealed record Side(int SchoolId, int ProgramId, int OtherId, string UserId, bool IsMentor, string Key);

    public async Task<IReadOnlyList<NewNotification>> DueAsync(AppDbContext db, DateTime utcNow, CancellationToken ct)
    {
        var since = utcNow.AddDays(-ReminderSetup.CatchUpDays);
        var pairs = db.MentoringPairs.Where(p => p.ApprovedAt >= since && db.Programs.Any(g => g.Id == p.ProgramId && g.Status == ProgramStatus.Active));
        // The mentee hears of each mentor once, the mentor of each mentee once (a pair on two topics is one colleague).
        var mentees = await (
                from p in pairs
                from u in db.Users
                where u.PersonId == p.MenteeId && u.SchoolId == p.SchoolId
                let key = KeyPrefix + p.ProgramId.ToString() + ":mentor:" + p.MentorId.ToString()
                where !db.Notifications.Any(n => n.UserId == u.Id && n.DedupKey == key)
                select new { p.SchoolId, p.ProgramId, OtherId = p.MentorId, UserId = u.Id, Key = key })
            .Distinct().ToListAsync(ct);
        var mentors = await (
                from p in pairs
                from u in db.Users
                where u.PersonId == p.MentorId && u.SchoolId == p.SchoolId
                let key = KeyPrefix + p.ProgramId.ToString() + ":mentee:" + p.MenteeId.ToString()
                where !db.Notifications.Any(n => n.UserId == u.Id && n.DedupKey == key)
                select new { p.SchoolId, p.ProgramId, OtherId = p.MenteeId, UserId = u.Id, Key = key })
            .Distinct().ToListAsync(ct);
        var sides = mentees.Select(x => new Side(x.SchoolId, x.ProgramId, x.OtherId, x.UserId, false, x.Key))
            .Concat(mentors.Select(x => new Side(x.SchoolId, x.ProgramId, x.OtherId, x.UserId, true, x.Key))).ToList();
        if (sides.Count == 0) return [];

        var others = sides.Select(s => s.OtherId).Distinct().ToList();
        var names = await db.People.Where(p => others.Contains(p.Id))
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName }).ToDictionaryAsync(p => p.Id, p => PersonName.Full(p.LastName, p.FirstName, p.MiddleName), ct);
        // What a colleague may see (AppDbContext.PrivacyFilters): contacts opened to the school, of an active colleague with consent.
        var contacts = (await db.PortfolioContacts
                .Where(c => others.Contains(c.PersonId) && c.Visibility == ContactVisibility.School
                    && db.People.Any(p => p.Id == c.PersonId && !p.IsArchived && p.Consent == ConsentStatus.Given))
                .OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct))
            .ToLookup(c => c.PersonId, c => $"{PortfolioLabels.Kind(c.Kind).ToLower(RussianText.Culture)}: {c.Value}");
        return sides.Select(s =>
        {
            var name = names.GetValueOrDefault(s.OtherId, "коллега");
            var reach = contacts[s.OtherId].ToList();
            var text = (s.IsMentor ? $"Вы — наставник педагога {RussianNames.Decline(name, NameCase.Genitive)}." : $"Ваш наставник — {name}.")
                + (reach.Count > 0 ? " Контакты: " + string.Join("; ", reach) + "." : " Контакты — на главной странице или у куратора программы.");
            return new NewNotification(s.SchoolId, s.UserId, Kind, "Утверждена пара наставничества", text, "/", DedupKey: s.Key);
        }).ToList();
    }
}
