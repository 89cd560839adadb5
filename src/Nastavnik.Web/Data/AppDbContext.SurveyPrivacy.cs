using Microsoft.EntityFrameworkCore;

namespace Nastavnik.Web.Data;

public partial class AppDbContext
{
    /// <summary>
    /// Privacy of monitoring (issue 13), part of <see cref="ApplyPrivacyFilters"/>. A survey is seen by the people it was sent to and
    /// the school's curators and administrators; a recipient row by its person and the managers. An answer is personal data: a named
    /// response is seen by its author and the managers; an anonymous one has no author (no person, no time finer than the day, a random
    /// key), and pages show anonymous results only as aggregates of at least <see cref="MinAnonymousGroup"/> answers. The psychologist
    /// sees aggregated scales only, through a named query, never a single answer. Indicator values, snapshots and SWOT: the managers.
    /// </summary>
    private void ApplySurveyFilters(ModelBuilder b)
    {
        b.Entity<Survey>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || Set<SurveyRecipient>().Any(r => r.SurveyId == x.Id && r.PersonId == ViewerPersonId));
        b.Entity<SurveyQuestion>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || Set<SurveyRecipient>().Any(r => r.SurveyId == x.SurveyId && r.PersonId == ViewerPersonId));
        b.Entity<SurveyRecipient>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.PersonId == ViewerPersonId);
        b.Entity<SurveyResponse>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.PersonId == ViewerPersonId);
        b.Entity<SurveyAnswer>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || Set<SurveyResponse>().Any(r => r.Id == x.ResponseId && r.PersonId == ViewerPersonId));
        b.Entity<IndicatorValue>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager);
        b.Entity<IndicatorSnapshot>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager);
        b.Entity<SwotItem>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager);
    }

    /// <summary>
    /// Every recipient row of a survey written again unchanged, in the caller's transaction, so that PostgreSQL's hidden <c>xmin</c>
    /// (the transaction that last wrote a row) is the same for all of them and no longer names the author of the anonymous response
    /// written in that transaction (<c>SurveyCommands.AnswerAsync</c>). Past the privacy filter, since the teacher answering sees only
    /// their own row; the school's filter still applies. Changes no value.
    /// </summary>
    public Task<int> RewriteSurveyRecipientsAsync(int surveyId, CancellationToken ct) =>
        SurveyRecipients.IgnoreQueryFilters([PrivacyFilter]).Where(r => r.SurveyId == surveyId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Answered, r => r.Answered), ct);

    /// <summary>Results of an anonymous survey (or of any group) with fewer answers than this are not shown.</summary>
    public const int MinAnonymousGroup = 5;

    /// <summary>
    /// The climate of a program for the psychologist (issue 13, item 7), past the answer filters: for each scale question measuring the
    /// climate or satisfaction, of each sent survey of the program or of the whole school (the pairs' pulses taken together), how many
    /// answered each value. Counts only, never a response, a person or a text; a question with fewer than <see cref="MinAnonymousGroup"/>
    /// answers is left out whole.
    /// </summary>
    public async Task<IReadOnlyList<ClimateScale>> ClimateScalesAsync(int programId, CancellationToken ct = default)
    {
        var counts = await (
                from a in SurveyAnswers.IgnoreQueryFilters([PrivacyFilter])
                join q in SurveyQuestions.IgnoreQueryFilters([PrivacyFilter]) on a.QuestionId equals q.Id
                join s in Surveys.IgnoreQueryFilters([PrivacyFilter]) on q.SurveyId equals s.Id
                where (s.ProgramId == programId || s.ProgramId == null) && s.Status != SurveyStatus.Draft && a.Number != null
                    && (q.Measure == QuestionMeasure.Climate || q.Measure == QuestionMeasure.Satisfaction)
                    && (q.Type == QuestionType.Scale5 || q.Type == QuestionType.Scale10)
                group a by new { Survey = s.Kind == SurveyKind.Pulse ? 0 : s.Id, q.Text, q.Type, q.Measure, Value = a.Number!.Value } into g
                select new { g.Key.Survey, g.Key.Text, g.Key.Type, g.Key.Measure, g.Key.Value, Count = g.Count() })
            .ToListAsync(ct);
        var ids = counts.Select(c => c.Survey).Where(id => id != 0).Distinct().ToList();
        var surveys = await Surveys.IgnoreQueryFilters([PrivacyFilter]).Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Title, s.SentAt }).ToDictionaryAsync(s => s.Id, ct);
        return counts.GroupBy(c => (c.Survey, c.Text, c.Type, c.Measure))
            .Select(g =>
            {
                var max = g.Key.Type == QuestionType.Scale10 ? 10 : 5;
                var distribution = Enumerable.Range(1, max).Select(v => g.Where(c => c.Value == v).Sum(c => c.Count)).ToList();
                var answers = distribution.Sum();
                var mean = answers == 0 ? 0 : Math.Round((decimal)g.Where(c => c.Value is >= 1 && c.Value <= max).Sum(c => c.Value * c.Count) / answers, 2);
                var survey = g.Key.Survey == 0 ? null : surveys.GetValueOrDefault(g.Key.Survey);
                return new ClimateScale(survey?.Title, survey?.SentAt, g.Key.Text, g.Key.Measure, max, answers, mean, distribution);
            })
            .Where(c => c.Answers >= MinAnonymousGroup)
            .OrderBy(c => c.Survey is null).ThenByDescending(c => c.SentAt).ThenBy(c => c.Survey).ThenBy(c => c.Question)
            .ToList();
    }
}

/// <summary>
/// One scale of the climate, aggregated: the survey (null for the pairs' pulses taken together), the question, how many answered, the
/// mean and how many chose each value from 1 to <see cref="Max"/>. Built only from at least <see cref="AppDbContext.MinAnonymousGroup"/> answers.
/// </summary>
public sealed record ClimateScale(string? Survey, DateTime? SentAt, string Question, QuestionMeasure Measure, int Max, int Answers, decimal Mean,
    IReadOnlyList<int> Distribution);
