using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Data;

public partial class AppDbContext
{
    /// <summary>
    /// Privacy of the pairs at work (issue 12), part of <see cref="ApplyPrivacyFilters"/>: a pair's records are seen by the pair and
    /// the school's curators and administrators. A pair names the mentee's need (its topic), so even that the pair exists is theirs.
    /// A mentor whose pair ended early no longer sees the mentee's plan; their own meetings and the pair's history stay visible to
    /// them. Filters below never refer back to an entity whose filter refers to them (no cycles).
    /// </summary>
    private void ApplyPairWorkFilters(ModelBuilder b)
    {
        b.Entity<MentoringPair>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || x.MentorId == ViewerPersonId || x.MenteeId == ViewerPersonId);
        b.Entity<PairChange>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || Set<MentoringPair>().Any(p => p.Id == x.PairId && (p.MentorId == ViewerPersonId || p.MenteeId == ViewerPersonId)));
        b.Entity<PairAgreement>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || Set<MentoringPair>().Any(p => p.Id == x.PairId && (p.MentorId == ViewerPersonId || p.MenteeId == ViewerPersonId)));
        b.Entity<PairReport>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || Set<MentoringPair>().Any(p => p.Id == x.PairId && (p.MentorId == ViewerPersonId || p.MenteeId == ViewerPersonId)));

        // A consultation: who asked and who was asked (the psychologist too, when asked), and the managers.
        b.Entity<Consultation>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || x.RequesterId == ViewerPersonId || x.ConsultantId == ViewerPersonId);
        // A calendar feed's token is its owner's only; the feed itself is read by token without a tenant.
        b.Entity<CalendarFeed>().HasQueryFilter(PrivacyFilter, x => TenantId == null || x.PersonId == ViewerPersonId);
        b.Entity<EventParticipant>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.PersonId == ViewerPersonId);

        // Plans (ИОМ): the plan row is the mentee's and their mentors' (not one whose pair ended early); a goal, task, correction
        // or file belongs to one pair and is seen by that pair's mentee and mentor only, so a mentee's other mentors do not learn
        // their other needs.
        b.Entity<DevelopmentPlan>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.MenteeId == ViewerPersonId
            || Set<MentoringPair>().Any(p => p.ProgramId == x.ProgramId && p.MenteeId == x.MenteeId && p.MentorId == ViewerPersonId
                && p.Status != PairStatus.EndedEarly));
        b.Entity<PlanGoal>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || Set<MentoringPair>().Any(p => p.Id == x.PairId
                && (p.MenteeId == ViewerPersonId || (p.MentorId == ViewerPersonId && p.Status != PairStatus.EndedEarly))));
        b.Entity<PlanTask>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || Set<MentoringPair>().Any(p => p.Id == x.PairId
                && (p.MenteeId == ViewerPersonId || (p.MentorId == ViewerPersonId && p.Status != PairStatus.EndedEarly))));
        b.Entity<PlanCorrection>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || Set<MentoringPair>().Any(p => p.Id == x.PairId
                && (p.MenteeId == ViewerPersonId || (p.MentorId == ViewerPersonId && p.Status != PairStatus.EndedEarly))));
        b.Entity<PlanTaskFile>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || Set<PlanTask>().Any(t => t.Id == x.TaskId && Set<MentoringPair>().Any(p => p.Id == t.PairId
                && (p.MenteeId == ViewerPersonId || (p.MentorId == ViewerPersonId && p.Status != PairStatus.EndedEarly)))));

        // Meetings: their mentor and participants, and the managers. A participant row: the person, the mentor of its pair, and the
        // mentor's own row for the mentor's mentees. Private notes: their author only, not even the managers. Feedback: its author,
        // the meeting's mentor, the mentor's feedback for the mentees at the meeting, and the managers; never other teachers.
        b.Entity<MeetingParticipant>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.PersonId == ViewerPersonId
            || Set<MentoringPair>().Any(p => p.Id == x.PairId && p.MentorId == ViewerPersonId)
            || (x.PairId == null && Set<MentoringPair>().Any(p => p.MentorId == x.PersonId && p.MenteeId == ViewerPersonId)));
        b.Entity<Meeting>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.MentorId == ViewerPersonId
            || Set<MeetingParticipant>().Any(m => m.MeetingId == x.Id && m.PersonId == ViewerPersonId));
        b.Entity<MeetingNote>().HasQueryFilter(PrivacyFilter, x => TenantId == null || x.AuthorId == ViewerPersonId);
        b.Entity<MeetingFeedback>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.AuthorId == ViewerPersonId
            || Set<Meeting>().Any(m => m.Id == x.MeetingId && (m.MentorId == ViewerPersonId
                || (m.MentorId == x.AuthorId && Set<MeetingParticipant>().Any(p => p.MeetingId == m.Id && p.PersonId == ViewerPersonId)))));

        // Joint activities: their organizer and participants, and the managers (a lesson visit and its analysis are personal).
        // Participant rows carry no deficit and are read through a visible activity, so they have only the tenant filter.
        b.Entity<JointActivity>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.OrganizerId == ViewerPersonId
            || Set<ActivityParticipant>().Any(a => a.ActivityId == x.Id && a.PersonId == ViewerPersonId));
        b.Entity<ActivityFile>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || Set<JointActivity>().Any(a => a.Id == x.ActivityId && (a.OrganizerId == ViewerPersonId
                || Set<ActivityParticipant>().Any(p => p.ActivityId == a.Id && p.PersonId == ViewerPersonId))));
        // The analysis of a lesson: its observer, the observed teacher, and the managers.
        b.Entity<LessonObservation>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || x.ObserverId == ViewerPersonId || x.ObservedId == ViewerPersonId);
        b.Entity<ObservationScore>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || Set<LessonObservation>().Any(o => o.Id == x.ObservationId && (o.ObserverId == ViewerPersonId || o.ObservedId == ViewerPersonId)));
    }

    /// <summary>
    /// What the psychologist may know of a program's pairs (ADR-004): who works with whom among the live pairs, without their topics,
    /// for counts and for support; the pairs themselves stay behind the MentoringPair filter.
    /// </summary>
    public IQueryable<PairPeople> LivePairPeople(int programId) =>
        MentoringPairs.IgnoreQueryFilters([PrivacyFilter])
            .Where(p => p.ProgramId == programId && (p.Status == PairStatus.Approved || p.Status == PairStatus.Active))
            .Select(p => new PairPeople(p.MentorId, p.MenteeId));

    /// <summary>
    /// The pairs of a program ended early, for the psychologist's support of the mentees (issue 12): the people's names, the date and
    /// the reason, never the topic (ADR-004). The names pass the Person filter too: a teacher who left (archived) is still named in the
    /// pair they left. For the psychologist's page only; the pairs themselves stay behind the MentoringPair filter.
    /// </summary>
    public IQueryable<EndedPairPeople> PairsEndedEarly(int programId) =>
        MentoringPairs.IgnoreQueryFilters([PrivacyFilter])
            .Where(p => p.ProgramId == programId && p.Status == PairStatus.EndedEarly)
            .Select(p => new EndedPairPeople(p.MentorId, PersonName.Full(p.Mentor!.LastName, p.Mentor.FirstName, p.Mentor.MiddleName),
                p.MenteeId, PersonName.Full(p.Mentee!.LastName, p.Mentee.FirstName, p.Mentee.MiddleName), p.EndedAt, p.EndReason));

    /// <summary>
    /// The program of a pair the viewer sees (the MentoringPair filter decides; null for another's pair or a guessed id), even while
    /// the program is a draft that the Program filter hides from teachers: the pair knows the program it was fixed in (its name on the
    /// pair's page, its end as the agreement's term).
    /// </summary>
    public async Task<PairProgram?> PairProgramAsync(int pairId, CancellationToken ct)
    {
        var programId = await MentoringPairs.Where(p => p.Id == pairId).Select(p => (int?)p.ProgramId).FirstOrDefaultAsync(ct);
        if (programId is null) return null;
        return await Programs.IgnoreQueryFilters([PrivacyFilter]).Where(g => g.Id == programId)
            .Select(g => new PairProgram(g.Id, g.Name, g.StartDate, g.EndDate)).FirstAsync(ct);
    }

    /// <summary>
    /// The two people of a pair the viewer sees (the MentoringPair filter decides; null for another's pair or a guessed id): names,
    /// position and department, even when the Person filter hides one of them from colleagues (archived since, or consent withdrawn),
    /// since the pair and the managers know with whom it works. Their contacts stay behind the PortfolioContact filter.
    /// </summary>
    public async Task<(PairMember Mentor, PairMember Mentee)?> PairMembersAsync(int pairId, CancellationToken ct)
    {
        var pair = await MentoringPairs.Where(p => p.Id == pairId).Select(p => new { p.MentorId, p.MenteeId }).FirstOrDefaultAsync(ct);
        if (pair is null) return null;
        var people = await People.AsNoTracking().IgnoreQueryFilters([PrivacyFilter]).Where(x => x.Id == pair.MentorId || x.Id == pair.MenteeId)
            .Select(x => new PairMember(x.Id, PersonName.Full(x.LastName, x.FirstName, x.MiddleName), x.Position, x.Department)).ToListAsync(ct);
        return (people.Single(x => x.Id == pair.MentorId), people.Single(x => x.Id == pair.MenteeId));
    }

    /// <summary>
    /// The durations (minutes, 0 when not logged) of the consultations a person held, for their record in the portfolio, which any
    /// colleague who sees the person may read (issue 12, item 9): only how many and how long leave the Consultation filter, never who
    /// asked or about what.
    /// </summary>
    public IQueryable<int> ConsultationMinutesHeldBy(int consultantId) =>
        Consultations.IgnoreQueryFilters([PrivacyFilter])
            .Where(c => c.ConsultantId == consultantId && c.Status == ConsultationStatus.Held)
            .Select(c => c.DurationMinutes ?? 0);
}

/// <summary>A pair ended early as the psychologist may know it: who, when and why, without its topic.</summary>
public sealed record EndedPairPeople(int MentorId, string Mentor, int MenteeId, string Mentee, DateTime? EndedAt, PairEndReason? Reason);

/// <summary>The program a pair was fixed in, as the pair may know it.</summary>
public sealed record PairProgram(int Id, string Name, DateOnly StartDate, DateOnly EndDate);

/// <summary>A person of a pair as the pair may know them, without contacts.</summary>
public sealed record PairMember(int Id, string FullName, string? Position, string? Department);

/// <summary>The two people of a pair, without its topic.</summary>
public sealed record PairPeople(int MentorId, int MenteeId);
