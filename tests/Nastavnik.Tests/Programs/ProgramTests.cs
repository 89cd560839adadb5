using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Files;

namespace Nastavnik.Tests.Programs;

public abstract class ProgramTests(AppFixture app)
{
    private static async Task<string> Text(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    private static async Task<int> CreateAsync(HttpClient client, string name, string status = "Draft", string start = "2025-09-01", string end = "2026-08-31")
    {
        var r = await client.PostAsJsonAsync("/api/v1/programs", new { name, startDate = start, endDate = end, status, forms = new[] { "Reverse" } });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static Task<HttpResponseMessage> ApplyTemplateAsync(HttpClient client, int programId, string template) =>
        client.PostFormAsync($"/Programs/Roadmap?id={programId}", "/Programs/RoadmapActions?handler=ApplyTemplate",
            new() { ["programId"] = programId.ToString(), ["template"] = template });

    [Fact]
    public async Task The_database_itself_refuses_a_second_active_program_of_a_school_as_two_simultaneous_saves_would_make()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        MentoringProgram Program(string name, ProgramStatus status) =>
            new() { SchoolId = school.Id, Name = name, StartDate = new DateOnly(2026, 9, 1), EndDate = new DateOnly(2027, 8, 31), Status = status };
        await app.WithDb(async db => { db.Programs.AddRange(Program("Первая", ProgramStatus.Active), Program("Черновик", ProgramStatus.Draft), Program("Прошлая", ProgramStatus.Completed)); return await db.SaveChangesAsync(); });
        await Should.ThrowAsync<DbUpdateException>(() => app.WithDb(async db => { db.Programs.Add(Program("Вторая", ProgramStatus.Active)); return await db.SaveChangesAsync(); }));
        // Another school may have its own active program.
        var other = await app.NewSchoolAsync(teachers: 1);
        var own = Program("Своя", ProgramStatus.Active);
        own.SchoolId = other.Id;
        await app.WithDb(async db => { db.Programs.Add(own); return await db.SaveChangesAsync(); });
        (await app.WithDb(db => db.Programs.IgnoreQueryFilters().CountAsync(p => p.Status == ProgramStatus.Active && (p.SchoolId == school.Id || p.SchoolId == other.Id)))).ShouldBe(2);
    }

    [Fact]
    public async Task Curator_creates_a_program_with_indicators_and_a_teacher_reads_it_but_cannot_edit()
    {
        var school = await app.NewSchoolAsync(teachers: 3);
        var curator = await school.CuratorAsync();
        var create = await curator.PostFormAsync("/Programs/Edit", "/Programs/Edit", new()
        {
            ["Input.Name"] = "Программа наставничества 2025/2026", ["Input.StartDate"] = "2025-09-01", ["Input.EndDate"] = "2026-08-31",
            ["Input.Goal"] = "Профессиональный рост всех педагогов", ["Input.Forms"] = "Reverse", ["Input.CuratorIds"] = school.Teachers[0].PersonId.ToString(),
            ["Input.Status"] = "Active",
            ["Input.Indicators[0].Code"] = "coverage", ["Input.Indicators[0].Name"] = "Охват педагогов", ["Input.Indicators[0].Unit"] = "%",
            ["Input.Indicators[0].Targets[0].Year"] = "2026", ["Input.Indicators[0].Targets[0].Value"] = "20",
            ["Input.Indicators[0].Targets[1].Year"] = "2027", ["Input.Indicators[0].Targets[1].Value"] = "30",
            ["Input.Indicators[1].Name"] = "Удовлетворенность педагогов", ["Input.Indicators[1].Unit"] = "%",
            ["Input.Indicators[1].Targets[0].Year"] = "2026", ["Input.Indicators[1].Targets[0].Value"] = "85",
            ["Input.Indicators[2].Name"] = "", // the blank row the form always offers
        });
        create.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Text(create));
        var program = await app.WithDb(db => db.Programs.IgnoreQueryFilters().Include(p => p.Indicators).ThenInclude(i => i.Targets).Include(p => p.Curators)
            .SingleAsync(p => p.SchoolId == school.Id));
        program.Status.ShouldBe(ProgramStatus.Active);
        program.Forms.ShouldBe(MentoringForms.Reverse);
        program.Curators.Select(c => c.PersonId).ShouldBe([school.Teachers[0].PersonId]);
        program.Indicators.OrderBy(i => i.SortOrder).Select(i => i.Name).ShouldBe(["Охват педагогов", "Удовлетворенность педагогов"]);
        program.Indicators.Single(i => i.Code == "coverage").Targets.OrderBy(t => t.Year).Select(t => (t.Year, t.Value)).ShouldBe([(2026, 20m), (2027, 30m)]);

        var teacher = await school.TeacherAsync(1);
        var page = await teacher.GetStringAsync("/Programs");
        page.ShouldContain("Программа наставничества 2025/2026");
        page.ShouldContain("активна");
        page.ShouldContain("реверсивное");
        page.ShouldContain(school.Teachers[0].FullName);
        page.ShouldNotContain("/Programs/Edit");
        var edit = await teacher.GetAsync($"/Programs/Edit?id={program.Id}");
        edit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        edit.Headers.Location!.ToString().ShouldContain("AccessDenied");
        (await teacher.PutAsJsonAsync($"/api/v1/programs/{program.Id}", new { name = "x", startDate = "2025-09-01", endDate = "2026-08-31" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await teacher.GetAsync($"/api/v1/programs/{program.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await teacher.GetAsync($"/Programs/Roadmap?id={program.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The API returns the indicators; a PUT that leaves them (and curators) out keeps them.
        var get = await curator.GetAsync($"/api/v1/programs/{program.Id}");
        var json = await get.Content.ReadFromJsonAsync<JsonElement>();
        json.GetProperty("indicators")[0].GetProperty("targets").GetArrayLength().ShouldBe(2);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/programs/{program.Id}")
        { Content = JsonContent.Create(new { name = "Программа 2025/2026", startDate = "2025-09-01", endDate = "2026-08-31", status = "Active", goal = "Новая цель" }) };
        put.Headers.TryAddWithoutValidation("If-Match", get.Headers.ETag!.Tag);
        var updated = await (await curator.SendAsync(put)).Content.ReadFromJsonAsync<JsonElement>();
        updated.GetProperty("goal").GetString().ShouldBe("Новая цель");
        updated.GetProperty("indicators").GetArrayLength().ShouldBe(2);
        updated.GetProperty("curatorIds").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task New_program_form_offers_the_seeds_default_indicators_and_validates_in_russian()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var form = Html.Parse(await curator.GetStringAsync("/Programs/Edit"));
        var names = form.QuerySelectorAll("input[name$='].Name']").Select(i => i.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)).ToList();
        names.ShouldContain("Охват педагогических работников программами наставничества");
        names.ShouldContain("Удовлетворенность педагогов профессиональной средой");
        var values = form.QuerySelectorAll("input[name^='Input.Indicators[0].Targets'][name$='Value']").Select(i => i.GetAttribute("value")).ToList();
        values.ShouldBe(["20", "30", "50", "70"]);

        var bad = await curator.PostFormAsync("/Programs/Edit", "/Programs/Edit", new()
        {
            ["Input.Name"] = "", ["Input.StartDate"] = "2026-09-01", ["Input.EndDate"] = "2026-01-01", ["Input.Status"] = "Draft",
        });
        (await Text(bad)).ShouldContain("Укажите название программы.");
        var dates = await curator.PostFormAsync("/Programs/Edit", "/Programs/Edit", new()
        {
            ["Input.Name"] = "Программа", ["Input.StartDate"] = "2026-09-01", ["Input.EndDate"] = "2026-01-01", ["Input.Status"] = "Draft",
            ["Input.Indicators[0].Name"] = "Охват", ["Input.Indicators[0].Targets[0].Year"] = "2026",
        });
        var html = await Text(dates);
        html.ShouldContain("Дата окончания раньше даты начала");
        html.ShouldContain("Показатель «Охват»: у каждого целевого значения укажите и год, и значение.");
        (await app.WithDb(db => db.Programs.IgnoreQueryFilters().CountAsync(p => p.SchoolId == school.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_second_active_program_is_refused_naming_the_active_one()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        await CreateAsync(curator, "Программа 2025/2026", "Active");
        var draft = await CreateAsync(curator, "Программа 2026/2027", "Draft", "2026-09-01", "2027-08-31");

        var api = await curator.PostAsJsonAsync("/api/v1/programs", new { name = "Ещё одна", startDate = "2026-09-01", endDate = "2027-08-31", status = "Active" });
        api.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var apiTitle = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!;
        apiTitle.ShouldStartWith("В школе уже активна программа «Программа 2025/2026»");

        var version = await app.WithDb(db => db.Programs.IgnoreQueryFilters().Where(p => p.Id == draft).Select(p => p.Version).SingleAsync());
        var page = await curator.PostFormAsync($"/Programs/Edit?id={draft}", $"/Programs/Edit?id={draft}", new()
        {
            ["Input.Name"] = "Программа 2026/2027", ["Input.StartDate"] = "2026-09-01", ["Input.EndDate"] = "2027-08-31", ["Input.Status"] = "Active", ["Version"] = version.ToString(),
        });
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The page says what the API says: one rule, one message.
        (await Text(page)).ShouldContain(apiTitle);
        (await app.WithDb(db => db.Programs.IgnoreQueryFilters().CountAsync(p => p.SchoolId == school.Id && p.Status == ProgramStatus.Active))).ShouldBe(1);
    }

    [Fact]
    public async Task Two_curators_activating_two_drafts_at_once_get_one_active_program_and_a_clear_conflict_not_an_error()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var drafts = new List<int>();
        for (var i = 0; i < 6; i++) drafts.Add(await CreateAsync(curator, $"Черновик {i}", "Draft", "2026-09-01", "2027-08-31"));

        // Every request reads «no active program» before any of them saves, as two curators pressing «Сохранить» at once would.
        var answers = await Task.WhenAll(drafts.Select(async id =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/programs/{id}")
            {
                Content = JsonContent.Create(new { name = $"Программа {id}", startDate = "2026-09-01", endDate = "2027-08-31", status = "Active" }),
            };
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0\""));
            var r = await curator.SendAsync(request);
            return (r.StatusCode, Body: await r.Content.ReadAsStringAsync());
        }));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1, string.Join("\n", answers.Select(a => a.StatusCode + " " + a.Body)));
        answers.Where(a => a.StatusCode != HttpStatusCode.OK).ShouldAllBe(a => a.StatusCode == HttpStatusCode.Conflict && a.Body.Contains("В школе уже"));
        (await app.WithDb(db => db.Programs.IgnoreQueryFilters().CountAsync(p => p.SchoolId == school.Id && p.Status == ProgramStatus.Active))).ShouldBe(1);
    }

    [Theory]
    [InlineData("three-stages", new[] { "Подготовительный этап", "Основной этап", "Аналитический этап" }, 25)]
    [InlineData("target-model", new[] { "Подготовка условий для запуска программы наставничества", "Формирование базы наставляемых", "Формирование базы наставников",
        "Отбор и обучение наставников", "Формирование тандемов/групп", "Организация работы тандемов/групп", "Завершение наставничества" }, 52)]
    [InlineData("reverse-year", new[] { "Внедрение модели реверсивного наставничества" }, 7)]
    public async Task A_template_fills_the_roadmap_with_the_seeds_stages_and_dates_inside_the_program(string template, string[] stages, int events)
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var id = await CreateAsync(curator, "Программа " + template);
        (await ApplyTemplateAsync(curator, id, template)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var saved = await app.WithDb(db => db.RoadmapStages.IgnoreQueryFilters().Where(s => s.ProgramId == id).OrderBy(s => s.SortOrder)
            .Include(s => s.Events).ToListAsync());
        saved.Count.ShouldBe(stages.Length);
        for (var i = 0; i < stages.Length; i++) saved[i].Title.ShouldStartWith(stages[i]);
        var all = saved.SelectMany(s => s.Events).ToList();
        all.Count.ShouldBe(events);
        all.ShouldAllBe(e => e.DueDate >= new DateOnly(2025, 9, 1) && e.DueDate <= new DateOnly(2026, 8, 31) && e.SchoolId == school.Id);
        all.ShouldAllBe(e => e.StartDate == null || e.StartDate <= e.DueDate);

        // Applying a template again would duplicate everything: refused, nothing added.
        var again = await ApplyTemplateAsync(curator, id, template);
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var roadmap = await curator.GetStringAsync(again.Headers.Location!.ToString());
        WebUtility.HtmlDecode(roadmap).ShouldContain("шаблон не применён");
        (await app.WithDb(db => db.RoadmapEvents.IgnoreQueryFilters().CountAsync(e => e.ProgramId == id))).ShouldBe(events);
    }

    [Fact]
    public async Task Template_months_fall_on_the_last_day_of_the_month_in_the_right_year()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var id = await CreateAsync(curator, "Реверсивное");
        await ApplyTemplateAsync(curator, id, "reverse-year");
        var events = await curator.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}/events");
        var due = events.EnumerateArray().Select(e => (e.GetProperty("timing").GetString(), e.GetProperty("dueDate").GetString())).ToList();
        due[0].ShouldBe(("Сентябрь", "2025-09-30"));
        due[4].ShouldBe(("Октябрь – апрель", "2026-04-30"));
        due[6].ShouldBe(("Май", "2026-05-31"));
        events[4].GetProperty("startDate").GetString().ShouldBe("2025-10-01");

        // A four-year program: the analytical stage of seed 000 falls in May of its last year.
        var program = new MentoringProgram { Name = "x", StartDate = new DateOnly(2021, 9, 1), EndDate = new DateOnly(2025, 5, 31) };
        RoadmapTemplates.DateIn(program, new TemplateMonth(5, InLastYear: true), due: true).ShouldBe(new DateOnly(2025, 5, 31));
        RoadmapTemplates.DateIn(program, new TemplateMonth(12), due: true).ShouldBe(new DateOnly(2021, 12, 31));
        RoadmapTemplates.DateIn(program, new TemplateMonth(4, InLastYear: true), due: true).ShouldBe(new DateOnly(2025, 4, 30));
    }

