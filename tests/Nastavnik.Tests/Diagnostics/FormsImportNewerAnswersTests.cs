using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Diagnostics;

/// <summary>
/// A Forms export never silently overwrites newer answers (issue 10, item 2): a row older than the teacher's own save in the app,
/// or older than the round, is skipped unless the curator includes it; an empty row deletes nothing; the preview says, per
/// teacher, what is added, replaced and deleted.
/// </summary>
public abstract partial class FormsImportTests
{
    private static readonly DateTime SavedInApp = new(2026, 9, 20, 8, 0, 0, DateTimeKind.Utc); // 20.09.2026 11:00 in Moscow

    /// <summary>Анна saves 2 offers and 1 need in the app (as herself), dated <see cref="SavedInApp"/>.</summary>
    private async Task SaveInAppAsync(TestSchool school, int roundId, int excel, int syntax, int video)
    {
        var anna = await school.TeacherAsync(0);
        (await anna.SaveTopicAsync(excel, level: 3)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anna.SaveTopicAsync(syntax, level: 1)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anna.SaveTopicAsync(video, priority: 3)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.WithDb(async db =>
            await db.Offers.Where(o => o.RoundId == roundId).ExecuteUpdateAsync(u => u.SetProperty(o => o.UpdatedAt, SavedInApp)) +
            await db.Needs.Where(o => o.RoundId == roundId).ExecuteUpdateAsync(u => u.SetProperty(o => o.UpdatedAt, SavedInApp)) +
            await db.RoundResponses.Where(o => o.RoundId == roundId).ExecuteUpdateAsync(u => u.SetProperty(o => o.UpdatedAt, SavedInApp)));
    }

    private Task<List<(string Kind, string Topic, int Value, AnswerSource Source)>> AnswersAsync(int roundId, int personId) => app.WithDb(async db =>
    {
        var offers = await db.Offers.Where(o => o.RoundId == roundId && o.PersonId == personId).Select(o => new { o.Topic!.Name, o.Level, o.Source }).ToListAsync();
        var needs = await db.Needs.Where(o => o.RoundId == roundId && o.PersonId == personId).Select(o => new { o.Topic!.Name, o.Priority, o.Source }).ToListAsync();
        return offers.Select(o => ("offer", o.Name, o.Level, o.Source)).Concat(needs.Select(n => ("need", n.Name, n.Priority, n.Source))).Order().ToList();
    });

    private static string PlanOf(string html, string person) =>
        Squash(Html.Parse(html).QuerySelectorAll("[data-testid=plan] [data-plan-row]").Single(r => r.TextContent.Contains(person)).TextContent);

    [Fact]
    public async Task A_row_older_than_the_teachers_own_save_or_the_round_is_skipped_unless_included_and_the_preview_lists_each_teachers_changes()
    {
        var school = await app.NewSchoolAsync(teachers: 6, withoutConsent: 1);
        var roundId = await OpenRoundAsync(school);
        var t = school.Teachers;
        var (excel, syntax, video) = (await TopicAsync(school, "Microsoft Excel"), await TopicAsync(school, "Синтаксис"), await TopicAsync(school, "Создание видеороликов (программы)"));
        await SaveInAppAsync(school, roundId, excel, syntax, video);
        var own = await AnswersAsync(roundId, t[0].PersonId);
        own.Count.ShouldBe(3);

        byte[] File() => Csv(GoogleHeader +
            "\"14.09.2026 10:25:03\",\"Ёлкина Анна Сергеевна\",\"\",\"Кейс-технология, Синтаксис\",\"\"\n" +
            "\"28.08.2026 9:00:00\",\"Петров Пётр Ильич\",\"\",\"Синтаксис\",\"\"\n" +
            "\"15.09.2026 12:00:00\",\"Соловьёва Мария Олеговна\",\"\",\"Кейс-технология\",\"Синтаксис\"\n");
        var curator = await school.CuratorAsync();
        var upload = await UploadAsync(curator, "answers.csv", File());
        var preview = await PreviewAsync(curator, upload);
        Squash(Html.Parse(preview).QuerySelector("[data-testid=summary]")!.TextContent).ShouldContain("Будет записано: 1 тема наставника, 1 запрос помощи у 1 педагога.");
        PlanOf(preview, "Ёлкина Анна Сергеевна").ShouldContain("не загружается: ответ в файле (14.09.2026 10:25) старше ответов, сохранённых в приложении (20.09.2026 11:00)");
        PlanOf(preview, "Петров Пётр Ильич").ShouldContain("не загружается: ответ в файле (28.08.2026 09:00) дан до начала диагностики (01.09.2026 03:00)");
        var maria = PlanOf(preview, "Соловьёва Мария Олеговна");
        maria.ShouldContain("добавится: наставник — «Кейс-технология»; помощь — «Синтаксис»");
        maria.ShouldNotContain("удалится");

        var (status, done) = await CommitAsync(curator, upload);
        status.ShouldBe(HttpStatusCode.Redirect, done);
        done.ShouldContain("Загрузка завершена: ответы 1 педагога");
        done.ShouldContain("Не загружены ответы, данные раньше начала диагностики или раньше ответов в приложении: 2 строки.");
        (await AnswersAsync(roundId, t[0].PersonId)).ShouldBe(own);
        (await AnswersAsync(roundId, t[1].PersonId)).ShouldBeEmpty();
        (await AnswersAsync(roundId, t[2].PersonId)).ShouldBe([("need", "Синтаксис", 2, AnswerSource.Import), ("offer", "Кейс-технология", 2, AnswerSource.Import)]);

        // The curator includes Анна's row knowingly: the preview says what replaces and deletes her answers, and that is done.
        var again = await UploadAsync(curator, "answers.csv", File());
        var include = new Dictionary<string, string> { ["Include"] = "2" };
        var chosen = WebUtility.HtmlDecode(await (await PostAsync(curator, again, "Confirm", new(include))).Content.ReadAsStringAsync());
        var anna = PlanOf(chosen, "Ёлкина Анна Сергеевна");
        anna.ShouldContain("добавится: наставник — «Кейс-технология»");
        anna.ShouldContain("заменится: наставник — «Синтаксис» (уровень 1 → 2)");
        anna.ShouldContain("удалится: наставник — «Microsoft Excel»; помощь — «Создание видеороликов (программы)»");
        (await CommitAsync(curator, again, new(include))).Status.ShouldBe(HttpStatusCode.Redirect);
        (await AnswersAsync(roundId, t[0].PersonId)).ShouldBe([("offer", "Кейс-технология", 2, AnswerSource.Import), ("offer", "Синтаксис", 2, AnswerSource.Import)]);
        (await AnswersAsync(roundId, t[1].PersonId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_row_whose_topics_are_all_not_loaded_deletes_nothing()
    {
        var school = await app.NewSchoolAsync(teachers: 6, withoutConsent: 1);
        var roundId = await OpenRoundAsync(school);
        var t = school.Teachers;
        var curator = await school.CuratorAsync();
        var first = await UploadAsync(curator, "v1.csv", Csv(GoogleHeader + "\"14.09.2026 10:25:03\",\"Ёлкина Анна Сергеевна\",\"\",\"Кейс-технология\",\"Синтаксис\"\n"));
        (await CommitAsync(curator, first)).Status.ShouldBe(HttpStatusCode.Redirect);
        var before = await AnswersAsync(roundId, t[0].PersonId);
        before.Count.ShouldBe(2);

        // A later export: Анна marked only a topic the curator chooses not to load; Пётр answered as usual.
        var second = await UploadAsync(curator, "v2.csv", Csv(GoogleHeader +
            "\"16.09.2026 10:25:03\",\"Ёлкина Анна Сергеевна\",\"\",\"Скрайбинг\",\"\"\n" +
            "\"16.09.2026 10:30:00\",\"Петров Пётр Ильич\",\"\",\"Синтаксис\",\"\"\n"));
        var fields = MappingFields(await PreviewAsync(curator, second));
        fields["AliasKey[0]"] = "скрайбинг";
        fields["AliasTopic[0]"] = "-1";
        (await PostAsync(curator, second, "Map", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var preview = await PreviewAsync(curator, second);
        PlanOf(preview, "Ёлкина Анна Сергеевна").ShouldContain("не загружается: в строке нет ни одной темы для загрузки, ответы педагога остаются как есть");
        var (status, done) = await CommitAsync(curator, second);
        status.ShouldBe(HttpStatusCode.Redirect, done);
        done.ShouldContain("удалено — 0");
        (await AnswersAsync(roundId, t[0].PersonId)).ShouldBe(before);
        (await AnswersAsync(roundId, t[1].PersonId)).ShouldBe([("offer", "Синтаксис", 2, AnswerSource.Import)]);
    }
}
