using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Diagnostics;

public abstract class SelfAssessmentTests(AppFixture app)
{
    [Fact]
    public async Task Teacher_fills_submits_and_revises_the_sheet_until_the_curator_closes_the_round()
    {
        var (school, _, roundId, topics) = await app.SchoolWithOpenRoundAsync();
        var me = school.Teachers[0];
        var teacher = await school.TeacherAsync(0);
        var form = WebUtility.HtmlDecode(await teacher.GetStringAsync("/Diagnostics/Answer"));
        form.ShouldContain("Самодиагностика педагогов, осень");
        form.ShouldContain("Могу быть наставником");
        form.ShouldContain("Нужна помощь");
        form.ShouldContain("Кейс-технология");
        form.ShouldContain("эксперт, могу вести группу");
        Html.Parse(form).QuerySelector("[data-testid=sheet-state]")!.TextContent.ShouldContain($"Срок — до {DateTime.Today.AddDays(10):dd.MM.yyyy}");
        form.ShouldNotContain("Вы заполняете анкету за");

        var saved = await teacher.SaveTopicAsync(topics[0], level: 2, experience: "  Веду   кружок робототехники ");
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.BodyAsync()).ShouldContain("Сохранено");
        (await teacher.SaveTopicAsync(topics[1], priority: 3, comment: "Не умею делать видеоролики")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Without htmx the card posts as a plain form and comes back to the page.
        (await teacher.SaveTopicAsync(topics[2], level: 1, htmx: false)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var badLevel = await teacher.SaveTopicAsync(topics[3], level: 5);
        badLevel.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badLevel.BodyAsync()).ShouldContain("уровень может быть 1, 2 или 3, получено 5");
        (await (await teacher.SaveTopicAsync(topics[3], priority: 0)).BodyAsync()).ShouldContain("приоритет может быть 1, 2 или 3");
        (await (await teacher.SaveTopicAsync(topics[3], level: 1, experience: new string('а', 501))).BodyAsync()).ShouldContain("не длиннее 500 знаков");
        var foreignTopic = await app.WithDb(db => db.Topics.IgnoreQueryFilters().Where(t => t.SchoolId == app.SchoolB).Select(t => t.Id).FirstAsync());
        var foreign = await teacher.SaveTopicAsync(foreignTopic, level: 1);
        foreign.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await foreign.BodyAsync()).ShouldContain("нет в каталоге школы");
        await app.WithDb(async db => { (await db.Topics.IgnoreQueryFilters().SingleAsync(t => t.Id == topics[4])).IsRetired = true; return await db.SaveChangesAsync(); });
        (await teacher.SaveTopicAsync(topics[4], level: 1)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var submit = await teacher.PostFormAsync("/Diagnostics/Answer", "/Diagnostics/Answer?handler=Submit", new());
        submit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var done = WebUtility.HtmlDecode(await teacher.GetStringAsync("/Diagnostics/Answer"));
        done.ShouldContain("анкета отправлена");
        done.ShouldContain("Ответы можно изменить до");
        done.ShouldContain("Веду кружок робототехники");

        // Revising after submitting: drop one offer, change a need, add an offer; the sheet stays submitted.
        (await teacher.SaveTopicAsync(topics[0])).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await teacher.SaveTopicAsync(topics[1], priority: 1, comment: "Уже легче")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await teacher.SaveTopicAsync(topics[5], level: 3, priority: 2)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var state = await app.WithDb(async db => (
            Offers: await db.Offers.IgnoreQueryFilters().Where(o => o.RoundId == roundId && o.PersonId == me.PersonId).OrderBy(o => o.TopicId).Select(o => new { o.TopicId, o.Level, o.Source }).ToListAsync(),
            Needs: await db.Needs.IgnoreQueryFilters().Where(n => n.RoundId == roundId && n.PersonId == me.PersonId).OrderBy(n => n.TopicId).Select(n => new { n.TopicId, n.Priority, n.Comment }).ToListAsync(),
            Sheet: await db.RoundResponses.IgnoreQueryFilters().SingleAsync(r => r.RoundId == roundId && r.PersonId == me.PersonId)));
        state.Offers.Select(o => (o.TopicId, o.Level)).ShouldBe([(topics[2], 1), (topics[5], 3)]);
        state.Offers.ShouldAllBe(o => o.Source == AnswerSource.Self);
        state.Needs.Select(n => (n.TopicId, n.Priority, n.Comment)).ShouldBe([(topics[1], 1, "Уже легче"), (topics[5], 2, null)]);
        state.Sheet.SubmittedAt.ShouldNotBeNull();
        state.Sheet.Source.ShouldBe(AnswerSource.Self);
        state.Sheet.UpdatedBy.ShouldBe(me.Login);

        // The curator closes the round: answers are read-only and every way of changing them is refused.
        var curator = await school.CuratorAsync();
        var version = await app.WithDb(db => db.DiagnosticsRounds.IgnoreQueryFilters().Where(r => r.Id == roundId).Select(r => r.Version).SingleAsync());
        (await curator.PostFormAsync("/Diagnostics", "/Diagnostics?handler=Close", new() { ["id"] = roundId.ToString(), ["version"] = version.ToString() }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var closed = await teacher.SaveTopicAsync(topics[6], level: 2);
        closed.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await closed.BodyAsync()).ShouldContain("закрыт, ответы больше нельзя изменить");
        var readOnly = WebUtility.HtmlDecode(await teacher.GetStringAsync("/Diagnostics/Answer"));
        readOnly.ShouldContain("Тур диагностики закрыт");
        readOnly.ShouldContain("<fieldset disabled");
        readOnly.ShouldNotContain("Отправить ответы");
        var put = await teacher.PutAsJsonAsync($"/api/v1/rounds/{roundId}/answers/{me.PersonId}", new { offers = new[] { new { topicId = topics[6], level = 1 } }, submit = true });
        put.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.WithDb(db => db.Offers.IgnoreQueryFilters().CountAsync(o => o.RoundId == roundId && o.TopicId == topics[6]))).ShouldBe(0);
    }

