using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>
/// «Ответили N из M», defined once for every page that shows it (home, diagnostics, competency map): M are the teachers asked to
/// answer (<see cref="IsAsked"/>: working, not archived, with consent to personal data processing, since only they fill the sheet),
/// N those of them whose sheet is sent. A sheet saved but not sent is a draft and is not counted as an answer.
/// </summary>
public sealed record Participation(int Asked, IReadOnlySet<int> AnsweredIds)
{
    public int Answered => AnsweredIds.Count;

    public static readonly Expression<Func<Person, bool>> IsAsked =
        p => !p.IsArchived && p.Kind == PersonKind.Teacher && p.Consent == ConsentStatus.Given;

    /// <param name="dept">A department (МО) to count within; null for the whole school.</param>
    public static async Task<Participation> LoadAsync(AppDbContext db, int roundId, CancellationToken ct, string? dept = null)
    {
        var asked = db.People.Where(IsAsked);
        if (!string.IsNullOrEmpty(dept)) asked = asked.Where(p => p.Department == dept);
        var count = await asked.CountAsync(ct);
        var answered = await db.RoundResponses.Where(r => r.RoundId == roundId && r.SubmittedAt != null && asked.Any(p => p.Id == r.PersonId))
            .Select(r => r.PersonId).Distinct().ToListAsync(ct);
        return new Participation(count, answered.ToHashSet());
    }
}
