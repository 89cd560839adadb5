using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Surveys;

namespace Nastavnik.Web.Features.Monitoring;

public sealed record SwotItemView(int Id, string Text, int Count, int SortOrder, int Version);

/// <summary>A quadrant of the analysis: its items in order and the sum of their counts.</summary>
public sealed record SwotQuadrantView(SwotQuadrant Quadrant, string Title, IReadOnlyList<SwotItemView> Items)
{
    public int Total => Items.Sum(i => i.Count);
}

/// <summary>A program's SWOT analysis: the four quadrants in the order S, W, O, T.</summary>
public sealed record SwotView(int ProgramId, string ProgramName, IReadOnlyList<SwotQuadrantView> Quadrants);

/// <summary>The texts a SWOT survey's answers gave for one quadrant (shuffled), or why a survey's texts are not shown.</summary>
public sealed record SwotSource(SwotQuadrant Quadrant, IReadOnlyList<string> Texts);

public sealed record SwotSources(IReadOnlyList<SwotSource> Quadrants, IReadOnlyList<string> HiddenSurveys);

/// <summary>
/// A program's SWOT (issue 13, item 5), read by its page, the reports and the dashboard; and the answers it is gathered from. SWOT items
/// are seen by the managers only (<c>AppDbContext.SurveyPrivacy</c>); answers of an anonymous survey with fewer than
/// <see cref="AppDbContext.MinAnonymousGroup"/> responses are not shown.
/// </summary>
public static class SwotQueries
{
    public static readonly IReadOnlyList<(SwotQuadrant Quadrant, QuestionMeasure Measure, string Title)> Order =
    [
        (SwotQuadrant.Strength, QuestionMeasure.Strengths, "Сильные стороны"),
        (SwotQuadrant.Weakness, QuestionMeasure.Weaknesses, "Слабые стороны"),
        (SwotQuadrant.Opportunity, QuestionMeasure.Opportunities, "Возможности"),
        (SwotQuadrant.Threat, QuestionMeasure.Threats, "Угрозы"),
    ];

    public static string Title(SwotQuadrant q) => Order.First(o => o.Quadrant == q).Title;

    public static async Task<SwotView?> ForProgramAsync(AppDbContext db, int programId, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().Where(p => p.Id == programId).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(ct);
        if (program is null) return null;
        var items = await db.SwotItems.AsNoTracking().Where(i => i.ProgramId == programId)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(ct);
        return new SwotView(program.Id, program.Name, Order.Select(o => new SwotQuadrantView(o.Quadrant, o.Title,
            items.Where(i => i.Quadrant == o.Quadrant).Select(i => new SwotItemView(i.Id, i.Text, i.Count, i.SortOrder, i.Version)).ToList())).ToList());
    }

    /// <summary>The texts of the program's surveys' SWOT questions by quadrant, in random order, without a survey whose group is too small.</summary>
    public static async Task<SwotSources> SourcesAsync(AppDbContext db, int programId, CancellationToken ct)
    {
        var surveys = await db.Surveys.AsNoTracking()
            .Where(s => s.ProgramId == programId && db.SurveyQuestions.Any(q => q.SurveyId == s.Id && (q.Measure == QuestionMeasure.Strengths
                || q.Measure == QuestionMeasure.Weaknesses || q.Measure == QuestionMeasure.Opportunities || q.Measure == QuestionMeasure.Threats)))
            .Select(s => new { s.Id, s.Title, s.Anonymous, Responses = db.SurveyResponses.Count(r => r.SurveyId == s.Id) }).ToListAsync(ct);
        var shown = surveys.Where(s => !SurveyResults.TooSmall(s.Anonymous, s.Responses)).Select(s => s.Id).ToList();
        var answers = await (from a in db.SurveyAnswers.AsNoTracking()
                             join q in db.SurveyQuestions on a.QuestionId equals q.Id
                             where a.Text != null && shown.Contains(q.SurveyId)
                             select new { a.Text, q.Measure }).ToListAsync(ct);
        var quadrants = Order.Select(o =>
        {
            var texts = answers.Where(a => a.Measure == o.Measure).Select(a => a.Text!.Trim()).Where(t => t.Length > 0).ToArray();
            System.Security.Cryptography.RandomNumberGenerator.Shuffle(texts.AsSpan());
            return new SwotSource(o.Quadrant, texts);
        }).ToList();
        return new SwotSources(quadrants, surveys.Where(s => !shown.Contains(s.Id)).Select(s => s.Title).ToList());
    }
}
