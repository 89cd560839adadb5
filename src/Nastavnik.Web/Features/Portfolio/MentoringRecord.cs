using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Portfolio;

/// <summary>One pair of a completed program with the other person: shown to the person themself and the managers only.</summary>
public sealed record PairExperience(string Other, string Topic, string Outcome, double? Feedback);

/// <summary>A person's part in one completed program in one role: the topics, how many pairs, how they ended, the mentees' feedback.</summary>
public sealed record ProgramExperience(int ProgramId, string Program, string Year, bool AsMentor, IReadOnlyList<string> Topics, int Pairs, int Completed,
    int EndedEarly, double? Feedback, IReadOnlyList<PairExperience> Named)
{
    public string Role => AsMentor ? "наставник" : "наставляемый";
}

/// <summary>«Опыт наставничества»: the long-term mentor base, per person (issue 14, item 10).</summary>
public sealed record MentoringExperience(bool Named, IReadOnlyList<ProgramExperience> Programs);

/// <summary>
/// The long-term mentor base is a query, not a stored copy: pairs are never deleted and a completed program's pairs no longer change,
/// so the record is read from them (<see cref="AppDbContext.MentorRecordOf"/> for colleagues: the mentor's topics, counts and feedback,
/// no mentee; <see cref="AppDbContext.MentoringRecordOfAsync"/> for the person and the managers: both roles, with the names).
/// </summary>
public static class MentoringRecord
{
    public static async Task<MentoringExperience> LoadAsync(AppDbContext db, int personId, CancellationToken ct)
    {
        if (db.School.IsSchoolManager || personId == db.School.PersonId)
        {
            var rows = await db.MentoringRecordOfAsync(personId, ct);
            return new(true, rows.GroupBy(r => (r.ProgramId, r.Program, r.Start, r.End, r.AsMentor))
                .OrderByDescending(g => g.Key.End).ThenByDescending(g => g.Key.AsMentor)
                .Select(g => Experience(g.Key.ProgramId, g.Key.Program, g.Key.Start, g.Key.End, g.Key.AsMentor,
                    g.Select(r => (r.Topic, r.Status, r.Feedback)).ToList(),
                    g.OrderBy(r => r.Other, StringComparer.Create(RussianText.Culture, true))
                        .Select(r => new PairExperience(r.Other, r.Topic, PairTexts.Status(r.Status), r.Feedback)).ToList())).ToList());
        }
        var mentor = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.MentorRecordOf(personId), ct);
        return new(false, mentor.GroupBy(r => (r.ProgramId, r.Program, r.Start, r.End)).OrderByDescending(g => g.Key.End)
            .Select(g => Experience(g.Key.ProgramId, g.Key.Program, g.Key.Start, g.Key.End, true, g.Select(r => (r.Topic, r.Status, r.Feedback)).ToList(), []))
            .ToList());
    }

    private static ProgramExperience Experience(int id, string name, DateOnly start, DateOnly end, bool asMentor,
        List<(string Topic, PairStatus Status, double? Feedback)> pairs, IReadOnlyList<PairExperience> named)
    {
        var ratings = pairs.Where(p => p.Feedback is not null).Select(p => p.Feedback!.Value).ToList();
        return new(id, name, start.Year == end.Year ? start.Year.ToString(RussianText.Culture) : $"{start.Year}/{end.Year}", asMentor,
            pairs.Select(p => p.Topic).Distinct().Order(StringComparer.Create(RussianText.Culture, true)).ToList(), pairs.Count,
            pairs.Count(p => p.Status == PairStatus.Completed), pairs.Count(p => p.Status == PairStatus.EndedEarly),
            ratings.Count == 0 ? null : Math.Round(ratings.Average(), 1), named);
    }
}
