using System.Net;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Monitoring;

namespace Nastavnik.Tests.SurveyResults;

/// <summary>The curator's SWOT of a program: items in four quadrants with counts, edited by version, reordered, deleted; the answers it is gathered from.</summary>
[Collection("sqlite")]
public sealed class SwotTests(SqliteApp app)
{
    [Fact]
    public async Task The_curator_keeps_items_in_four_quadrants_with_counts_in_order()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var (programId, _) = await school.OpenRoundAsync(withRound: false);
        await using var s = SignedInScope.Curator(school);
        var swot = s.Get<SwotCommands>();
        var a = (await swot.CreateAsync(programId, new SwotItemInput { Quadrant = SwotQuadrant.Strength, Text = "Опытные наставники" }, default)).Value!;
        var b = (await swot.CreateAsync(programId, new SwotItemInput { Quadrant = SwotQuadrant.Strength, Text = "Открытые уроки", Count = 3 }, default)).Value!;
        (await swot.CreateAsync(programId, new SwotItemInput { Quadrant = SwotQuadrant.Threat, Text = "Перегрузка учителей", Count = 4 }, default)).Error.ShouldBeNull();
        a.Count.ShouldBe(1);
        (await swot.CreateAsync(programId, new SwotItemInput { Quadrant = SwotQuadrant.Weakness, Text = " " }, default)).Error
            .ShouldBeRefusal(ErrorKind.Invalid, "Пункт не сохранён.", "Напишите формулировку пункта.");

        (await swot.MoveAsync(b.Id, up: true, b.Version, default)).Error.ShouldBeNull();
        var edited = await swot.UpdateAsync(a.Id, new SwotItemInput { Quadrant = SwotQuadrant.Strength, Text = "Опытные наставники в каждом МО", Count = 5 }, a.Version, default);
        edited.Error.ShouldBeNull();
        (await swot.UpdateAsync(a.Id, new SwotItemInput { Quadrant = SwotQuadrant.Strength, Text = "Старая правка", Count = 2 }, a.Version - 1, default)).Error!.Kind.ShouldBe(ErrorKind.Stale);

        var view = (await SwotQueries.ForProgramAsync(s.Get<AppDbContext>(), programId, default))!;
        view.Quadrants.Select(q => (q.Quadrant, q.Total)).ShouldBe([(SwotQuadrant.Strength, 8), (SwotQuadrant.Weakness, 0), (SwotQuadrant.Opportunity, 0), (SwotQuadrant.Threat, 4)]);
        view.Quadrants[0].Items.Select(i => i.Text).ShouldBe(["Открытые уроки", "Опытные наставники в каждом МО"]);

        var threat = view.Quadrants[3].Items[0];
        (await swot.DeleteAsync(threat.Id, threat.Version + 1, default)).Error!.Kind.ShouldBe(ErrorKind.Stale);
        (await swot.DeleteAsync(threat.Id, threat.Version, default)).Error.ShouldBeNull();
        (await SwotQueries.ForProgramAsync(s.Get<AppDbContext>(), programId, default))!.Quadrants[3].Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_page_lists_the_answers_by_quadrant_only_from_five_anonymous_answers_and_a_teacher_cannot_change_anything()
    {
        var school = await app.NewSchoolAsync(teachers: 6);
        var (programId, _) = await school.OpenRoundAsync(withRound: false);
        var surveyId = await app.WithDb(async db =>
        {
            var survey = new Survey
            {
                SchoolId = school.Id, ProgramId = programId, Title = "SWOT-анкета", Kind = SurveyKind.Swot, Anonymous = true, Status = SurveyStatus.Sent, CreatedBy = "curator",
                Questions =
                [
                    new() { SchoolId = school.Id, SortOrder = 1, Type = QuestionType.LongText, Text = "Сильные стороны", Measure = QuestionMeasure.Strengths },
                    new() { SchoolId = school.Id, SortOrder = 2, Type = QuestionType.LongText, Text = "Угрозы", Measure = QuestionMeasure.Threats },
                ],
            };
            db.Surveys.Add(survey);
            await db.SaveChangesAsync();
            return survey.Id;
        });
        async Task AnswerAsync(int n) => await app.WithDb(async db =>
        {
            var questions = db.SurveyQuestions.Where(q => q.SurveyId == surveyId).OrderBy(q => q.SortOrder).Select(q => q.Id).ToList();
            db.SurveyResponses.Add(new SurveyResponse
            {
                Id = Guid.NewGuid(), SchoolId = school.Id, SurveyId = surveyId, Day = new(2027, 5, 10),
                Answers =
                [
                    new() { Id = Guid.NewGuid(), SchoolId = school.Id, QuestionId = questions[0], Text = $"Сильная сторона {n}" },
                    new() { Id = Guid.NewGuid(), SchoolId = school.Id, QuestionId = questions[1], Text = $"Угроза {n}" },
                ],
            });
            return await db.SaveChangesAsync();
        });
        for (var n = 1; n <= 4; n++) await AnswerAsync(n);

        var curator = await school.CuratorAsync();
        var page = Html.Parse(await curator.GetStringAsync($"/Monitoring/{programId}/Swot"));
        page.QuerySelectorAll("[data-testid=swot-source-text]").ShouldBeEmpty();
        page.QuerySelector("[data-testid=swot-hidden]")!.TextContent.ShouldContain("Ответов меньше 5");

        await AnswerAsync(5);
        page = Html.Parse(await curator.GetStringAsync($"/Monitoring/{programId}/Swot"));
        page.QuerySelectorAll("[data-testid=swot-source-Strength] [data-testid=swot-source-text]").Select(e => e.TextContent)
            .ShouldBe(Enumerable.Range(1, 5).Select(n => $"Сильная сторона {n}"), ignoreOrder: true);
        page.QuerySelectorAll("[data-testid=swot-source-Threat] [data-testid=swot-source-text]").Length.ShouldBe(5);

        var added = await curator.PostFormAsync($"/Monitoring/{programId}/Swot", $"/Monitoring/{programId}/Swot?handler=Add",
            new() { ["input.Quadrant"] = "Threat", ["input.Text"] = "Угроза 3", ["input.Count"] = "2" });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = Html.Parse(await curator.GetStringAsync($"/Monitoring/{programId}/Swot"));
        var threat = page.QuerySelector("[data-testid=swot-quadrant-Threat]")!;
        threat.QuerySelector("[data-testid=swot-item-text]")!.TextContent.ShouldBe("Угроза 3");
        threat.QuerySelector("[data-testid=swot-total]")!.TextContent.ShouldBe("2");

        var teacher = await school.TeacherAsync(0);
        var refused = await teacher.GetAsync($"/Monitoring/{programId}/Swot");
        refused.Headers.Location!.ToString().ShouldContain("AccessDenied");
        (await teacher.GetAsync($"/api/v1/programs/{programId}/swot")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var s = SignedInScope.Teacher(school, 0);
        (await s.Get<SwotCommands>().CreateAsync(programId, new SwotItemInput { Text = "Пункт учителя" }, default)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        var otherSchool = await app.CuratorOfBAsync();
        (await otherSchool.GetAsync($"/api/v1/programs/{programId}/swot")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherSchool.GetAsync($"/Monitoring/{programId}/Swot")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