    [Fact]
    public async Task Past_planned_events_are_overdue_and_stop_being_so_when_done()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var id = await CreateAsync(curator, "Прошлогодняя", start: "2024-09-01", end: "2025-08-31");
        await ApplyTemplateAsync(curator, id, "reverse-year");
        var html = await curator.GetStringAsync($"/Programs/Roadmap?id={id}");
        var doc = Html.Parse(html);
        doc.QuerySelector("[data-testid=overdue-count]")!.TextContent.ShouldContain("просрочено: 7");
        doc.QuerySelectorAll("tr.event-overdue").Length.ShouldBe(7);

        var first = await app.WithDb(db => db.RoadmapEvents.IgnoreQueryFilters().Where(e => e.ProgramId == id).OrderBy(e => e.SortOrder).FirstAsync());
        first.IsOverdue(new DateOnly(2024, 9, 30)).ShouldBeFalse();
        first.IsOverdue(new DateOnly(2024, 10, 1)).ShouldBeTrue();
        (await curator.PostFormAsync($"/Programs/Roadmap?id={id}", "/Programs/RoadmapActions?handler=Status", new()
        {
            ["programId"] = id.ToString(), ["eventId"] = first.Id.ToString(), ["status"] = "Done", ["version"] = first.Version.ToString(),
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = Html.Parse(await curator.GetStringAsync($"/Programs/Roadmap?id={id}"));
        after.QuerySelector("[data-testid=overdue-count]")!.TextContent.ShouldContain("просрочено: 6");
        after.QuerySelectorAll("tr[data-testid=event]")[0].TextContent.ShouldContain("выполнено");
        var api = await curator.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}/events");
        api.EnumerateArray().Count(e => e.GetProperty("isOverdue").GetBoolean()).ShouldBe(6);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_on_the_page_and_in_the_api()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var id = await CreateAsync(curator, "Программа");
        var version = await app.WithDb(db => db.Programs.IgnoreQueryFilters().Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        Dictionary<string, string> Form(string name) => new()
        {
            ["Input.Name"] = name, ["Input.StartDate"] = "2025-09-01", ["Input.EndDate"] = "2026-08-31", ["Input.Status"] = "Draft", ["Version"] = version.ToString(),
        };
        (await curator.PostFormAsync($"/Programs/Edit?id={id}", $"/Programs/Edit?id={id}", Form("Первая правка"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await curator.PostFormAsync($"/Programs/Edit?id={id}", $"/Programs/Edit?id={id}", Form("Вторая правка"));
        (await Text(stale)).ShouldContain("изменил другой пользователь");
        (await app.WithDb(db => db.Programs.IgnoreQueryFilters().Where(p => p.Id == id).Select(p => p.Name).SingleAsync())).ShouldBe("Первая правка");

        var body = new { name = "Через API", startDate = "2025-09-01", endDate = "2026-08-31", status = "Draft" };
        (await curator.PutAsJsonAsync($"/api/v1/programs/{id}", body)).StatusCode.ShouldBe((HttpStatusCode)428);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/programs/{id}") { Content = JsonContent.Create(body) };
        put.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        (await curator.SendAsync(put)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var get = await curator.GetAsync($"/api/v1/programs/{id}");
        var fresh = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/programs/{id}") { Content = JsonContent.Create(body) };
        fresh.Headers.TryAddWithoutValidation("If-Match", get.Headers.ETag!.Tag);
        (await curator.SendAsync(fresh)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Events too: add through the API, then a stale update is refused.
        await ApplyTemplateAsync(curator, id, "reverse-year");
        var stageId = await app.WithDb(db => db.RoadmapStages.IgnoreQueryFilters().Where(s => s.ProgramId == id).Select(s => s.Id).FirstAsync());
        var created = await curator.PostAsJsonAsync($"/api/v1/programs/{id}/events", new { stageId, title = "Педсовет по итогам", timing = "Июнь", responsibleText = "куратор" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var ev = await created.Content.ReadFromJsonAsync<JsonElement>();
        var evUrl = $"/api/v1/programs/{id}/events/{ev.GetProperty("id").GetInt32()}";
        var update = new { stageId, title = "Педсовет", timing = "Июнь", status = "Done" };
        var ok = new HttpRequestMessage(HttpMethod.Put, evUrl) { Content = JsonContent.Create(update) };
        ok.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        (await curator.SendAsync(ok)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var old = new HttpRequestMessage(HttpMethod.Put, evUrl) { Content = JsonContent.Create(update) };
        old.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        (await curator.SendAsync(old)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Another_schools_program_and_events_are_invisible()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var id = await CreateAsync(curator, "Секретная программа");
        await ApplyTemplateAsync(curator, id, "reverse-year");
        var eventId = await app.WithDb(db => db.RoadmapEvents.IgnoreQueryFilters().Where(e => e.ProgramId == id).Select(e => e.Id).FirstAsync());

        var other = await app.CuratorOfBAsync();
        foreach (var url in new[] { $"/Programs?id={id}", $"/Programs/Roadmap?id={id}", $"/Programs/Edit?id={id}", $"/Programs/RoadmapExport?id={id}&format=xlsx",
                     $"/Programs/Event?programId={id}&eventId={eventId}", $"/api/v1/programs/{id}", $"/api/v1/programs/{id}/events" })
            (await other.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        (await other.GetStringAsync("/api/v1/programs")).ShouldNotContain("Секретная программа");
        (await other.GetStringAsync("/Programs")).ShouldNotContain("Секретная программа");
        var del = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/programs/{id}/events/{eventId}");
        del.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        (await other.SendAsync(del)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostFormAsync("/Programs", "/Programs/RoadmapActions?handler=Status", new()
        {
            ["programId"] = id.ToString(), ["eventId"] = eventId.ToString(), ["status"] = "Done", ["version"] = "1",
        })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDb(db => db.RoadmapEvents.IgnoreQueryFilters().SingleAsync(e => e.Id == eventId))).Status.ShouldBe(EventStatus.Planned);
    }

    [Fact]
    public async Task Curator_builds_a_roadmap_by_hand_adds_moves_edits_and_deletes()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var curator = await school.CuratorAsync();
        var id = await CreateAsync(curator, "Своя карта");
        var roadmapUrl = $"/Programs/Roadmap?id={id}";
        foreach (var title in new[] { "Подготовительный этап", "Основной этап" })
            (await curator.PostFormAsync(roadmapUrl, "/Programs/RoadmapActions?handler=AddStage", new() { ["programId"] = id.ToString(), ["title"] = title }))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stages = await app.WithDb(db => db.RoadmapStages.IgnoreQueryFilters().Where(s => s.ProgramId == id).OrderBy(s => s.SortOrder).ToListAsync());
        var main = stages[1];

        var eventUrl = $"/Programs/Event?programId={id}&stageId={main.Id}";
        var bad = await curator.PostFormAsync(eventUrl, eventUrl, new()
        {
            ["Input.StageId"] = main.Id.ToString(), ["Input.Title"] = "Педсовет", ["Input.StartDate"] = "2025-10-10", ["Input.DueDate"] = "2025-10-01", ["Input.Status"] = "Planned",
        });
        (await Text(bad)).ShouldContain("Срок окончания раньше начала");
        var added = await curator.PostFormAsync(eventUrl, eventUrl, new()
        {
            ["Input.StageId"] = main.Id.ToString(), ["Input.Title"] = "Педсовет «Наставничество в школе»", ["Input.Timing"] = "Октябрь",
            ["Input.DueDate"] = "2025-10-31", ["Input.ResponsiblePersonId"] = school.Teachers[1].PersonId.ToString(), ["Input.ResponsibleText"] = "руководители МО",
            ["Input.Status"] = "Planned",
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Text(added));
        (await curator.PostFormAsync(roadmapUrl, "/Programs/RoadmapActions?handler=MoveStage", new() { ["programId"] = id.ToString(), ["stageId"] = main.Id.ToString(), ["delta"] = "-1" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var doc = Html.Parse(await curator.GetStringAsync(roadmapUrl));
        doc.QuerySelectorAll("tr.stage-row").Select(r => r.TextContent).First().ShouldContain("Этап 1. Основной этап");
        var row = doc.QuerySelector("tr[data-testid=event]")!.TextContent;
        row.ShouldContain("1.1");
        row.ShouldContain("Октябрь");
        row.ShouldContain("Петров П. И., руководители МО");
        doc.QuerySelector("[data-testid=roadmap-counts]")!.TextContent.ShouldContain("2 этапа, 1 мероприятие");

        var ev = await app.WithDb(db => db.RoadmapEvents.IgnoreQueryFilters().SingleAsync(e => e.ProgramId == id));
        // A delete from a form read before someone else's change is refused, as the API's If-Match is: the event stays.
        var stale = await curator.PostFormAsync($"/Programs/Event?programId={id}&eventId={ev.Id}", $"/Programs/Event?handler=Delete&programId={id}&eventId={ev.Id}",
            new() { ["Version"] = (ev.Version + 1).ToString() });
        stale.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await curator.GetStringAsync(stale.Headers.Location!.ToString())).ShouldContain("изменил другой пользователь");
        (await app.WithDb(db => db.RoadmapEvents.IgnoreQueryFilters().CountAsync(e => e.ProgramId == id))).ShouldBe(1);
        (await curator.PostFormAsync($"/Programs/Event?programId={id}&eventId={ev.Id}", $"/Programs/Event?handler=Delete&programId={id}&eventId={ev.Id}",
            new() { ["Version"] = ev.Version.ToString() }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await curator.PostFormAsync($"/Programs/Stage?programId={id}&stageId={stages[0].Id}", $"/Programs/Stage?handler=Delete&programId={id}&stageId={stages[0].Id}", new()))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDb(db => db.RoadmapEvents.IgnoreQueryFilters().CountAsync(e => e.ProgramId == id))).ShouldBe(0);
        (await app.WithDb(db => db.RoadmapStages.IgnoreQueryFilters().Where(s => s.ProgramId == id).Select(s => s.Title).ToListAsync())).ShouldBe(["Основной этап"]);
    }

    [Fact]
    public async Task Roadmap_exports_to_xlsx_and_docx_in_the_seeds_layout()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var id = await CreateAsync(curator, "Программа 2025/2026");
        await ApplyTemplateAsync(curator, id, "reverse-year");

        var xlsx = await curator.GetAsync($"/Programs/RoadmapExport?id={id}&format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("Дорожная карта — Программа 2025 2026.xlsx");
        var table = TableFileReader.Read("x.xlsx", await xlsx.Content.ReadAsByteArrayAsync());
        table.Headers.Take(4).ShouldBe(["№", "Мероприятие", "Сроки", "Ответственный"]);
        table.Rows.Count.ShouldBe(7);
        table.Rows[0].Cells[0].ShouldBe("1.1");
        table.Rows[0].Cells[1].ShouldBe("Выявление потребностей педагогов в получении новых знаний, навыков");
        table.Rows[0].Cells[2].ShouldContain("Сентябрь");
        table.Rows[0].Cells[3].ShouldBe("Заместитель директора по УВР");

        var docx = await curator.GetAsync($"/Programs/RoadmapExport?id={id}&format=docx");
        docx.Content.Headers.ContentType!.MediaType.ShouldBe(DocxWriter.ContentType);
        docx.Content.Headers.ContentDisposition!.FileNameStar.ShouldEndWith(".docx");
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document.Body!;
        body.Elements<Paragraph>().First().InnerText.ShouldBe("Дорожная карта");
        body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!.Orient!.Value.ShouldBe(PageOrientationValues.Landscape);
        var rows = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>().ToList();
        rows[0].Elements<TableCell>().Take(4).Select(c => c.InnerText).ShouldBe(["№", "Мероприятие", "Сроки", "Ответственный"]);
        rows[0].Descendants<Bold>().ShouldNotBeEmpty();
        rows[1].Elements<TableCell>().Single().InnerText.ShouldStartWith("Этап 1. Внедрение модели реверсивного наставничества");
        rows[1].Descendants<GridSpan>().Single().Val!.Value.ShouldBe(6);
        var cells = rows[2].Elements<TableCell>().Select(c => c.InnerText).ToList();
        (cells[0], cells[1], cells[3]).ShouldBe(("1.1", "Выявление потребностей педагогов в получении новых знаний, навыков", "Заместитель директора по УВР"));
        rows.Count.ShouldBe(1 + 1 + 7);
    }
}

[Collection("sqlite")] public sealed class ProgramTests_Sqlite(SqliteApp app) : ProgramTests(app);
[Collection("postgres")] public sealed class ProgramTests_Postgres(PostgresApp app) : ProgramTests(app);
