using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Meetings;

/// <summary>A pair as its meetings page shows it: the two people, the topic, the status, the group it is part of.</summary>
public sealed record PairHeader(int Id, int ProgramId, int MentorId, string Mentor, int MenteeId, string Mentee, string Topic, PairStatus Status,
    int GroupSize, DateOnly ProgramStart, DateOnly ProgramEnd);

public sealed record MeetingRow(int Id, MeetingKind Kind, DateTime StartsAt, int DurationMinutes, string? Place, bool Online, MeetingStatus Status, int People);

public sealed record ParticipantRow(int PersonId, string Name, int? PairId, bool? Attended);

public sealed record FeedbackRow(int AuthorId, string Author, int Rating, string? Comment, DateTime At);

/// <summary>One meeting as its page shows it to the viewer: what the privacy filters let through, and what the viewer may do.</summary>
public sealed record MeetingDetails(Meeting Meeting, string ProgramName, IReadOnlyList<ParticipantRow> People, string? MyNote,
    IReadOnlyList<FeedbackRow> Feedback, bool IsSide, int? PairId);

/// <summary>What the meetings pages read; every query passes the privacy filters (a meeting nobody may see is not found).</summary>
public static class MeetingQueries
{
    /// <summary>How many days before the program's end the final meeting is offered first.</summary>
    public const int FinalOfferedDays = 30;

    public static Task<PairHeader?> PairAsync(AppDbContext db, int pairId, CancellationToken ct) =>
        db.MentoringPairs.Where(p => p.Id == pairId).Select(p => new PairHeader(p.Id, p.ProgramId, p.MentorId,
                p.Mentor!.LastName + " " + p.Mentor.FirstName + (p.Mentor.MiddleName == null ? "" : " " + p.Mentor.MiddleName),
                p.MenteeId, p.Mentee!.LastName + " " + p.Mentee.FirstName + (p.Mentee.MiddleName == null ? "" : " " + p.Mentee.MiddleName),
                p.Topic!.Name, p.Status,
                db.MentoringPairs.Count(o => o.ProgramId == p.ProgramId && o.MentorId == p.MentorId && o.TopicId == p.TopicId
                    && (o.Status == PairStatus.Approved || o.Status == PairStatus.Active)),
                db.Programs.Where(g => g.Id == p.ProgramId).Select(g => g.StartDate).First(),
                db.Programs.Where(g => g.Id == p.ProgramId).Select(g => g.EndDate).First()))
            .FirstOrDefaultAsync(ct);

    /// <summary>The meetings of a pair (its own and its group's), newest first.</summary>
    public static Task<List<MeetingRow>> OfPairAsync(AppDbContext db, int pairId, CancellationToken ct) =>
        db.Meetings.Where(m => db.MeetingParticipants.Any(p => p.MeetingId == m.Id && p.PairId == pairId))
            .OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id)
            .Select(m => new MeetingRow(m.Id, m.Kind, m.StartsAt, m.DurationMinutes, m.Place, m.OnlineLink != null, m.Status,
                db.MeetingParticipants.Count(p => p.MeetingId == m.Id)))
            .ToListAsync(ct);

    /// <summary>
    /// The kind offered for a pair's next meeting: the first of organizational, trial and planning not yet held, then regular; the
    /// final one once the organizational one was held and the program ends within <see cref="FinalOfferedDays"/> days.
    /// </summary>
    public static async Task<MeetingKind> NextKindAsync(AppDbContext db, int pairId, DateOnly programEnd, DateOnly today, CancellationToken ct)
    {
        var held = await db.Meetings.Where(m => m.Status == MeetingStatus.Held && db.MeetingParticipants.Any(p => p.MeetingId == m.Id && p.PairId == pairId))
            .Select(m => m.Kind).Distinct().ToListAsync(ct);
        return NextKind(held, programEnd, today);
    }

    public static MeetingKind NextKind(IReadOnlyCollection<MeetingKind> held, DateOnly programEnd, DateOnly today)
    {
        if (!held.Contains(MeetingKind.Organizational)) return MeetingKind.Organizational;
        if (!held.Contains(MeetingKind.Final) && programEnd.DayNumber - today.DayNumber <= FinalOfferedDays) return MeetingKind.Final;
        foreach (var kind in new[] { MeetingKind.Trial, MeetingKind.Planning })
            if (!held.Contains(kind)) return kind;
        return MeetingKind.Regular;
    }

    /// <summary>The kinds a pair may plan now: all but the final one until the organizational meeting was held.</summary>
    public static async Task<bool> FinalAllowedAsync(AppDbContext db, int pairId, CancellationToken ct) =>
        await db.Meetings.AnyAsync(m => m.Status == MeetingStatus.Held && m.Kind == MeetingKind.Organizational
            && db.MeetingParticipants.Any(p => p.MeetingId == m.Id && p.PairId == pairId), ct);

    public static async Task<MeetingDetails?> DetailsAsync(AppDbContext db, int id, int viewerId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return null;
        var program = await db.Programs.Where(p => p.Id == meeting.ProgramId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "";
        // The participant rows pass their own filter; a mentee of a group sees the mentor and themself, the mentor sees everyone.
        var people = (await db.MeetingParticipants.Where(p => p.MeetingId == id)
                .Select(p => new { p.PersonId, p.Person!.LastName, p.Person.FirstName, p.Person.MiddleName, p.PairId, p.Attended }).ToListAsync(ct))
            .Select(p => new ParticipantRow(p.PersonId, PersonName.Full(p.LastName, p.FirstName, p.MiddleName), p.PairId, p.Attended))
            .OrderBy(p => p.PairId is not null).ThenBy(p => p.Name, StringComparer.Create(RussianText.Culture, true)).ToList();
        var note = await db.MeetingNotes.Where(n => n.MeetingId == id && n.AuthorId == viewerId).Select(n => n.Text).FirstOrDefaultAsync(ct);
        var feedback = (await db.MeetingFeedback.Where(f => f.MeetingId == id)
                .Join(db.People, f => f.AuthorId, p => p.Id, (f, p) => new { f.AuthorId, p.LastName, p.FirstName, p.MiddleName, f.Rating, f.Comment, f.At })
                .ToListAsync(ct))
            .Select(f => new FeedbackRow(f.AuthorId, PersonName.Full(f.LastName, f.FirstName, f.MiddleName), f.Rating, f.Comment, f.At))
            .OrderBy(f => f.AuthorId != meeting.MentorId).ThenBy(f => f.Author).ToList();
        var isSide = meeting.MentorId == viewerId || people.Any(p => p.PersonId == viewerId);
        var pairId = people.FirstOrDefault(p => p.PersonId == viewerId && p.PairId is not null)?.PairId ?? people.FirstOrDefault(p => p.PairId is not null)?.PairId;
        return new MeetingDetails(meeting, program, people, note, feedback, isSide, pairId);
    }
}
