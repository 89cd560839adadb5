using System.Text;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Plans;
using Nastavnik.Web.Features.Portfolio;

namespace Nastavnik.Tests.Plans;

/// <summary>
/// The plan (ИОМ) through PlanCommands as its pages and API call it: tasks with their corrections, the mentor's acceptance, the rules
/// (the program's period, an ended pair, who accepts), concurrent edits, files, templates and the quarterly report.
/// </summary>
public abstract class PlanCommandTests(AppFixture app)
{
    private static async Task<List<string>> CorrectionsAsync(SignedInScope s, int planId) =>
        (await s.Get<AppDbContext>().LoadPlanAsync(planId, default))!.Corrections.Select(c => c.By + ": " + c.What).Reverse().ToList();

    [Fact]
    public async Task The_mentor_adds_a_task_the_mentee_does_it_the_mentor_accepts_it_and_every_step_is_a_correction()
    {
        var setup = await PlanSetup.ArrangeAsync(app);
        var (planId, taskId) = await setup.PlanWithTaskAsync();
        var t = setup.School.Teachers;

        await using (var mentee = setup.Mentee)
        {
            var plans = mentee.Get<PlanCommands>();
            var done = await plans.UpdateTaskAsync(taskId, new PlanTaskInput
            {
                Title = "Посетить урок наставника", DueOn = new(2026, 12, 10), Status = PlanTaskStatus.Done, ResultText = "Посетила урок в 7 «Б», конспект у наставника.",
            }, 0, [], default);
            done.Error.ShouldBeNull();
            (await plans.AcceptTaskAsync(taskId, done.Value!.Version, default)).Error
                .ShouldBeRefusal(ErrorKind.Forbidden, "Выполненную задачу принимает наставник пары.");
            var view = (await mentee.Get<AppDbContext>().LoadPlanAsync(planId, default))!;
            view.Pairs.Single(p => p.PairId == setup.PairA).AllTasks.Single().AwaitsAcceptance.ShouldBeTrue();
        }
        await using (var mentor = setup.Mentor)
        {
            var version = await mentor.Get<AppDbContext>().PlanTasks.Where(x => x.Id == taskId).Select(x => x.Version).SingleAsync();
            var accepted = await mentor.Get<PlanCommands>().AcceptTaskAsync(taskId, version, default);
            accepted.Error.ShouldBeNull();
            accepted.Value!.AcceptedAt.ShouldNotBeNull();
            (await CorrectionsAsync(mentor, planId)).ShouldBe([
                $"{t[0].FullName}: Добавлена задача «Посетить урок наставника»: выполняет наставляемый, срок 10.12.2026.",
                $"{t[1].FullName}: Статус задачи «Посетить урок наставника»: «выполнена» (был «запланирована»).",
                $"{t[1].FullName}: Записан результат задачи «Посетить урок наставника».",
                $"{t[0].FullName}: Задача «Посетить урок наставника» принята наставником.",
            ]);
        }
    }

    [Fact]
    public async Task A_deadline_outside_the_program_is_refused_naming_the_period_and_a_moved_deadline_is_a_correction()
    {
        var setup = await PlanSetup.ArrangeAsync(app);
        var (planId, taskId) = await setup.PlanWithTaskAsync();
        await using var mentor = setup.Mentor;
        var plans = mentor.Get<PlanCommands>();

        (await plans.AddTaskAsync(planId, new PlanTaskInput { PairId = setup.PairA, Title = "Летний проект", DueOn = new(2027, 7, 15) }, [], default)).Error
            .ShouldBeRefusal(ErrorKind.Invalid, "Задача не добавлена.", "Срок 15.07.2027 вне периода программы: выберите дату с 01.09.2026 по 30.06.2027.");
        var moved = await plans.UpdateTaskAsync(taskId, new PlanTaskInput { Title = "Посетить урок наставника", DueOn = new(2026, 12, 20) }, 0, [], default);
        moved.Error.ShouldBeNull();
        (await CorrectionsAsync(mentor, planId)).Last().ShouldEndWith("Срок задачи «Посетить урок наставника» перенесён с 10.12.2026 на 20.12.2026.");
    }

    [Fact]
    public async Task A_task_of_an_ended_pair_cannot_be_changed()
    {
        var setup = await PlanSetup.ArrangeAsync(app);
        await using var mentee = setup.Mentee;
        var plans = mentee.Get<PlanCommands>();
        var planId = (await plans.OpenForPairAsync(setup.PairC, default)).Value;
        (await plans.AddTaskAsync(planId, new PlanTaskInput { PairId = setup.PairC, Title = "Ещё одна задача" }, [], default)).Error
            .ShouldBeRefusal(ErrorKind.Conflict, PlanCommands.PairEnded);
    }