    [Fact]
    public async Task Teacher_without_consent_is_not_offered_the_form_and_the_api_refuses_their_answers()
    {
        var (school, _, roundId, topics) = await app.SchoolWithOpenRoundAsync(teachers: 4, withoutConsent: 1);
        var noConsent = school.Teachers[3];
        var teacher = await school.TeacherAsync(3);
        var page = WebUtility.HtmlDecode(await teacher.GetStringAsync("/Diagnostics/Answer"));
        page.ShouldContain("нет согласия на обработку персональных данных");
        page.ShouldContain("после того, как куратор отметит согласие");
        page.ShouldNotContain("Могу быть наставником");
        page.ShouldNotContain("Отправить ответы");
        (await teacher.SaveTopicAsync(topics[0], level: 1)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var put = await teacher.PutAsJsonAsync($"/api/v1/rounds/{roundId}/answers/{noConsent.PersonId}", new { needs = new[] { new { topicId = topics[0], priority = 2 } } });
        put.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!.ShouldContain("нет согласия");
        // Nor can the curator fill it for them.
        var curator = await school.CuratorAsync();
        WebUtility.HtmlDecode(await curator.GetStringAsync($"/Diagnostics/Answer?personId={noConsent.PersonId}")).ShouldContain("Открыть карточку педагога и отметить согласие");
        (await curator.SaveTopicAsync(topics[0], level: 1, personId: noConsent.PersonId)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.WithDb(db => db.RoundResponses.IgnoreQueryFilters().CountAsync(r => r.RoundId == roundId))).ShouldBe(0);
        (await app.WithDb(db => db.Needs.IgnoreQueryFilters().CountAsync(n => n.RoundId == roundId))).ShouldBe(0);
    }

    [Fact]
    public async Task Curator_fills_a_sheet_on_a_teachers_behalf_and_the_audit_names_the_curator()
    {
        var (school, _, roundId, topics) = await app.SchoolWithOpenRoundAsync();
        var target = school.Teachers[1];
        var curator = await school.CuratorAsync();
        var page = WebUtility.HtmlDecode(await curator.GetStringAsync($"/Diagnostics/Answer?personId={target.PersonId}"));
        Html.Parse(page).QuerySelector("[data-testid=on-behalf]")!.TextContent.ShouldContain("Вы заполняете анкету за педагога Петрова Петра Ильича");
        (await curator.SaveTopicAsync(topics[0], level: 3, experience: "Руководитель МО", personId: target.PersonId)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await curator.SaveTopicAsync(topics[1], priority: 2, comment: "Со слов педагога", personId: target.PersonId)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await curator.PostFormAsync($"/Diagnostics/Answer?personId={target.PersonId}", $"/Diagnostics/Answer?personId={target.PersonId}&handler=Submit", new()))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var sheet = await app.WithDb(db => db.RoundResponses.IgnoreQueryFilters().SingleAsync(r => r.RoundId == roundId && r.PersonId == target.PersonId));
        (sheet.Source, sheet.UpdatedBy, sheet.SubmittedAt.HasValue).ShouldBe((AnswerSource.Curator, school.Curator, true));
        var offer = await app.WithDb(db => db.Offers.IgnoreQueryFilters().SingleAsync(o => o.RoundId == roundId && o.PersonId == target.PersonId));
        (offer.Level, offer.Source, offer.Experience).ShouldBe((3, AnswerSource.Curator, "Руководитель МО"));
        var audit = await app.WithDb(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.SchoolId == school.Id && a.UserName == school.Curator)
            .Select(a => a.EntityType).ToListAsync());
        audit.ShouldContain("Offer");
        audit.ShouldContain("Need");
        audit.ShouldContain("RoundResponse");

        // The teacher sees what was filled for them and can change it.
        var teacher = await school.TeacherAsync(1);
        var own = WebUtility.HtmlDecode(await teacher.GetStringAsync("/Diagnostics/Answer"));
        own.ShouldContain("Руководитель МО");
        own.ShouldContain("анкета отправлена");
        var list = WebUtility.HtmlDecode(await curator.GetStringAsync("/Diagnostics?show=answered"));
        Html.Parse(list).QuerySelector($"tr[data-person='{target.PersonId}']")!.TextContent.ShouldContain("куратор");
    }

