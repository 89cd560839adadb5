using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>Who has answered a round: every active teacher of the school with their consent, sheet state and numbers of offers and needs.</summary>
public static class RoundStatus
{
    public sealed record Row(int PersonId, string FullName, string? Department, bool HasConsent, DateTime? SubmittedAt, bool HasSheet,
        AnswerSource? Source, int Offers, int Needs)
    {
        public bool Answered => HasConsent && SubmittedAt is not null;
    }

    /// <param name="Asked">Who is asked to answer (<see cref="Participation.IsAsked"/>); <paramref name="Answered"/> is of them.</param>
    /// <param name="Found">Rows that pass the filters; <paramref name="Rows"/> is the page of them shown.</param>
    public sealed record Summary(int Teachers, int Asked, int Answered, int Drafts, int WithoutConsent, int Found, int Page, int Pages,
        IReadOnlyList<string> Departments, List<Row> Rows);

    public const int PageSize = 25;

    /// <summary>
    /// Filters: show = all, answered, notanswered (with consent, not submitted), noconsent; dept; the search is on the folded name.
    /// Rows are paged by <see cref="PageSize"/> like the registry; the counts cover the whole school.
    /// </summary>
    public static async Task<Summary> LoadAsync(AppDbContext db, int roundId, string? show, string? q, CancellationToken ct, string? dept = null, int page = 1)
    {
        var people = await db.People.AsNoTracking().Where(p => !p.IsArchived && p.Kind == PersonKind.Teacher)
            .OrderBy(p => NameOrder.Key(p.LastName)).ThenBy(p => NameOrder.Key(p.FirstName)).ThenBy(p => NameOrder.Key(p.MiddleName)).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName, p.Department, p.Consent, p.SearchText })
            .ToListAsync(ct);
        var responses = await db.RoundResponses.AsNoTracking().Where(r => r.RoundId == roundId)
            .Select(r => new { r.PersonId, r.SubmittedAt, r.Source }).ToDictionaryAsync(r => r.PersonId, ct);
        var offers = await db.Offers.Where(o => o.RoundId == roundId).GroupBy(o => o.PersonId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        // Managers see the school's needs through the query filter; this page is theirs only.
        var needs = await db.Needs.Where(n => n.RoundId == roundId).GroupBy(n => n.PersonId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var all = people.Select(p =>
        {
            var r = responses.GetValueOrDefault(p.Id);
            return (p.SearchText, Row: new Row(p.Id, PersonName.Full(p.LastName, p.FirstName, p.MiddleName), p.Department, p.Consent == ConsentStatus.Given,
                r?.SubmittedAt, r is not null, r?.Source, offers.GetValueOrDefault(p.Id), needs.GetValueOrDefault(p.Id)));
        }).ToList();

        var words = RussianText.Fold(q).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rows = all.Where(x => words.All(w => x.SearchText.Contains(w, StringComparison.Ordinal))).Select(x => x.Row)
            .Where(r => string.IsNullOrEmpty(dept) || r.Department == dept)
            .Where(r => show switch
            {
                "answered" => r.Answered,
                "notanswered" => r.HasConsent && !r.Answered,
                "noconsent" => !r.HasConsent,
                _ => true,
            }).ToList();
        var pages = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        var shown = Math.Clamp(page, 1, pages);
        var participation = await Participation.LoadAsync(db, roundId, ct);
        var departments = all.Select(x => x.Row.Department).OfType<string>().Distinct().Order(StringComparer.Create(RussianText.Culture, true)).ToList();
        return new Summary(all.Count, participation.Asked, participation.Answered, all.Count(x => x.Row.HasConsent && x.Row.HasSheet && !x.Row.Answered),
            all.Count(x => !x.Row.HasConsent), rows.Count, shown, pages, departments, rows.Skip((shown - 1) * PageSize).Take(PageSize).ToList());
    }

    public static string SourceWord(AnswerSource? s) => s switch
    {
        AnswerSource.Self => "сам(а)",
        AnswerSource.Curator => "куратор",
        AnswerSource.Import => "импорт",
        _ => "—",
    };
}