    [Fact]
    public async Task Two_people_editing_one_task_at_once_the_second_is_told_and_nothing_of_theirs_is_written()
    {
        var setup = await PlanSetup.ArrangeAsync(app);
        var (_, taskId) = await setup.PlanWithTaskAsync();
        await using (var mentor = setup.Mentor)
            (await mentor.Get<PlanCommands>().UpdateTaskAsync(taskId, new PlanTaskInput { Title = "Посетить урок наставника", DueOn = new(2026, 12, 15) }, 0, [], default))
                .Error.ShouldBeNull();
        await using (var mentee = setup.Mentee)
        {
            var second = await mentee.Get<PlanCommands>().UpdateTaskAsync(taskId,
                new PlanTaskInput { Title = "Посетить урок наставника", DueOn = new(2026, 12, 10), ResultText = "мой текст" }, 0, [], default);
            second.Error.ShouldBeRefusal(ErrorKind.Stale, "Пока вы редактировали задачу, её изменил другой участник пары.",
                "Ваши изменения не сохранены, они остались в форме: сверьте их с сохранённой задачей и сохраните ещё раз.");
        }
        var saved = await app.WithDb(db => db.PlanTasks.IgnoreQueryFilters().SingleAsync(x => x.Id == taskId));
        (saved.DueOn, saved.ResultText).ShouldBe((new DateOnly(2026, 12, 15), (string?)null));
    }

    [Fact]
    public async Task On_the_task_page_the_second_editor_keeps_their_text_sees_what_is_saved_and_can_save_over_it()
    {
        var setup = await PlanSetup.ArrangeAsync(app);
        var (planId, taskId) = await setup.PlanWithTaskAsync();
        var mentor = await setup.School.TeacherAsync(0);
        var form = await mentor.GetStringAsync($"/Plans/Task/{taskId}");
        await using (var mentee = setup.Mentee)
            (await mentee.Get<PlanCommands>().UpdateTaskAsync(taskId, new PlanTaskInput { Title = "Посетить урок наставника", DueOn = new(2026, 12, 11) }, 0, [], default))
                .Error.ShouldBeNull();
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.Token(form), ["Version"] = "0", ["Input.PairId"] = setup.PairA.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = "Посетить урок наставника", ["Input.DueOn"] = "2026-12-10", ["Input.Owner"] = "Mentee", ["Input.Status"] = "InProgress",
            ["Input.ResultText"] = "Мой черновик результата",
        };
        var page = Html.Parse(await (await mentor.PostAsync($"/Plans/Task/{taskId}", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync());
        page.QuerySelector(".validation-summary-errors").ShouldNotBeNull().TextContent.ShouldContain("Пока вы редактировали задачу, её изменил другой участник пары.");
        page.QuerySelector("[data-testid=saved-now]").ShouldNotBeNull().TextContent.ShouldContain("срок 11.12.2026");
        page.QuerySelector("#Input_ResultText").ShouldNotBeNull().TextContent.Trim().ShouldBe("Мой черновик результата");
        var version = page.QuerySelector("#Version").ShouldNotBeNull().GetAttribute("value");
        version.ShouldBe("1");

        fields["Version"] = version!;
        (await mentor.PostAsync($"/Plans/Task/{taskId}", new FormUrlEncodedContent(fields))).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await app.WithDb(db => db.PlanTasks.IgnoreQueryFilters().SingleAsync(x => x.Id == taskId))).ResultText.ShouldBe("Мой черновик результата");
    }

    [Fact]
    public async Task Files_are_checked_like_the_portfolios_and_an_accepted_one_is_a_correction()
    {
        var setup = await PlanSetup.ArrangeAsync(app);
        var (planId, taskId) = await setup.PlanWithTaskAsync();
        await using var mentee = setup.Mentee;
        var plans = mentee.Get<PlanCommands>();
        static FileUpload File(string name) => new(name, 5, new MemoryStream(Encoding.UTF8.GetBytes("12345")));
        (await plans.AddFilesAsync(taskId, [File("script.exe")], default)).Error
            .ShouldBeRefusal(ErrorKind.Invalid, "Файл не приложен.", PortfolioFiles.Problem("script.exe", 5)!);
        (await plans.AddFilesAsync(taskId, [File("конспект урока.pdf")], default)).Error.ShouldBeNull();
        var view = (await mentee.Get<AppDbContext>().LoadPlanAsync(planId, default))!;
        view.Pairs.Single(p => p.PairId == setup.PairA).AllTasks.Single().Files.Single().FileName.ShouldBe("конспект урока.pdf");
        view.Corrections[0].What.ShouldBe("К задаче «Посетить урок наставника» приложен файл «конспект урока.pdf».");
    }

