using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Surveys;

namespace Nastavnik.Tests.Surveys;

/// <summary>
/// A school for survey tests: eight teachers (t8 without consent, t6 archived; even ones in «МО гуманитарных наук», odd ones in «МО
/// естественных наук»), an active program with a live pair t1→t2 (working), a live pair t3→t4 (approved), a pair t7→t2 ended early
/// and a completed pair t1→t5.
/// </summary>
public sealed record SurveyWorld(AppFixture App, TestSchool School, int ProgramId, int ActivePair, int ApprovedPair)
{
    public DateOnly Today => App.Services.GetRequiredService<TimeProvider>().Today();

    public static async Task<SurveyWorld> BuildAsync(AppFixture app)
    {
        var school = await app.NewSchoolAsync(teachers: 8, withoutConsent: 1);
        var (programId, _) = await school.OpenRoundAsync(withRound: false);
        var topic = (await school.TopicIdsAsync()).Values.Min();
        var t = school.Teachers;
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var (active, approved) = await app.WithDb(async db =>
        {
            MentoringPair Pair(int mentor, int mentee, PairStatus status) => db.MentoringPairs.Add(new MentoringPair
            {
                SchoolId = school.Id, ProgramId = programId, MentorId = t[mentor].PersonId, MenteeId = t[mentee].PersonId, TopicId = topic,
                ApprovedAt = now.AddDays(-10), ApprovedBy = "curator", Status = status, StartedAt = status == PairStatus.Approved ? null : now.AddDays(-5),
            }).Entity;
            var a = Pair(0, 1, PairStatus.Active);
            var b = Pair(2, 3, PairStatus.Approved);
            Pair(6, 1, PairStatus.EndedEarly);
            Pair(0, 4, PairStatus.Completed);
            await db.People.Where(p => p.Id == t[5].PersonId).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsArchived, true));
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        return new SurveyWorld(app, school, programId, active, approved);
    }

    /// <summary>A draft with a scale, a multiple choice and a text question, the given settings and a deadline in five days.</summary>
    public async Task<Survey> DraftAsync(SurveyAudience audience, bool anonymous = false, string? department = null, string title = "Опрос о методической неделе")
    {
        await using var curator = SignedInScope.Curator(School);
        var commands = curator.Get<SurveyCommands>();
        var survey = (await commands.CreateAsync(new NewSurveyInput { ProgramId = ProgramId }, default)).Value!;
        survey = (await commands.UpdateSettingsAsync(survey.Id, new SurveySettingsInput
        {
            Title = title, Anonymous = anonymous, Audience = audience, Department = department, Deadline = Today.AddDays(5), Version = survey.Version,
        }, default)).Value!;
        survey = (await commands.AddQuestionAsync(survey.Id, survey.Version, new QuestionInput
        { Type = QuestionType.Scale5, Text = "Насколько полезной была неделя?", Required = true, Measure = QuestionMeasure.Satisfaction }, default)).Value!;
        survey = (await commands.AddQuestionAsync(survey.Id, survey.Version, new QuestionInput
        { Type = QuestionType.MultipleChoice, Text = "Что вы посетили?", Options = "Открытые уроки\nМастер-классы\nСеминар" }, default)).Value!;
        survey = (await commands.AddQuestionAsync(survey.Id, survey.Version, new QuestionInput
        { Type = QuestionType.LongText, Text = "Что предложите на следующий год?" }, default)).Value!;
        return survey;
    }

    public async Task<int> SendAsync(Survey survey)
    {
        await using var curator = SignedInScope.Curator(School);
        var result = await curator.Get<SurveyCommands>().SendAsync(survey.Id, survey.Version, default);
        result.Error.ShouldBeNull(result.Error?.FullText);
        return result.Value;
    }

    public Task<List<int>> RecipientsAsync(int surveyId) => App.WithDb(db => db.SurveyRecipients.IgnoreQueryFilters()
        .Where(r => r.SurveyId == surveyId).Select(r => r.PersonId).OrderBy(x => x).ToListAsync());

    public List<int> People(params int[] indexes) => indexes.Select(i => School.Teachers[i].PersonId).Order().ToList();
}