    [Fact]
    public async Task Status_page_counts_answers_filters_and_searches_and_keeps_one_round_open_at_a_time()
    {
        var (school, _, roundId, topics) = await app.SchoolWithOpenRoundAsync(teachers: 4, withoutConsent: 1);
        var t1 = await school.TeacherAsync(0);
        await t1.SaveTopicAsync(topics[0], level: 2, priority: 1);
        await t1.PostFormAsync("/Diagnostics/Answer", "/Diagnostics/Answer?handler=Submit", new());
        await (await school.TeacherAsync(1)).SaveTopicAsync(topics[1], priority: 3);

        var curator = await school.CuratorAsync();
        var page = Html.Parse(await curator.GetStringAsync("/Diagnostics"));
        var counts = page.QuerySelector("[data-testid=counts]")!.TextContent;
        counts.ShouldContain("Ответили 1 из 3 педагогов");
        counts.ShouldContain($"срок до {DateTime.Today.AddDays(10):dd.MM.yyyy}");
        counts.ShouldContain("Начали, но не отправили: 1 анкета");
        counts.ShouldContain("Без согласия на обработку ПДн: 1 педагог");
        string Row(AngleSharp.Dom.IDocument d, int i) => d.QuerySelector($"tr[data-person='{school.Teachers[i].PersonId}']")!.TextContent;
        Row(page, 0).ShouldContain($"ответил(а) {DateTime.Today:dd.MM.yyyy}");
        Row(page, 0).ShouldContain("сам(а)");
        Row(page, 1).ShouldContain("черновик");
        Row(page, 2).ShouldContain("не ответил(а)");
        Row(page, 3).ShouldContain("нет согласия на обработку ПДн");
        Row(page, 3).ShouldNotContain("Заполнить за педагога");
        page.QuerySelector("a[href='/Diagnostics/Import']")!.TextContent.ShouldContain("Загрузить ответы из Google/Яндекс Форм");
        page.QuerySelector("a[href='/Diagnostics/Map']").ShouldNotBeNull();
        page.QuerySelector("a[href='/Diagnostics/Bases']").ShouldNotBeNull();

        IEnumerable<string?> Shown(AngleSharp.Dom.IDocument d) => d.QuerySelectorAll("tr[data-person]").Select(r => r.GetAttribute("data-person"));
        Shown(Html.Parse(await curator.GetStringAsync("/Diagnostics?show=answered"))).ShouldBe([school.Teachers[0].PersonId.ToString()]);
        Shown(Html.Parse(await curator.GetStringAsync("/Diagnostics?show=notanswered"))).ShouldBe(new[] { 1, 2 }.Select(i => school.Teachers[i].PersonId.ToString()), ignoreOrder: true);
        Shown(Html.Parse(await curator.GetStringAsync("/Diagnostics?show=noconsent"))).ShouldBe([school.Teachers[3].PersonId.ToString()]);
        // «Ёлкина» typed as «елкина»: the search is on the folded name.
        Shown(Html.Parse(await curator.GetStringAsync("/Diagnostics?q=" + Uri.EscapeDataString("ЕЛКИНА анна")))).ShouldBe([school.Teachers[0].PersonId.ToString()]);

        var second = await curator.PostFormAsync("/Diagnostics", "/Diagnostics?handler=Open", new() { ["Title"] = "Вторая", ["Deadline"] = DateTime.Today.AddDays(5).ToString("yyyy-MM-dd") });
        second.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()).ShouldContain("может быть открыт только один тур диагностики");

