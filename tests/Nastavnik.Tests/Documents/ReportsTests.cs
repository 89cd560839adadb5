using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Tests.Monitoring;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Documents;
using Nastavnik.Web.Features.Monitoring;
using Nastavnik.Web.Text;

namespace Nastavnik.Tests.Documents;

/// <summary>
/// The reports of issue 14, item 5 on <see cref="IndicatorScenario"/> (a group T0 → T1, T2 working, T1 → T3 completed, T4 → T3 ended
/// early; meetings, two activities, an anonymous satisfaction survey of six answers) with T4 as the curator, a roadmap of three events,
/// a SWOT, an anonymous survey of three answers, the pair T0 → T1's report of IV quarter 2026 and its ИОМ. Each document opened back
/// with the Open XML SDK and read as a curator reads it; who may download what.
/// </summary>
public abstract class ReportsTests(AppFixture app)
{
    private sealed record Case(IndicatorScenario S, DateOnly Today)
    {
        public TestSchool School => S.School;
        public string Name(int i) => S.School.Teachers[i].FullName;
        public int P(int i) => S.School.Teachers[i].PersonId;
    }

    private async Task<Case> SeedAsync()
    {
        var s = await IndicatorScenario.SeedAsync(app);
        var today = app.Services.GetRequiredService<TimeProvider>().Today();
        var t = s.School.Teachers.Select(x => x.PersonId).ToArray();
        var id = s.School.Id;
        await app.WithDb(async db =>
        {
            (await db.People.FindAsync(t[4]))!.Position = "Заместитель директора по УВР";
            (await db.MentoringPairs.FindAsync(s.Pairs[3]))!.EndReason = PairEndReason.DidNotWork;
            db.ProgramCurators.Add(new ProgramCurator { SchoolId = id, ProgramId = s.ProgramId, PersonId = t[4] });
            var stage = new RoadmapStage { SchoolId = id, ProgramId = s.ProgramId, Title = "Основной этап", SortOrder = 1 };
            stage.Events.Add(new RoadmapEvent { SchoolId = id, ProgramId = s.ProgramId, Title = "Диагностика дефицитов", DueDate = new(2026, 9, 30), Status = EventStatus.Done, SortOrder = 1 });
            stage.Events.Add(new RoadmapEvent { SchoolId = id, ProgramId = s.ProgramId, Title = "Семинар наставников", DueDate = new(2026, 11, 15), SortOrder = 2 });
            stage.Events.Add(new RoadmapEvent { SchoolId = id, ProgramId = s.ProgramId, Title = "Итоговая конференция", DueDate = new(2027, 5, 20), SortOrder = 3 });
            db.RoadmapStages.Add(stage);
            db.SwotItems.AddRange(
                new SwotItem { SchoolId = id, ProgramId = s.ProgramId, Quadrant = SwotQuadrant.Strength, Text = "Опытные наставники", Count = 3, SortOrder = 1 },
                new SwotItem { SchoolId = id, ProgramId = s.ProgramId, Quadrant = SwotQuadrant.Threat, Text = "Нехватка времени", Count = 2, SortOrder = 1 });
            var q = new SurveyQuestion { SchoolId = id, Type = QuestionType.Scale5, Text = "Насколько комфортно в коллективе?", Measure = QuestionMeasure.Satisfaction, SatisfiedFrom = 4 };
            var small = new Survey { SchoolId = id, ProgramId = s.ProgramId, Title = "Опрос о климате", Kind = SurveyKind.Custom, Anonymous = true, Status = SurveyStatus.Closed, CreatedBy = "test", Questions = [q] };
            db.Surveys.Add(small);
            await db.SaveChangesAsync();
            foreach (var n in new[] { 1, 2, 5 })
                db.SurveyResponses.Add(new SurveyResponse { Id = Guid.NewGuid(), SchoolId = id, SurveyId = small.Id, Day = new(2026, 11, 2), Answers = [new SurveyAnswer { Id = Guid.NewGuid(), SchoolId = id, QuestionId = q.Id, Number = n }] });
            var pq = new SurveyQuestion { SchoolId = id, Type = QuestionType.Scale5, Text = "Насколько вы довольны работой пары?", Measure = QuestionMeasure.Satisfaction, SatisfiedFrom = 4 };
            var pulse = new Survey { SchoolId = id, ProgramId = s.ProgramId, Title = "Пульс пары №1", Kind = SurveyKind.Pulse, Anonymous = false, Status = SurveyStatus.Sent, CreatedBy = "test", Questions = [pq] };
            db.Surveys.Add(pulse);
            await db.SaveChangesAsync();
            foreach (var (person, n) in new[] { (t[0], 5), (t[1], 5), (t[2], 4), (t[3], 3), (t[4], 4), (t[5], 5) })
                db.SurveyResponses.Add(new SurveyResponse { Id = Guid.NewGuid(), SchoolId = id, SurveyId = pulse.Id, PersonId = person, Day = new(2026, 11, 3), Answers = [new SurveyAnswer { Id = Guid.NewGuid(), SchoolId = id, QuestionId = pq.Id, Number = n }] });
            db.PairReports.Add(new PairReport { SchoolId = id, PairId = s.Pairs[0], Year = 2026, Quarter = 4, Done = "Посетили два урока, разобрали приёмы.", Changed = "Уроки стали живее.", TasksDone = 1, TasksTotal = 2, SubmittedAt = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc), SubmittedBy = "teacher" });
            var plan = new DevelopmentPlan { SchoolId = id, ProgramId = s.ProgramId, MenteeId = t[1], CreatedAt = new(2026, 9, 20, 9, 0, 0, DateTimeKind.Utc) };
            db.DevelopmentPlans.Add(plan);
            await db.SaveChangesAsync();
            var topic = await db.MentoringPairs.Where(p => p.Id == s.Pairs[0]).Select(p => p.TopicId).FirstAsync();
            var goal = new PlanGoal { SchoolId = id, PlanId = plan.Id, PairId = s.Pairs[0], TopicId = topic, Text = "Освоить приёмы формирующего оценивания" };
            db.PlanGoals.Add(goal);
            await db.SaveChangesAsync();
            db.PlanTasks.AddRange(
                new PlanTask { SchoolId = id, PlanId = plan.Id, PairId = s.Pairs[0], GoalId = goal.Id, Title = "Посетить урок наставника", DueOn = new(2026, 10, 20), Owner = PlanTaskOwner.Mentee, Status = PlanTaskStatus.Done, ResultText = "Анализ урока" },
                new PlanTask { SchoolId = id, PlanId = plan.Id, PairId = s.Pairs[0], GoalId = goal.Id, Title = "Провести открытый урок", DueOn = new(2027, 2, 10), Owner = PlanTaskOwner.Mentee, Status = PlanTaskStatus.Planned },
                new PlanTask { SchoolId = id, PlanId = plan.Id, PairId = s.Pairs[0], Title = "Отменённая задача", Owner = PlanTaskOwner.Mentor, Status = PlanTaskStatus.Dropped });
            return await db.SaveChangesAsync();
        });
        return new Case(s, today);
    }

    private static async Task<ReportDoc> AsCurator(Case c, Func<ProgramReports, Task<CommandResult<Nastavnik.Web.Features.Pairs.DocumentFile>>> make)
    {
        await using var scope = SignedInScope.Curator(c.School);
        var result = await make(scope.Get<ProgramReports>());
        result.Error.ShouldBeNull();
        return ReportDoc.Read(result.Value!.Bytes);
    }

    /// <summary>The indicators as the curator's monitoring page computes them today.</summary>
    private static async Task<ProgramIndicatorReport?> ComputeAsync(Case c)
    {
        await using var scope = SignedInScope.Curator(c.School);
        return await scope.Get<ProgramIndicators>().ComputeAsync(c.S.ProgramId, c.Today, default);
    }

    [Fact]
    public async Task The_final_report_has_every_indicator_against_its_target_the_pairs_activities_swot_satisfaction_and_three_charts()
    {
        var c = await SeedAsync();
        var school = await app.WithDb(db => db.Organizations.Where(o => o.Id == c.School.Id).Select(o => o.Name).FirstAsync());
        var doc = await AsCurator(c, r => r.FinalAsync(c.S.ProgramId));

        doc.Paragraphs[0].ShouldBe(school);
        doc.Paragraphs.ShouldContain("ИТОГОВЫЙ ОТЧЁТ");
        doc.Paragraphs.ShouldContain("за период с 01.09.2026 по 30.06.2027");
        doc.Paragraphs.ShouldContain($"Дата составления: {RussianText.DocumentDate(c.Today)}");
        doc.Paragraphs.ShouldContain($"Кураторы программы: {c.Name(4)} (заместитель директора по УВР).");
        doc.All.ShouldNotContain("{{");

        var computed = await ComputeAsync(c);
        var indicators = doc.Table("№", "Показатель");
        indicators.Count.ShouldBe(1 + computed!.Indicators.Count);
        foreach (var x in computed.Indicators)
        {
            var row = indicators.Single(r => r[1] == x.Name);
            row[2].ShouldStartWith(x.Formula);
            row[3].ShouldBe(MonitoringTexts.Value(x.Target, x.Unit));
            row[4].ShouldBe(MonitoringTexts.Value(x.Value, x.Unit));
            row[5].ShouldBe(MonitoringTexts.Status(x));
        }
        indicators.Single(r => r[1] == "Охват педагогов")[3].ShouldBe("50 %");
        indicators.Single(r => r[1] == "Удовлетворённость")[3].ShouldBe("85 %");
        indicators.Single(r => r[1] == "Качество знаний обучающихся")[4].ShouldBe("60 %", "the external value entered on 01.10.2026, not the later one");

        var pairs = doc.Table("№", "Форма");
        pairs.Skip(1).Select(r => (r[1], r[2], r[3], r[5])).ShouldBe([
            ("группа", c.Name(0), c.Name(1) + "\n" + c.Name(2), "работает"),
            ("пара", c.Name(1), c.Name(3), "завершила работу"),
            ("пара", c.Name(4), c.Name(3), "завершена досрочно (пара не сложилась)"),
        ], ignoreOrder: true);
        doc.Paragraphs.ShouldContain(p => p.StartsWith("Наставнических пар — 2, групп — 1 (наставляемых в группах — 2); завершили работу — 1, работают — 1, утверждены, не начали работу — 0, завершены досрочно — 1", StringComparison.Ordinal));
        doc.Paragraphs.ShouldContain("Проведено встреч наставников с наставляемыми — 3 (3,3 ч), не состоялось — 0; совместных мероприятий — 2; мероприятий дорожной карты — 3, из них выполнено — 1, просрочено — 1.");
        doc.Paragraphs.ShouldContain("Квартальные отчёты пар: сдано 1 из 8.", "III quarter: the four pairs approved in September, IV: the four again");
        var kinds = doc.Table("Вид совместного мероприятия", "Проведено");
        kinds.Single(r => r[0] == "Мастер-класс")[1].ShouldBe("1");
        kinds.Single(r => r[0] == "Открытый урок")[1].ShouldBe("0");
        doc.Table("№", "Мероприятие").Skip(1).Select(r => (r[1], r[2], r[3])).ShouldBe([
            ("Диагностика дефицитов", "30.09.2026", "выполнено"), ("Семинар наставников", "15.11.2026", "просрочено"), ("Итоговая конференция", "20.05.2027", "запланировано")]);
        doc.Table("Группа", "Фактор").Skip(1).ShouldBe([["Сильные стороны", "Опытные наставники", "3"], ["Угрозы", "Нехватка времени", "2"]]);

        var surveys = doc.Table("Опрос", "Ответов");
        surveys.Skip(1).ShouldBe([
            ["MenteeSatisfaction (анонимный)", "6", "Вопрос", "средний балл 3,8 из 5; удовлетворены — 67 %"],
            ["Пульс пар (все пары вместе)", "6", "Удовлетворённость работой пары", "средний балл 4,3 из 5; удовлетворены — 83 %"]]);
        var note = doc.Paragraphs.Single(p => p.StartsWith("Опросов программы", StringComparison.Ordinal));
        note.ShouldContain("Не показаны результаты опросов, где ответов меньше 5 (для сохранения анонимности): «Опрос о климате» (3 ответа).");
        foreach (var teacher in c.School.Teachers) (string.Join("\n", surveys.SelectMany(r => r)) + note).ShouldNotContain(teacher.FullName.Split(' ')[0]);

        doc.Pictures.Select(p => p.Description).ShouldBe(["Достижение целевых показателей, % от цели", "Пары и группы по итогам работы", "Проведённые встречи по месяцам"]);
        foreach (var (type, bytes, _) in doc.Pictures)
        {
            type.ShouldBe("image/png");
            ReportDoc.Png(bytes).Png.ShouldBeTrue();
            ReportDoc.Png(bytes).Width.ShouldBe(1600);
        }
    }

    [Fact]
    public async Task A_completed_programs_final_report_shows_the_indicators_frozen_at_completion()
    {
        var c = await SeedAsync();
        await using (var scope = SignedInScope.Curator(c.School))
        {
            var db = scope.Get<AppDbContext>();
            var program = await db.Programs.Include(p => p.Indicators).ThenInclude(i => i.Targets).SingleAsync(p => p.Id == c.S.ProgramId);
            program.Status = ProgramStatus.Completed;
            await IndicatorSnapshots.TakeAsync(db, program, default);
            await db.SaveChangesAsync();
        }
        await app.WithDb(db => db.IndicatorTargets.Where(t => db.ProgramIndicators.Any(i => i.Id == t.IndicatorId && i.ProgramId == c.S.ProgramId) && t.Value == 50).ExecuteUpdateAsync(u => u.SetProperty(t => t.Value, 90)));
        var doc = await AsCurator(c, r => r.FinalAsync(c.S.ProgramId));
        doc.Paragraphs.ShouldContain($"Значения показателей зафиксированы при завершении программы {RussianText.Date(c.Today)}.");
        doc.Table("№", "Показатель").Single(r => r[1] == "Охват педагогов")[3].ShouldBe("50 %", "the target as it was when the program completed");
    }

    [Fact]
    public async Task The_quarterly_report_covers_the_quarter_only_and_a_quarter_outside_the_program_is_refused()
    {
        var c = await SeedAsync();
        var q4 = await AsCurator(c, r => r.QuarterAsync(c.S.ProgramId, 2026, 4));
        q4.Paragraphs.ShouldContain("за период с 01.10.2026 по 31.12.2026");
        q4.Paragraphs.ShouldContain("Квартальные отчёты пар: сдано 1 из 4.");
        q4.Paragraphs.ShouldContain("Проведено встреч наставников с наставляемыми — 3 (3,3 ч), не состоялось — 0; совместных мероприятий — 2; мероприятий дорожной карты со сроком в квартале — 1, из них выполнено — 0, просрочено — 1.");
        q4.Table("№", "Форма").Count.ShouldBe(4);
        q4.Pictures.Count.ShouldBe(3);

        var q3 = await AsCurator(c, r => r.QuarterAsync(c.S.ProgramId, 2026, 3));
        q3.Paragraphs.ShouldContain("за период с 01.09.2026 по 30.09.2026", "the quarter cut to the program's start");
        q3.Paragraphs.ShouldContain(p => p.Contains("из них сформировано в квартале — 3", StringComparison.Ordinal));
        q3.Table("№", "Форма").Skip(1).ShouldAllBe(r => r[5].EndsWith("; сформирована в квартале", StringComparison.Ordinal));

        await using var scope = SignedInScope.Curator(c.School);
        (await scope.Get<ProgramReports>().QuarterAsync(c.S.ProgramId, 2026, 1)).Error
            .ShouldBeRefusal(ErrorKind.Invalid, "I квартал 2026 года вне сроков программы (01.09.2026 — 30.06.2027).");
        (await scope.Get<ProgramReports>().QuarterAsync(c.S.ProgramId, 2026, 5)).Error!.Kind.ShouldBe(ErrorKind.Invalid);
    }

    [Fact]
    public async Task The_practice_description_follows_the_contests_structure_with_the_years_data_and_marked_blanks()
    {
        var c = await SeedAsync();
        var doc = await AsCurator(c, r => r.PracticeAsync(c.S.ProgramId));
        var order = new[] { "Название реализуемой модели / практики", "Целевая аудитория", "Решаемая проблема", "Предмет наставничества", "«Дорожная карта» внедрения модели",
            "Внутренние локальные нормативные документы", "Количественные и качественные показатели", "Результативность модели", "Использованные ресурсы",
            "Условия для реализации практики", "Возможность тиражирования практики", "Время реализации практики", "Зрелость модели (практики)" };
        order.Select(h => doc.Paragraphs.IndexOf(h)).ShouldBeInOrder(SortDirection.Ascending);
        order.ShouldAllBe(h => doc.Paragraphs.Contains(h));
        doc.Paragraphs[doc.Paragraphs.IndexOf("Название реализуемой модели / практики") + 1].ShouldBe("[Заполните: название модели (практики) наставничества школы]");
        doc.Paragraphs.ShouldContain("Практика реализуется в течение 10 учебных месяцев (01.09.2026 — 30.06.2027); год реализации — 1-й.");
        doc.Paragraphs.ShouldContain(p => p.StartsWith("По данным программы: Начальный уровень", StringComparison.Ordinal));
        doc.Paragraphs.ShouldContain(p => p.StartsWith("— индивидуальные образовательные маршруты наставляемых (1);", StringComparison.Ordinal) || p.Contains("маршруты наставляемых (1);", StringComparison.Ordinal));
        doc.Table("№", "Мероприятие").Count.ShouldBe(4);
        var computed = await ComputeAsync(c);
        doc.Table("№", "Показатель").Skip(1).Select(r => r[1]).ShouldBe(computed!.Indicators.Select(i => i.Name));
        doc.Pictures.Single().ContentType.ShouldBe("image/png");
        doc.All.ShouldNotContain("{{");
    }

    [Fact]
    public async Task The_pairs_quarterly_report_and_its_iom_go_to_the_pair_and_the_managers_only()
    {
        var c = await SeedAsync();
        var pair = c.S.Pairs[0];
        var mentee = await c.School.TeacherAsync(1);
        var response = await mentee.GetAsync($"/api/v1/pairs/{pair}/report.docx?year=2026&quarter=4");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = ReportDoc.Read(await response.Content.ReadAsByteArrayAsync());
        report.Paragraphs.ShouldContain("наставнической пары за IV квартал 2026 года");
        report.Paragraphs.ShouldContain($"Наставник: {c.Name(0)}, учитель.");
        report.Paragraphs.ShouldContain("Дата: «28» ноября 2026 г.");
        report.Paragraphs.ShouldContain("Посетили два урока, разобрали приёмы.");
        report.Paragraphs.ShouldContain("Выполнено задач маршрута: 1 из 2 (50 %) на 28.11.2026.");
        report.Table("Дата", "Вид встречи").Skip(1).Select(r => (r[0], r[3])).ShouldBe([("20.11.2026 15:00", "состоялась"), ("05.12.2026 15:00", "состоялась")]);

        var mentor = await c.School.TeacherAsync(0);
        var plan = ReportDoc.Read(await mentor.GetByteArrayAsync($"/Documents/Pair/{pair}?handler=Plan"));
        plan.Paragraphs.ShouldContain("ИНДИВИДУАЛЬНЫЙ ОБРАЗОВАТЕЛЬНЫЙ МАРШРУТ");
        plan.Paragraphs.ShouldContain($"педагога {c.Name(1)}");
        plan.Paragraphs.ShouldContain($"Дата: {RussianText.DocumentDate(c.Today)}");
        plan.Table("№", "Цель").Skip(1).ShouldBe([["1", "Освоить приёмы формирующего оценивания"]]);
        plan.Table("№", "Задача").Skip(1).Select(r => (r[1], r[2], r[3], r[4], r[5])).ShouldBe([
            ("Посетить урок наставника (к цели 1)", "наставляемый", "20.10.2026", "выполнена", "Анализ урока"),
            ("Провести открытый урок (к цели 1)", "наставляемый", "10.02.2027", "запланирована", "—")]);
        plan.Paragraphs.ShouldContain($"Выполнено задач: 1 из 2 на {RussianText.Date(c.Today)}.");

        var curator = await c.School.CuratorAsync();
        (await curator.GetAsync($"/api/v1/pairs/{pair}/plan.docx")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await curator.GetAsync($"/Documents/Pair/{pair}?handler=Report")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var audited = await app.WithDb(db => db.AuditEntries.Where(a => a.SchoolId == c.School.Id && a.EntityType == "Export").Select(a => a.Changes).ToListAsync());
        audited.ShouldContain(a => a.Contains($"/api/v1/pairs/{pair}/plan.docx", StringComparison.Ordinal));

        // T2 is the other mentee of the group, T3 is in other pairs: neither sees T0 → T1's report or plan.
        foreach (var other in new[] { await c.School.TeacherAsync(2), await c.School.TeacherAsync(3) })
        {
            (await other.GetAsync($"/api/v1/pairs/{pair}/report.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await other.GetAsync($"/api/v1/pairs/{pair}/plan.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await other.GetAsync($"/Documents/Pair/{pair}?handler=Plan")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await other.GetAsync($"/Documents/Pair/{pair}?handler=Report&year=2026&quarter=4")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        var guessed = await app.WithDb(db => db.MentoringPairs.IgnoreQueryFilters().MaxAsync(p => p.Id)) + 1000;
        (await mentee.GetAsync($"/api/v1/pairs/{guessed}/plan.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var elsewhere = await (await app.NewSchoolAsync(teachers: 1)).CuratorAsync();
        (await elsewhere.GetAsync($"/api/v1/pairs/{pair}/plan.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await elsewhere.GetAsync($"/api/v1/pairs/{pair}/report.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await elsewhere.GetAsync($"/api/v1/programs/{c.S.ProgramId}/reports/final.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_programs_reports_are_for_its_managers_from_the_page_and_the_API()
    {
        var c = await SeedAsync();
        var curator = await c.School.CuratorAsync();
        var page = await curator.GetStringAsync($"/Documents/Reports/{c.S.ProgramId}");
        page.ShouldContain("data-testid=\"report-final\"");
        page.ShouldContain("<option value=\"2026-4\">IV квартал 2026 года</option>");
        var final = await curator.GetAsync($"/Documents/Reports/{c.S.ProgramId}?handler=Final");
        final.StatusCode.ShouldBe(HttpStatusCode.OK);
        ReportDoc.Read(await final.Content.ReadAsByteArrayAsync()).Paragraphs.ShouldContain("ИТОГОВЫЙ ОТЧЁТ");
        (await curator.GetAsync($"/Documents/Reports/{c.S.ProgramId}?handler=Quarter&quarter=2026-4")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await curator.GetAsync($"/Documents/Reports/{c.S.ProgramId}?handler=Quarter&quarter=2025-1");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        foreach (var path in new[] { "final.docx", "quarter.docx?year=2026&quarter=4", "practice.docx" })
            (await curator.GetAsync($"/api/v1/programs/{c.S.ProgramId}/reports/{path}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await curator.GetAsync($"/api/v1/programs/{c.S.ProgramId}/reports/quarter.docx?year=2026&quarter=1")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var teacher = await c.School.TeacherAsync(0);
        foreach (var path in new[] { "final.docx", "quarter.docx", "practice.docx" })
            (await teacher.GetAsync($"/api/v1/programs/{c.S.ProgramId}/reports/{path}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await teacher.GetAsync($"/Documents/Reports/{c.S.ProgramId}?handler=Final")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        var elsewhere = await (await app.NewSchoolAsync(teachers: 1)).CuratorAsync();
        (await elsewhere.GetAsync($"/Documents/Reports/{c.S.ProgramId}?handler=Final")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection("sqlite")] public sealed class ReportsTests_Sqlite(SqliteApp app) : ReportsTests(app);
[Collection("postgres")] public sealed class ReportsTests_Postgres(PostgresApp app) : ReportsTests(app);