    [Fact]
    public async Task A_goal_started_from_the_curators_template_gets_its_tasks_with_deadlines_from_today_clipped_to_the_programs_end()
    {
        var setup = await PlanSetup.ArrangeAsync(app);
        var input = new PlanTemplateInput
        {
            TopicId = setup.TopicA, Title = "Первые шаги в теме",
            Tasks = [new() { Title = "Посетить два урока наставника", DueInDays = 14 }, new() { Title = "Провести открытый урок", Owner = PlanTaskOwner.Mentee, DueInDays = 366 }, new()],
        };
        await using (var teacher = setup.Mentor)
            (await teacher.Get<PlanCommands>().SaveTemplateAsync(null, input, 0, default)).Error
                .ShouldBeRefusal(ErrorKind.Forbidden, "Шаблоны планов ведут куратор и администрация.");
        int templateId;
        await using (var curator = setup.Curator)
            templateId = (await curator.Get<PlanCommands>().SaveTemplateAsync(null, input, 0, default)).Value!.Id;

        await using var mentor = setup.Mentor;
        var plans = mentor.Get<PlanCommands>();
        var planId = (await plans.OpenForPairAsync(setup.PairA, default)).Value;
        (await plans.AddGoalAsync(planId, new PlanGoalInput { PairId = setup.PairB, TemplateId = templateId }, default)).Error
            .ShouldBeRefusal(ErrorKind.NotFound, PlanCommands.PairNotFound);
        var goal = await plans.AddGoalAsync(planId, new PlanGoalInput { PairId = setup.PairA, TemplateId = templateId }, default);
        goal.Error.ShouldBeNull();
        var view = (await mentor.Get<AppDbContext>().LoadPlanAsync(planId, default))!;
        var g = view.Pairs.Single().Goals.Single();
        g.Text.ShouldBe("Первые шаги в теме");
        var today = DateOnly.FromDateTime(DateTime.Now);
        g.Tasks.Select(x => (x.Title, x.DueOn)).ShouldBe([("Посетить два урока наставника", (DateOnly?)today.AddDays(14)), ("Провести открытый урок", new DateOnly(2027, 6, 30))]);
        view.Corrections[0].What.ShouldBe("Из шаблона «Первые шаги в теме» добавлены задачи: «Посетить два урока наставника»; «Провести открытый урок».");
    }

    [Fact]
    public async Task The_quarterly_report_is_one_per_pair_and_quarter_with_the_plans_progress_and_a_stale_edit_is_refused()
    {
        var setup = await PlanSetup.ArrangeAsync(app);
        var (planId, _) = await setup.PlanWithTaskAsync();
        await using (var mentor = setup.Mentor)
        {
            var plans = mentor.Get<PlanCommands>();
            var second = await plans.AddTaskAsync(planId, new PlanTaskInput { PairId = setup.PairA, Title = "Открытый урок", Status = PlanTaskStatus.Done }, [], default);
            second.Error.ShouldBeNull();
        }
        int version;
        await using (var mentee = setup.Mentee)
        {
            var report = await mentee.Get<PlanCommands>().SaveReportAsync(setup.PairA, new PairReportInput { Done = "Два урока", Changed = "Увереннее на уроке" }, 0, default);
            report.Error.ShouldBeNull();
            (report.Value!.TasksDone, report.Value.TasksTotal).ShouldBe((1, 2));
            version = report.Value.Version;
        }
        await using (var mentor = setup.Mentor)
        {
            var plans = mentor.Get<PlanCommands>();
            (await plans.SaveReportAsync(setup.PairA, new PairReportInput { Done = "Моя версия", Changed = "—" }, 0, default)).Error!.Kind.ShouldBe(ErrorKind.Stale);
            (await plans.SaveReportAsync(setup.PairA, new PairReportInput { Done = "Два урока и мастер-класс", Changed = "Увереннее" }, version, default)).Error.ShouldBeNull();
        }
        await using (var outsider = setup.Outsider)
            (await outsider.Get<PlanCommands>().SaveReportAsync(setup.PairA, new PairReportInput { Done = "x", Changed = "y" }, 0, default)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await app.WithDb(db => db.PairReports.IgnoreQueryFilters().Where(r => r.PairId == setup.PairA).Select(r => r.Done).ToListAsync()))
            .ShouldBe(["Два урока и мастер-класс"]);
    }
}

[Collection("sqlite")] public sealed class PlanCommandTests_Sqlite(SqliteApp app) : PlanCommandTests(app);
[Collection("postgres")] public sealed class PlanCommandTests_Postgres(PostgresApp app) : PlanCommandTests(app);