        var version = await app.WithDb(db => db.DiagnosticsRounds.IgnoreQueryFilters().Where(r => r.Id == roundId).Select(r => r.Version).SingleAsync());
        (await curator.PostFormAsync("/Diagnostics", "/Diagnostics?handler=Close", new() { ["id"] = roundId.ToString(), ["version"] = version.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // A page opened before the close holds a stale version: reopening from it is refused, not applied blindly.
        var stale = await curator.PostFormAsync("/Diagnostics", "/Diagnostics?handler=Reopen", new() { ["id"] = roundId.ToString(), ["version"] = version.ToString() });
        WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()).ShouldContain("изменил другой пользователь");
        (await curator.PostFormAsync("/Diagnostics", "/Diagnostics?handler=Reopen", new() { ["id"] = roundId.ToString(), ["version"] = (version + 1).ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var rounds = await curator.GetFromJsonAsync<JsonElement>("/api/v1/rounds");
        rounds.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == roundId).GetProperty("isOpen").GetBoolean().ShouldBeTrue();
        var past = await curator.PostFormAsync("/Diagnostics", "/Diagnostics?handler=Close", new() { ["id"] = roundId.ToString(), ["version"] = (version + 2).ToString() });
        past.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var bad = await curator.PostFormAsync("/Diagnostics", "/Diagnostics?handler=Open", new() { ["Title"] = "Третья", ["Deadline"] = "вчера" });
        WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()).ShouldContain("Укажите срок ответа");
    }

    [Fact]
    public async Task Without_a_program_the_curator_is_sent_to_create_one_and_the_teacher_is_told_no_diagnostics_runs()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var page = Html.Parse(await curator.GetStringAsync("/Diagnostics"));
        page.QuerySelector("[data-testid=no-program] a[href='/Programs']")!.TextContent.ShouldBe("Сначала создайте программу наставничества");
        var teacher = await school.TeacherAsync(0);
        WebUtility.HtmlDecode(await teacher.GetStringAsync("/Diagnostics/Answer")).ShouldContain("Диагностика сейчас не проводится");
        (await teacher.SaveTopicAsync(1, level: 1)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await SelfAssessmentSetup.AddProgramAsync(school);
        WebUtility.HtmlDecode(await curator.GetStringAsync("/Diagnostics")).ShouldContain("Туров диагностики ещё не было");
        WebUtility.HtmlDecode(await teacher.GetStringAsync("/Diagnostics/Answer")).ShouldContain("Диагностика сейчас не проводится");
    }

    [Fact]
    public async Task Api_replaces_a_sheet_guards_it_with_if_match_and_validates_in_russian()
    {
        var (school, _, roundId, topics) = await app.SchoolWithOpenRoundAsync();
        var me = school.Teachers[0];
        var teacher = await school.TeacherAsync(0);
        var url = $"/api/v1/rounds/{roundId}/answers/{me.PersonId}";
        var empty = await teacher.GetAsync(url);
        empty.Headers.ETag!.Tag.ShouldBe("\"0\"");

        var put = await teacher.PutAsJsonAsync(url, new
        {
            offers = new[] { new { topicId = topics[0], level = 2, experience = (string?)"Провожу семинары" }, new { topicId = topics[1], level = 1, experience = (string?)null } },
            needs = new[] { new { topicId = topics[2], priority = 3, comment = "Срочно нужна помощь" } },
            submit = true,
        });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = put.Headers.ETag!.Tag;
        var sheet = await put.Content.ReadFromJsonAsync<JsonElement>();
        sheet.GetProperty("offers").GetArrayLength().ShouldBe(2);
        sheet.GetProperty("needs")[0].GetProperty("comment").GetString().ShouldBe("Срочно нужна помощь");
        sheet.GetProperty("submittedAt").ValueKind.ShouldBe(JsonValueKind.String);
        sheet.GetProperty("source").GetString().ShouldBe("Self");

        // Another tab saves a topic card meanwhile; a whole-sheet PUT with the old ETag must not wipe it silently.
        (await teacher.SaveTopicAsync(topics[3], priority: 1)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { offers = new[] { new { topicId = topics[0], level = 3 } } }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        (await teacher.SendAsync(stale)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var current = await teacher.GetAsync(url);
        var fresh = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { offers = new[] { new { topicId = topics[0], level = 3 } } }) };
        fresh.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
        var replaced = await teacher.SendAsync(fresh);
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        after.GetProperty("offers").EnumerateArray().Select(o => (o.GetProperty("topicId").GetInt32(), o.GetProperty("level").GetInt32())).ShouldBe([(topics[0], 3)]);
        after.GetProperty("needs").GetArrayLength().ShouldBe(0);
        after.GetProperty("submittedAt").ValueKind.ShouldBe(JsonValueKind.String); // replacing does not take back the submission

        var invalid = await teacher.PutAsJsonAsync(url, new { offers = new[] { new { topicId = topics[0], level = 4 }, new { topicId = 999999, level = 1 } }, needs = new[] { new { topicId = topics[1], priority = 0 } } });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await invalid.Content.ReadAsStringAsync();
        problem.ShouldContain("уровень может быть 1, 2 или 3, получено 4");
        problem.ShouldContain("Темы 999999 нет в каталоге школы");
        problem.ShouldContain("приоритет может быть 1, 2 или 3, получено 0");
        var dup = await teacher.PutAsJsonAsync(url, new { offers = new[] { new { topicId = topics[0], level = 1 }, new { topicId = topics[0], level = 2 } } });
        dup.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var offers = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/offers?roundId={roundId}&topicId={topics[0]}");
        offers.EnumerateArray().Single().GetProperty("personName").GetString().ShouldBe(me.FullName);
    }

    [Fact]
    public async Task Two_tabs_saving_different_topics_at_once_keep_both_answers()
    {
        var (school, _, roundId, topics) = await app.SchoolWithOpenRoundAsync();
        var tab1 = await school.TeacherAsync(0);
        var tab2 = await school.TeacherAsync(0);
        var saves = Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? tab1 : tab2).SaveTopicAsync(topics[i], level: 1 + i % 3)).ToList();
        foreach (var r in await Task.WhenAll(saves)) r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var stored = await app.WithDb(db => db.Offers.IgnoreQueryFilters().Where(o => o.RoundId == roundId).Select(o => o.TopicId).ToListAsync());
        stored.ShouldBe(topics.Take(6), ignoreOrder: true);
        (await app.WithDb(db => db.RoundResponses.IgnoreQueryFilters().CountAsync(r => r.RoundId == roundId))).ShouldBe(1);
    }
}

[Collection("sqlite")] public sealed class SelfAssessmentTests_Sqlite(SqliteApp app) : SelfAssessmentTests(app);
[Collection("postgres")] public sealed class SelfAssessmentTests_Postgres(PostgresApp app) : SelfAssessmentTests(app);
