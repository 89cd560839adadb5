using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.SurveyResults;

/// <summary>
/// Surveys built directly in the database as system work, exactly as <c>Data/Surveys.cs</c> describes them (an anonymous response:
/// no person, a random Guid, the day only), so the results are tested without the authoring and answering commands.
/// </summary>
public sealed class SurveyData(TestSchool school)
{
    public int SurveyId { get; private set; }
    public int ProgramId { get; private set; }
    public Dictionary<string, int> Questions { get; } = [];

    /// <summary>A survey sent to every teacher of the school with a 1–5 satisfaction scale, a single and a multiple choice, a text and a topic rating.</summary>
    public static async Task<SurveyData> CreateAsync(TestSchool school, bool anonymous, SurveyKind kind = SurveyKind.Exit, int? programId = null)
    {
        var data = new SurveyData(school);
        var topics = await school.TopicIdsAsync();
        await school.App.WithDb(async db =>
        {
            if (programId is null)
            {
                var program = new MentoringProgram { SchoolId = school.Id, Name = "Программа 2026/2027", StartDate = new(2026, 9, 1), EndDate = new(2027, 6, 30), Status = ProgramStatus.Active };
                db.Programs.Add(program);
                await db.SaveChangesAsync();
                programId = program.Id;
            }
            var survey = new Survey
            {
                SchoolId = school.Id, ProgramId = programId, Title = anonymous ? "Анонимная итоговая анкета" : "Именная анкета куратора", Kind = kind,
                Anonymous = anonymous, Audience = SurveyAudience.AllStaff, Status = SurveyStatus.Sent, Deadline = new(2027, 5, 31),
                SentAt = new DateTime(2027, 5, 1, 9, 0, 0, DateTimeKind.Utc), CreatedBy = school.Curator,
                Questions =
                [
                    new() { SchoolId = school.Id, SortOrder = 1, Type = QuestionType.Scale5, Text = "Насколько вы довольны наставничеством?", Measure = QuestionMeasure.Satisfaction, SatisfiedFrom = 4 },
                    new() { SchoolId = school.Id, SortOrder = 2, Type = QuestionType.SingleChoice, Text = "Как часто вы встречались?", Options = "Раз в неделю\nРаз в месяц\nРеже" },
                    new() { SchoolId = school.Id, SortOrder = 3, Type = QuestionType.MultipleChoice, Text = "Что было полезно?", Options = "Встречи\nПосещение уроков\nМатериалы" },
                    new() { SchoolId = school.Id, SortOrder = 4, Type = QuestionType.LongText, Text = "Что предложите изменить?" },
                    new() { SchoolId = school.Id, SortOrder = 5, Type = QuestionType.TopicRating, Text = "Оцените себя", TopicId = topics.Values.Min() },
                ],
            };
            db.Surveys.Add(survey);
            await db.SaveChangesAsync();
            db.SurveyRecipients.AddRange(school.Teachers.Select(t => new SurveyRecipient { SchoolId = school.Id, SurveyId = survey.Id, PersonId = t.PersonId }));
            await db.SaveChangesAsync();
            data.SurveyId = survey.Id;
            data.ProgramId = programId.Value;
            foreach (var q in survey.Questions) data.Questions[q.Type.ToString()] = q.Id;
            return 0;
        });
        return data;
    }

    /// <summary>One teacher's answers, as the answering form would store them: scale, option index (from 0), options, text, self-rating.</summary>
    public Task AnswerAsync(int teacher, int scale, int single, int[] multiple, string text, int rating, DateOnly? day = null) =>
        school.App.WithDb(async db =>
        {
            var anonymous = db.Surveys.Single(s => s.Id == SurveyId).Anonymous;
            var person = school.Teachers[teacher].PersonId;
            var response = new SurveyResponse
            {
                Id = Guid.NewGuid(), SchoolId = school.Id, SurveyId = SurveyId, PersonId = anonymous ? null : person, Day = day ?? new DateOnly(2027, 5, 10),
            };
            void Add(string type, int? number, string? t) =>
                response.Answers.Add(new SurveyAnswer { Id = Guid.NewGuid(), SchoolId = school.Id, QuestionId = Questions[type], Number = number, Text = t });
            Add("Scale5", scale, null);
            Add("SingleChoice", single, null);
            foreach (var m in multiple) Add("MultipleChoice", m, null);
            Add("LongText", null, text);
            Add("TopicRating", rating, null);
            db.SurveyResponses.Add(response);
            db.SurveyRecipients.Single(r => r.SurveyId == SurveyId && r.PersonId == person).Answered = true;
            await db.SaveChangesAsync();
            return 0;
        });
}
