using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Data;

public partial class AppDbContext
{
    /// <summary>
    /// The practice bank as the viewer may read it (issue 14, item 9): the school's own materials (the tenant filter) and, past the
    /// tenant filter and only here, the materials another school of the same district marked «доступно школам района». A school without
    /// a district (its parent is not a <see cref="OrganizationKind.District"/>) reads its own only; system work reads everything.
    /// Changing a material never goes through this: the commands change rows the tenant filter shows, so another school's is «not found».
    /// </summary>
    public IQueryable<PracticeMaterial> ReadablePractices()
    {
        if (TenantId is not { } tenant) return PracticeMaterials.IgnoreQueryFilters([PrivacyFilter]);
        var district = Organizations.Where(o => o.Id == tenant && o.ParentId != null && o.Parent!.Kind == OrganizationKind.District)
            .Select(o => o.ParentId);
        // The privacy filters are set aside too, for the author's name only: a material keeps its author after they leave.
        return PracticeMaterials.IgnoreQueryFilters([Tenancy.FilterName, PrivacyFilter])
            .Where(m => m.SchoolId == tenant
                || (m.SharedWithDistrict && Organizations.Any(s => s.Id == m.SchoolId && s.ParentId != null && district.Contains(s.ParentId))));
    }

    /// <summary>The files of the materials of <see cref="ReadablePractices"/>, by the same rule.</summary>
    public IQueryable<PracticeFile> ReadablePracticeFiles()
    {
        var materials = ReadablePractices().Select(m => m.Id);
        return TenantId is null ? PracticeFiles : PracticeFiles.IgnoreQueryFilters([Tenancy.FilterName]).Where(f => materials.Contains(f.MaterialId));
    }

    /// <summary>
    /// A mentor's experience in the completed programs, as any colleague who sees the person may read it in the portfolio (issue 14,
    /// item 10): per pair where the person was the mentor, the program, the topic, how the pair ended and the mentee's average rating of
    /// the pair's meetings; never who the mentee was (ADR-004). Past the pair filter, counts and topics only.
    /// </summary>
    public IQueryable<MentorRecordRow> MentorRecordOf(int mentorId) =>
        from p in MentoringPairs.IgnoreQueryFilters([PrivacyFilter])
        join g in Programs.IgnoreQueryFilters([PrivacyFilter]) on p.ProgramId equals g.Id
        where p.MentorId == mentorId && g.Status == ProgramStatus.Completed
        select new MentorRecordRow(g.Id, g.Name, g.StartDate, g.EndDate, p.Topic!.Name, p.Status,
            MeetingFeedback.Where(f => f.AuthorId == p.MenteeId && MeetingParticipants.Any(m => m.MeetingId == f.MeetingId && m.PairId == p.Id))
                .Average(f => (double?)f.Rating));

    /// <summary>
    /// The whole mentoring record of a person in the completed programs, both roles and the other person's name, for the person
    /// themself and the school's managers only (anyone else gets nothing). An erased colleague is named «Удалённый сотрудник» by the
    /// erasure itself; an archived one is still named, as in the pair's history.
    /// </summary>
    public async Task<List<MentoringRecordRow>> MentoringRecordOfAsync(int personId, CancellationToken ct)
    {
        if (!(TenantId == null || IsSchoolManager || personId == ViewerPersonId)) return [];
        var rows = await (from p in MentoringPairs.IgnoreQueryFilters([PrivacyFilter])
                          join g in Programs.IgnoreQueryFilters([PrivacyFilter]) on p.ProgramId equals g.Id
                          where (p.MentorId == personId || p.MenteeId == personId) && g.Status == ProgramStatus.Completed
                          select new
                          {
                              ProgramId = g.Id, g.Name, g.StartDate, g.EndDate, AsMentor = p.MentorId == personId,
                              MentorLast = p.Mentor!.LastName, MentorFirst = p.Mentor.FirstName, MentorMiddle = p.Mentor.MiddleName,
                              MenteeLast = p.Mentee!.LastName, MenteeFirst = p.Mentee.FirstName, MenteeMiddle = p.Mentee.MiddleName,
                              Topic = p.Topic!.Name, p.Status,
                              Feedback = MeetingFeedback.Where(f => f.AuthorId == p.MenteeId
                                      && MeetingParticipants.Any(m => m.MeetingId == f.MeetingId && m.PairId == p.Id))
                                  .Average(f => (double?)f.Rating),
                          }).AsNoTracking().ToListAsync(ct);
        return rows.Select(r => new MentoringRecordRow(r.ProgramId, r.Name, r.StartDate, r.EndDate, r.AsMentor,
            r.AsMentor ? PersonName.Full(r.MenteeLast, r.MenteeFirst, r.MenteeMiddle) : PersonName.Full(r.MentorLast, r.MentorFirst, r.MentorMiddle),
            r.Topic, r.Status, r.Feedback)).ToList();
    }
}

/// <summary>A pair of a completed program seen from its mentor, without the mentee (see <see cref="AppDbContext.MentorRecordOf"/>).</summary>
public sealed record MentorRecordRow(int ProgramId, string Program, DateOnly Start, DateOnly End, string Topic, PairStatus Status, double? Feedback);

/// <summary>A pair of a completed program with the other person (see <see cref="AppDbContext.MentoringRecordOfAsync"/>).</summary>
public sealed record MentoringRecordRow(int ProgramId, string Program, DateOnly Start, DateOnly End, bool AsMentor, string Other, string Topic,
    PairStatus Status, double? Feedback);
