using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features;

/// <summary>A meeting ahead in the cabinet: when, what, with how many.</summary>
public sealed record CabinetMeeting(int Id, MeetingKind Kind, DateTime StartsAt, string? Place, bool Online);

/// <summary>A task of a plan (ИОМ) that is the teacher's to do, by deadline.</summary>
public sealed record CabinetTask(int Id, int PairId, string Title, DateOnly? DueOn, PlanTaskStatus Status, bool AsMentor);

/// <summary>Something waiting for the teacher's answer, with its link.</summary>
public sealed record CabinetWaiting(string Text, string Link, DateTime? At);

/// <summary>
/// The teacher's cabinet beyond the pairs themselves (<see cref="HomeMine"/>): the next meeting of each pair, the nearest meetings, the
/// tasks due, and what waits for their answer (surveys, feedback owed, consultation requests, agreements to accept). Seven set-based queries,
/// whatever the number of pairs; each passes the privacy filters as the teacher's own records.
/// </summary>
public sealed record HomeCabinet(IReadOnlyDictionary<int, DateTime> NextByPair, List<CabinetMeeting> Upcoming, List<CabinetTask> Tasks, List<CabinetWaiting> Waiting)
{
    public const int FeedbackDays = 60;

    public static async Task<HomeCabinet> LoadAsync(AppDbContext db, int personId, DateTime utcNow, CancellationToken ct = default)
    {
        // Driven by the teacher's own rows (the mentor of a meeting has a participant row too), so the cost follows their meetings,
        // not the school's.
        var upcoming = await (
                from p in db.MeetingParticipants
                where p.PersonId == personId
                join m in db.Meetings on p.MeetingId equals m.Id
                where m.Status == MeetingStatus.Planned && m.StartsAt >= utcNow
                orderby m.StartsAt, m.Id
                select new CabinetMeeting(m.Id, m.Kind, m.StartsAt, m.Place, m.OnlineLink != null))
            .Take(5).ToListAsync(ct);
        var pairIds = await db.MentoringPairs.Where(x => x.MentorId == personId || x.MenteeId == personId).Select(x => (int?)x.Id).ToListAsync(ct);
        var next = await (
                from p in db.MeetingParticipants
                where pairIds.Contains(p.PairId)
                join m in db.Meetings on p.MeetingId equals m.Id
                where m.Status == MeetingStatus.Planned && m.StartsAt >= utcNow
                group m.StartsAt by p.PairId into g
                select new { PairId = g.Key!.Value, Next = g.Min() })
            .ToDictionaryAsync(x => x.PairId, x => x.Next, ct);
        var tasks = await (
                from t in db.PlanTasks
                join p in db.MentoringPairs on t.PairId equals p.Id
                where (t.Status == PlanTaskStatus.Planned || t.Status == PlanTaskStatus.InProgress)
                    && (p.Status == PairStatus.Approved || p.Status == PairStatus.Active)
                    && ((p.MentorId == personId && t.Owner == PlanTaskOwner.Mentor) || (p.MenteeId == personId && t.Owner == PlanTaskOwner.Mentee))
                orderby t.DueOn == null, t.DueOn, t.Id
                select new CabinetTask(t.Id, t.PairId, t.Title, t.DueOn, t.Status, p.MentorId == personId))
            .Take(10).ToListAsync(ct);

        var since = utcNow.AddDays(-FeedbackDays);
        var feedback = await db.MeetingParticipants
            .Where(p => p.PersonId == personId && p.Attended != false && !db.MeetingFeedback.Any(f => f.MeetingId == p.MeetingId && f.AuthorId == personId))
            .Join(db.Meetings.Where(m => m.Status == MeetingStatus.Held && m.StartsAt >= since), p => p.MeetingId, m => m.Id, (p, m) => new { m.Id, m.Kind, m.StartsAt })
            .OrderBy(m => m.StartsAt).Take(10).ToListAsync(ct);
        var consultations = await db.Consultations.Where(c => c.ConsultantId == personId && c.Status == ConsultationStatus.Requested)
            .OrderBy(c => c.RequestedAt).Take(10)
            .Select(c => new { c.Id, c.RequestedAt, c.Requester!.LastName, c.Requester.FirstName, c.Requester.MiddleName }).ToListAsync(ct);
        var agreements = await db.PairAgreements
            .Join(db.MentoringPairs.Where(p => p.Status == PairStatus.Approved || p.Status == PairStatus.Active), a => a.PairId, p => p.Id, (a, p) => new { a, p })
            .Where(x => (x.p.MentorId == personId && x.a.MentorAcceptedAt == null) || (x.p.MenteeId == personId && x.a.MenteeAcceptedAt == null))
            .Select(x => new { x.p.Id, x.a.ConcludedOn }).Take(10).ToListAsync(ct);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), db.Clock.LocalTimeZone));
        var surveys = await db.SurveyRecipients.Where(r => r.PersonId == personId && !r.Answered)
            .Join(db.Surveys.Where(s => s.Status == SurveyStatus.Sent && !(s.Deadline < today)), r => r.SurveyId, s => s.Id, (r, s) => new { s.Id, s.Title, s.Deadline })
            .OrderBy(s => s.Deadline).Take(10).ToListAsync(ct);

        var waiting = surveys.Select(s => new CabinetWaiting($"Опрос {Text.RussianText.Quote(s.Title)}: ответьте до {Text.RussianText.Date(s.Deadline)}", Surveys.SurveyCommands.AnswerLink(s.Id), null))
            .Concat(feedback.Select(m => new CabinetWaiting(
                $"Отзыв о встрече: {Meetings.MeetingLabels.Kind(m.Kind).ToLower(Text.RussianText.Culture)} {Meetings.MeetingLabels.When(m.StartsAt)}", $"/Meetings/{m.Id}", m.StartsAt)))
            .Concat(consultations.Select(c => new CabinetWaiting(
                $"Просьба о консультации от {Text.PersonName.Full(c.LastName, c.FirstName, c.MiddleName)}", $"/Consultations/{c.Id}", c.RequestedAt)))
            .Concat(agreements.Select(a => new CabinetWaiting("Договор о наставничестве ждёт вашего согласия", $"/Pairs/{a.Id}", null)))
            .ToList();
        return new HomeCabinet(next, upcoming, tasks, waiting);
    }
}
