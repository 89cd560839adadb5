using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features;

/// <summary>A mentee left without a pair, as the psychologist sees them: the name, the department and the contacts opened to the school.</summary>
public sealed record SupportPerson(string FullName, string? Department, IReadOnlyList<ContactView> Contacts);

/// <summary>
/// The psychologist's home (ADR-004, seed 002: psychological support of a mentee who did not form a pair; the climate of the program):
/// the program's figures and the mentees left without a pair once pairs are approved. No needs, no registry data.
/// </summary>
public sealed record HomeSupport(string ProgramName, int Pairs, int Mentors, int Mentees, List<SupportPerson> WithoutPair)
{
    /// <summary>Pairs ended early: names, date and reason, never the topic (ADR-004).</summary>
    public IReadOnlyList<EndedPair> EndedEarly { get; init; } = [];
    /// <summary>Consultations colleagues asked of this psychologist.</summary>
    public IReadOnlyList<ConsultationRequest> Consultations { get; init; } = [];

    public sealed record EndedPair(string Mentor, string Mentee, DateTime? EndedAt, string Reason);
    public sealed record ConsultationRequest(int Id, string Requester, DateTime RequestedAt, ConsultationStatus Status);

    public static async Task<HomeSupport?> LoadAsync(AppDbContext db, CancellationToken ct = default)
    {
        var program = await db.CurrentProgramAsync(ct);
        if (program is null) return null;
        var pairs = await db.LivePairPeople(program.Id).ToListAsync(ct);
        // The ids come from the one place that decides what the psychologist may know of needs; the Person filter then keeps
        // only colleagues (active, with consent).
        var ids = db.MenteesWithoutPair(program.Id);
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName, p.Department }).ToListAsync(ct);
        var personIds = people.Select(p => p.Id).ToList();
        var contacts = (await db.PortfolioContacts.AsNoTracking().Where(c => personIds.Contains(c.PersonId)).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct))
            .ToLookup(c => c.PersonId, PortfolioSearch.View);
        var order = StringComparer.Create(RussianText.Culture, ignoreCase: true);
        var ended = await db.PairsEndedEarly(program.Id).ToListAsync(ct);
        var me = db.School.PersonId;
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.ConsultantId == me).OrderByDescending(c => c.RequestedAt).Take(50)
            .Select(c => new ConsultationRequest(c.Id, PersonName.Full(c.Requester!.LastName, c.Requester.FirstName, c.Requester.MiddleName),
                c.RequestedAt, c.Status)).ToListAsync(ct);
        return new HomeSupport(program.Name, pairs.Count, pairs.Select(p => p.MentorId).Distinct().Count(), pairs.Select(p => p.MenteeId).Distinct().Count(),
            people.Select(p => new SupportPerson(PersonName.Full(p.LastName, p.FirstName, p.MiddleName), p.Department, contacts[p.Id].ToList()))
                .OrderBy(p => p.FullName, order).ToList())
        {
            EndedEarly = ended.OrderByDescending(e => e.EndedAt).Select(e => new EndedPair(e.Mentor, e.Mentee, e.EndedAt, e.Reason is { } r ? Features.Pairs.PairTexts.Reason(r) : "—")).ToList(),
            Consultations = consultations,
        };
    }
}
