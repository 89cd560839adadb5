using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>
/// Reads the <see cref="IndicatorFacts"/> of one program as of a day with a fixed number of set-based queries (no query per pair, meeting
/// or person): counts and minutes are summed by the database, the rest is at most one row per pair, person, need or answer value. Days
/// are the school's (<see cref="SchoolTime"/>). Runs under the viewer's query filters: a manager sees all of it.
/// </summary>
public static class IndicatorFactsLoader
{
    public static async Task<IndicatorFacts> LoadAsync(AppDbContext db, MentoringProgram program, DateOnly asOf, CancellationToken ct)
    {
        var id = program.Id;
        var end = SchoolTime.Utc(asOf.AddDays(1), TimeOnly.MinValue);
        var recentFrom = SchoolTime.Utc(asOf.AddDays(-29), TimeOnly.MinValue);

        var teachers = await db.People.AsNoTracking().Where(p => p.Kind == PersonKind.Teacher && !p.IsArchived).Select(p => p.Id).ToListAsync(ct);
        var pairs = (await db.MentoringPairs.AsNoTracking().Where(p => p.ProgramId == id)
                .Select(p => new { p.Id, p.MentorId, p.MenteeId, p.TopicId, p.Status, p.ApprovedAt, p.EndedAt }).ToListAsync(ct))
            .Select(p => new PairFact(p.Id, p.MentorId, p.MenteeId, p.TopicId, p.Status, LocalDay(p.ApprovedAt), p.EndedAt is { } e ? LocalDay(e) : null))
            .ToList();
        var needs = (await db.Needs.AsNoTracking().Where(n => db.DiagnosticsRounds.Any(r => r.Id == n.RoundId && r.ProgramId == id))
                .Select(n => new { n.PersonId, n.TopicId }).Distinct().ToListAsync(ct))
            .Select(n => (n.PersonId, n.TopicId)).ToList();

        var heldMeetings = db.Meetings.AsNoTracking().Where(m => m.ProgramId == id && m.Status == MeetingStatus.Held && m.StartsAt < end);
        var meetingTotals = await heldMeetings.GroupBy(m => 1).Select(g => new { Count = g.Count(), Minutes = g.Sum(m => m.DurationMinutes) }).FirstOrDefaultAsync(ct);
        var metRecently = await db.MeetingParticipants.AsNoTracking()
            .Where(mp => mp.PairId != null && heldMeetings.Any(m => m.Id == mp.MeetingId && m.StartsAt >= recentFrom))
            .Select(mp => mp.PairId!.Value).Distinct().ToListAsync(ct);

        var activities = db.JointActivities.AsNoTracking().Where(a => a.ProgramId == id && a.Date <= asOf);
        var byKind = await activities.GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var consultationEnd = asOf < program.EndDate ? asOf : program.EndDate;
        var consultations = await db.Consultations.AsNoTracking()
            .Where(c => c.Status == ConsultationStatus.Held && c.HeldOn != null && c.HeldOn >= program.StartDate && c.HeldOn <= consultationEnd)
            .GroupBy(c => 1).Select(g => new { Count = g.Count(), Minutes = g.Sum(c => c.DurationMinutes ?? 0) }).FirstOrDefaultAsync(ct);

        var participants = new HashSet<int>(await db.MeetingParticipants.AsNoTracking()
            .Where(mp => mp.Attended != false && heldMeetings.Any(m => m.Id == mp.MeetingId)).Select(mp => mp.PersonId).Distinct().ToListAsync(ct));
        participants.UnionWith(await db.ActivityParticipants.AsNoTracking()
            .Where(ap => activities.Any(a => a.Id == ap.ActivityId)).Select(ap => ap.PersonId).Distinct().ToListAsync(ct));
        participants.UnionWith(await db.EventParticipants.AsNoTracking()
            .Where(ep => ep.Attended == true && db.RoadmapEvents.Any(e => e.Id == ep.EventId && e.ProgramId == id && (e.StartDate ?? e.DueDate) <= asOf))
            .Select(ep => ep.PersonId).Distinct().ToListAsync(ct));

        var answers = from a in db.SurveyAnswers.AsNoTracking()
                      join r in db.SurveyResponses on a.ResponseId equals r.Id
                      join q in db.SurveyQuestions on a.QuestionId equals q.Id
                      join s in db.Surveys on q.SurveyId equals s.Id
                      where s.ProgramId == id && r.Day <= asOf && a.Number != null
                      select new { a.Number, q.Type, q.Measure, q.SatisfiedFrom, q.TopicId, s.Kind, s.Anonymous, r.PersonId };
        var satisfaction = (await answers.Where(x => x.Measure == QuestionMeasure.Satisfaction)
                .GroupBy(x => new { x.Number, x.Type, x.SatisfiedFrom }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => new SatisfactionFact(g.Key.Number!.Value, g.Key.SatisfiedFrom ?? (g.Key.Type == QuestionType.Scale10 ? 8 : 4), g.Count)).ToList();
        var ratings = (await answers.Where(x => x.Type == QuestionType.TopicRating && x.TopicId != null && (x.Kind == SurveyKind.Entry || x.Kind == SurveyKind.Exit))
                .Select(x => new { x.Kind, x.Anonymous, x.PersonId, TopicId = x.TopicId!.Value, Number = x.Number!.Value }).ToListAsync(ct))
            .Select(x => new TopicRatingFact(x.Kind == SurveyKind.Exit, x.Anonymous ? null : x.PersonId, x.TopicId, x.Number)).ToList();
        var topicIds = ratings.Select(r => r.TopicId).Distinct().ToList();
        var topicNames = topicIds.Count == 0 ? [] : await db.Topics.AsNoTracking().Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);

        var external = await db.IndicatorValues.AsNoTracking().Where(v => db.ProgramIndicators.Any(i => i.Id == v.IndicatorId && i.ProgramId == id))
            .Select(v => new ExternalValueFact(v.IndicatorId, v.Date, v.Value)).ToListAsync(ct);

        return new IndicatorFacts
        {
            AsOf = asOf,
            ActiveTeachers = teachers.ToHashSet(),
            Pairs = pairs,
            Needs = needs,
            PairsMetRecently = metRecently.ToHashSet(),
            MeetingsHeld = meetingTotals?.Count ?? 0,
            MeetingMinutes = meetingTotals?.Minutes ?? 0,
            Activities = byKind.ToDictionary(k => k.Key, k => k.Count),
            ConsultationsHeld = consultations?.Count ?? 0,
            ConsultationMinutes = consultations?.Minutes ?? 0,
            Participants = participants,
            Satisfaction = satisfaction,
            TopicRatings = ratings,
            ExternalValues = external,
            TopicNames = topicNames,
        };
    }

    private static DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(SchoolTime.Local(utc));
}
