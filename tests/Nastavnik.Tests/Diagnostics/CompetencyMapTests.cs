using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;

namespace Nastavnik.Tests.Diagnostics;

/// <summary>
/// The competency map and the mentor/mentee bases on a hand-made school of six teachers (t0…t5; even ones in «МО гуманитарных
/// наук», odd ones in «МО естественных наук») and five topics A=MET-01, B=MET-02, C=ICT-01, D=ICT-02, E=PSY-01:
/// offers t0: A3 C2 · t1: A1 D2 · t2: C3 · t4: E2; needs t0: B3 · t1: C2 · t3: A2 D3 · t4: E2 (only their own offer) · t5: B1 D2.
/// </summary>
public abstract class CompetencyMapTests(AppFixture app)
{
    private const string Humanities = "МО гуманитарных наук";
    private const string Sciences = "МО естественных наук";

    private sealed record Case(TestSchool School, int RoundId, Dictionary<string, (int Id, string Name, int DirectionId)> Topics)
    {
        public string Name(int i) => School.Teachers[i].FullName;
    }

    private async Task<Case> SeedAsync()
    {
        var school = await app.NewSchoolAsync(teachers: 6);
        var topics = await app.WithDb(db => db.Topics.Where(t => t.SchoolId == school.Id)
            .Select(t => new { t.Code, t.Id, t.Name, t.DirectionId }).ToDictionaryAsync(t => t.Code, t => (t.Id, t.Name, t.DirectionId)));
        var (_, roundId) = await school.OpenRoundAsync();
        await app.WithDb(db =>
        {
            int P(int i) => school.Teachers[i].PersonId;
            Offer O(int i, string code, int level) => new() { SchoolId = school.Id, RoundId = roundId, PersonId = P(i), TopicId = topics[code].Id, Level = level };
            Need N(int i, string code, int priority) => new() { SchoolId = school.Id, RoundId = roundId, PersonId = P(i), TopicId = topics[code].Id, Priority = priority, Comment = $"секрет {i}" };
            db.Offers.AddRange(O(0, "MET-01", 3), O(0, "ICT-01", 2), O(1, "MET-01", 1), O(1, "ICT-02", 2), O(2, "ICT-01", 3), O(4, "PSY-01", 2));
            db.Needs.AddRange(N(0, "MET-02", 3), N(1, "ICT-01", 2), N(3, "MET-01", 2), N(3, "ICT-02", 3), N(4, "PSY-01", 2), N(5, "MET-02", 1), N(5, "ICT-02", 2));
            // Everyone has sent the sheet: «ответили» counts sent sheets (Participation).
            db.RoundResponses.AddRange(Enumerable.Range(0, 6).Select(i => new RoundResponse
            { SchoolId = school.Id, RoundId = roundId, PersonId = P(i), SubmittedAt = new DateTime(2026, 9, 10, 8, 0, 0, DateTimeKind.Utc), UpdatedAt = new DateTime(2026, 9, 10, 8, 0, 0, DateTimeKind.Utc), UpdatedBy = "test" }));
            return db.SaveChangesAsync();
        });
        return new Case(school, roundId, topics);
    }

    private static string Text(AngleSharp.Dom.IDocument doc, string testId) =>
        doc.QuerySelector($"[data-testid='{testId}']")?.TextContent.Trim() ?? throw new ShouldAssertException($"no [data-testid={testId}] on the page");

    /// <summary>The matrix as teacher name → topic name → cell text, plus the supply and demand rows under "Наставники"/"Запросы".</summary>
    private static Dictionary<string, Dictionary<string, string>> Matrix(AngleSharp.Dom.IDocument doc)
    {
        var table = doc.QuerySelector("[data-testid='matrix']").ShouldNotBeNull();
        var topics = table.QuerySelectorAll("th.cm-topic").Select(th => th.GetAttribute("title")!).ToList();
        var result = new Dictionary<string, Dictionary<string, string>>();
        foreach (var tr in table.QuerySelectorAll("tbody tr"))
        {
            var name = tr.QuerySelector("th span")?.TextContent.Trim() ?? tr.QuerySelector("th")!.TextContent.Trim();
            var cells = tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            cells.Count.ShouldBe(topics.Count);
            result[name] = topics.Zip(cells).ToDictionary(x => x.First, x => x.Second);
        }
        return result;
    }

    [Fact]
    public async Task Map_shows_cells_supply_and_demand_uncovered_deficits_and_the_both_roles_share()
    {
        var c = await SeedAsync();
        var curator = await c.School.CuratorAsync();
        var doc = Html.Parse(await curator.GetStringAsync("/Diagnostics/Map"));
        string A = c.Topics["MET-01"].Name, B = c.Topics["MET-02"].Name, C = c.Topics["ICT-01"].Name, D = c.Topics["ICT-02"].Name, E = c.Topics["PSY-01"].Name;

        Text(doc, "answered").ShouldBe("6");
        Text(doc, "mentors").ShouldBe("4");
        Text(doc, "mentees").ShouldBe("5");
        Text(doc, "both").ShouldBe("3 (50 %)");
        Text(doc, "uncovered-count").ShouldBe("3");

        var m = Matrix(doc);
        m.Keys.Where(k => k is not ("Наставники" or "Запросы")).Count().ShouldBe(6);
        m[c.Name(0)][A].ShouldBe("Н3");
        m[c.Name(0)][B].ShouldBe("Д3");
        m[c.Name(0)][C].ShouldBe("Н2");
        m[c.Name(0)][D].ShouldBe("");
        m[c.Name(4)][E].ShouldBe("Н2 Д2");
        m[c.Name(3)][A].ShouldBe("Д2");
        m[c.Name(3)][D].ShouldBe("Д3");
        // Supply: mentors / sum of levels; demand: needs / sum of priorities; «!» where demand exceeds supply.
        m["Наставники"][A].ShouldBe("2/4");
        m["Запросы"][A].ShouldBe("1/2");
        m["Наставники"][B].ShouldBe("0/0");
        m["Запросы"][B].ShouldBe("2/4 !");
        m["Наставники"][C].ShouldBe("2/5");
        m["Запросы"][C].ShouldBe("1/2");
        m["Наставники"][D].ShouldBe("1/2");
        m["Запросы"][D].ShouldBe("2/5 !");
        m["Запросы"][E].ShouldBe("1/2");
        // Retired topics without answers are not columns; the catalog's other 20 active topics are.
        m["Наставники"].Count.ShouldBe(25);

        // Uncovered: nobody offers B; E is offered only by t4, who needs it themself. Highest priority first.
        var uncovered = doc.QuerySelectorAll("[data-testid='uncovered'] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        uncovered.Select(r => (r[0], r[1].Split(" · ")[0], r[2])).ShouldBe(
        [
            (c.Name(0) + " " + Humanities, B, "Д3"), (c.Name(4) + " " + Humanities, E, "Д2"), (c.Name(5) + " " + Sciences, B, "Д1"),
        ]);
        doc.QuerySelectorAll("[data-testid='short'] li .fw-medium").Select(e => e.TextContent.Trim()).ShouldBe([B, D]);

        // The htmx request gets only the fragment.
        var fragment = new HttpRequestMessage(HttpMethod.Get, "/Diagnostics/Map?dept=" + Uri.EscapeDataString(Sciences));
        fragment.Headers.Add("HX-Request", "true");
        var partial = await (await curator.SendAsync(fragment)).Content.ReadAsStringAsync();
        partial.ShouldNotContain("<html");
        partial.ShouldContain("data-testid=\"matrix\"");
    }

    [Fact]
    public async Task Map_filters_by_department_and_by_direction_and_keeps_coverage_school_wide()
    {
        var c = await SeedAsync();
        var curator = await c.School.CuratorAsync();

        var sciences = Html.Parse(await curator.GetStringAsync("/Diagnostics/Map?dept=" + Uri.EscapeDataString(Sciences)));
        Text(sciences, "answered").ShouldBe("3");
        Text(sciences, "mentors").ShouldBe("1");
        Text(sciences, "mentees").ShouldBe("3");
        Text(sciences, "both").ShouldBe("1 (33,3 %)");
        Text(sciences, "uncovered-count").ShouldBe("1"); // t5's B; t3's A and D are covered by t0 and t1 of other departments
        Matrix(sciences).Keys.Where(k => k is not ("Наставники" or "Запросы")).Order().ShouldBe(new[] { c.Name(1), c.Name(3), c.Name(5) }.Order());

        var ict = c.Topics["ICT-01"].DirectionId;
        var digital = Html.Parse(await curator.GetStringAsync($"/Diagnostics/Map?dir={ict}"));
        Text(digital, "answered").ShouldBe("6");
        Text(digital, "mentors").ShouldBe("3");
        Text(digital, "mentees").ShouldBe("3");
        Text(digital, "both").ShouldBe("1 (20 %)"); // of the five teachers with ICT answers
        Text(digital, "uncovered-count").ShouldBe("0");
        var m = Matrix(digital);
        m["Наставники"].Count.ShouldBe(5); // the five ICT topics only
        m.ShouldNotContainKey(c.Name(4)); // t4 answered only outside ICT
        m[c.Name(5)][c.Topics["ICT-02"].Name].ShouldBe("Д2");
        digital.QuerySelectorAll("[data-testid='short'] li .fw-medium").Select(e => e.TextContent.Trim()).ShouldBe([c.Topics["ICT-02"].Name]);
    }

    [Fact]
    public async Task Map_export_has_the_full_matrix_and_a_sheet_of_supply_and_demand()
    {
        var c = await SeedAsync();
        var curator = await c.School.CuratorAsync();
        var response = await curator.GetAsync("/Diagnostics/Map?handler=Export");
        response.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxWriter.ContentType);
        var sheets = XlsxFile.Read(await response.Content.ReadAsByteArrayAsync());
        sheets.Keys.ShouldBe(["Карта компетенций", "Спрос и предложение", "Непокрытые дефициты"]);

        var matrix = sheets["Карта компетенций"];
        matrix[0][..2].ShouldBe(["ФИО", "МО"]);
        var colA = matrix[0].IndexOf("Методическое наставничество: " + c.Topics["MET-01"].Name);
        var colE = matrix[0].IndexOf("Психолого-педагогическое сопровождение обучающихся: " + c.Topics["PSY-01"].Name);
        colA.ShouldBeGreaterThan(1);
        matrix.Count.ShouldBe(7);
        var t0 = matrix.Single(r => r[0] == c.Name(0));
        (t0[1], t0[colA]).ShouldBe((Humanities, "Н3"));
        matrix.Single(r => r[0] == c.Name(4))[colE].ShouldBe("Н2 Д2");

        var balance = sheets["Спрос и предложение"];
        balance[0].ShouldBe(["Направление", "Тема", "Наставников", "Сумма уровней", "Запросов", "Сумма приоритетов", "Запросов больше, чем наставников", "Непокрытых дефицитов"]);
        balance.Count.ShouldBe(26);
        balance.Single(r => r[1] == c.Topics["MET-02"].Name)[2..].ShouldBe(["0", "0", "2", "4", "да", "2"]);
        balance.Single(r => r[1] == c.Topics["ICT-02"].Name)[2..].ShouldBe(["1", "2", "2", "5", "да", "0"]);
        balance.Single(r => r[1] == c.Topics["PSY-01"].Name)[2..].ShouldBe(["1", "2", "1", "2", "нет", "1"]);
        sheets["Непокрытые дефициты"].Skip(1).Select(r => (r[0], r[3], r[4])).ShouldBe(
            [(c.Name(0), c.Topics["MET-02"].Name, "3"), (c.Name(4), c.Topics["PSY-01"].Name, "2"), (c.Name(5), c.Topics["MET-02"].Name, "1")]);

        // The filter of the page applies to the export too.
        var sciences = XlsxFile.Read(await curator.GetByteArrayAsync("/Diagnostics/Map?handler=Export&dept=" + Uri.EscapeDataString(Sciences)));
        sciences["Карта компетенций"].Skip(1).Select(r => r[0]).Order().ShouldBe(new[] { c.Name(1), c.Name(3), c.Name(5) }.Order());
    }

    [Fact]
    public async Task Bases_list_mentors_and_mentees_by_direction_and_topic_on_screen_and_in_xlsx()
    {
        var c = await SeedAsync();
        var curator = await c.School.CuratorAsync();
        var page = Html.Parse(await curator.GetStringAsync("/Diagnostics/Bases"));
        var metA = page.QuerySelectorAll("[data-testid='topic']").Single(t => t.QuerySelector(".card-header")!.TextContent.Trim() == c.Topics["MET-01"].Name);
        metA.QuerySelectorAll("li .fw-medium").Select(e => e.TextContent).ShouldBe([c.Name(0), c.Name(1)]); // level 3 before level 1

        var mentors = TableFileReader.Read("m.xlsx", await curator.GetByteArrayAsync("/Diagnostics/Bases?handler=Export"));
        mentors.Headers.ShouldBe(["Направление", "Тема", "ФИО (Фамилия Имя Отчество)", "Уровень", "МО"]);
        mentors.Rows.Select(r => string.Join("|", r.Cells)).ShouldBe(
        [
            $"Методическое наставничество|{c.Topics["MET-01"].Name}|{c.Name(0)}|3|{Humanities}",
            $"Методическое наставничество|{c.Topics["MET-01"].Name}|{c.Name(1)}|1|{Sciences}",
            $"ИКТ-наставничество|{c.Topics["ICT-01"].Name}|{c.Name(2)}|3|{Humanities}",
            $"ИКТ-наставничество|{c.Topics["ICT-01"].Name}|{c.Name(0)}|2|{Humanities}",
            $"ИКТ-наставничество|{c.Topics["ICT-02"].Name}|{c.Name(1)}|2|{Sciences}",
            $"Психолого-педагогическое сопровождение обучающихся|{c.Topics["PSY-01"].Name}|{c.Name(4)}|2|{Humanities}",
        ]);

        // Filters by department and direction apply on screen and in the file.
        var ict = c.Topics["ICT-01"].DirectionId;
        var sciences = TableFileReader.Read("s.xlsx", await curator.GetByteArrayAsync($"/Diagnostics/Bases?handler=Export&dir={ict}&dept=" + Uri.EscapeDataString(Sciences)));
        sciences.Rows.Select(r => (r.Cells[1], r.Cells[2])).ShouldBe([(c.Topics["ICT-02"].Name, c.Name(1))]);
        Html.Parse(await curator.GetStringAsync($"/Diagnostics/Bases?dir={ict}")).QuerySelectorAll("[data-testid='topic']").Length.ShouldBe(5);

        var menteePage = await curator.GetStringAsync("/Diagnostics/Bases?tab=mentees");
        menteePage.ShouldContain("База наставляемых");
        var mentees = TableFileReader.Read("n.xlsx", await curator.GetByteArrayAsync("/Diagnostics/Bases?handler=Export&tab=mentees"));
        mentees.Headers[3].ShouldBe("Приоритет");
        mentees.Rows.Count.ShouldBe(7);
        mentees.Rows.Where(r => r.Cells[1] == c.Topics["MET-02"].Name).Select(r => (r.Cells[2], r.Cells[3])).ShouldBe([(c.Name(0), "3"), (c.Name(5), "1")]);
    }

    [Fact]
    public async Task A_teacher_sees_the_mentor_base_but_not_the_map_the_mentee_base_or_colleagues_needs()
    {
        var c = await SeedAsync();
        var teacher = await c.School.TeacherAsync(0); // has offers and needs of their own
        foreach (var url in new[] { "/Diagnostics/Map", "/Diagnostics/Map?handler=Export", "/Diagnostics/Bases?tab=mentees", "/Diagnostics/Bases?handler=Export&tab=mentees" })
        {
            var denied = await teacher.GetAsync(url);
            denied.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            denied.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied", customMessage: url);
        }

        var page = await teacher.GetStringAsync("/Diagnostics/Bases");
        page.ShouldContain("База наставников");
        page.ShouldContain(c.Name(2)); // a colleague's offer is open to staff
        page.ShouldNotContain("База наставляемых");
        page.ShouldNotContain("секрет");
        // t3 and t5 only need help: their names appear nowhere a teacher can look.
        page.ShouldNotContain(c.Name(3));
        page.ShouldNotContain(c.Name(5));
        var export = TableFileReader.Read("m.xlsx", await teacher.GetByteArrayAsync("/Diagnostics/Bases?handler=Export"));
        export.Headers[3].ShouldBe("Уровень");
        export.Rows.Count.ShouldBe(6);
        export.Rows.ShouldNotContain(r => r.Cells[2] == c.Name(3) || r.Cells[2] == c.Name(5));
        // Even a crafted export of mentors with a mentee flag in another spelling shows offers only.
        var odd = TableFileReader.Read("m.xlsx", await teacher.GetByteArrayAsync("/Diagnostics/Bases?handler=Export&tab=Mentees"));
        odd.Rows.ShouldNotContain(r => r.Cells[2] == c.Name(3) || r.Cells[2] == c.Name(5));
    }

    [Fact]
    public async Task Curator_of_another_school_sees_nothing_of_this_one()
    {
        var c = await SeedAsync();
        var curatorB = await app.CuratorOfBAsync();
        foreach (var url in new[] { $"/Diagnostics/Map?round={c.RoundId}", $"/Diagnostics/Bases?round={c.RoundId}", $"/Diagnostics/Bases?round={c.RoundId}&tab=mentees" })
        {
            var html = await curatorB.GetStringAsync(url);
            for (var i = 0; i < 6; i++) html.ShouldNotContain(c.Name(i), customMessage: url);
        }
        var export = await curatorB.GetAsync($"/Diagnostics/Bases?handler=Export&tab=mentees&round={c.RoundId}");
        if (export.Content.Headers.ContentType?.MediaType == XlsxWriter.ContentType)
            TableFileReader.Read("x.xlsx", await export.Content.ReadAsByteArrayAsync()).Rows.ShouldNotContain(r => r.Cells.Any(cell => cell.Contains("Ёлкина")));
        else
            export.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Empty_states_point_to_the_program_and_to_diagnostics()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var noProgram = Html.Parse(await curator.GetStringAsync("/Diagnostics/Map"));
        noProgram.QuerySelector("[data-testid='empty'] a")!.GetAttribute("href").ShouldBe("/Programs");

        await school.OpenRoundAsync();
        var noAnswers = Html.Parse(await curator.GetStringAsync("/Diagnostics/Map"));
        Text(noAnswers, "empty").ShouldContain("Карта появится, когда педагоги ответят на диагностику");
        noAnswers.QuerySelector("[data-testid='empty'] a")!.GetAttribute("href").ShouldBe("/Diagnostics");
        Text(Html.Parse(await curator.GetStringAsync("/Diagnostics/Bases")), "empty").ShouldContain("появится, когда педагоги ответят");
    }

    [Fact]
    public async Task Map_of_a_big_school_pages_teachers_while_the_figures_cover_everyone()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var (_, roundId) = await school.OpenRoundAsync();
        await app.WithDb(async db =>
        {
            var people = Enumerable.Range(1, 120).Select(i => new Person { SchoolId = school.Id, LastName = $"Учитель{i:000}", FirstName = "Иван", Department = "МО" }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            var topic = await db.Topics.Where(t => t.SchoolId == school.Id).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
            db.Offers.AddRange(people.Select(p => new Offer { SchoolId = school.Id, RoundId = roundId, PersonId = p.Id, TopicId = topic, Level = 2 }));
            return await db.SaveChangesAsync();
        });
        var curator = await school.CuratorAsync();
        var first = Html.Parse(await curator.GetStringAsync("/Diagnostics/Map"));
        Text(first, "mentors").ShouldBe("120");
        first.QuerySelectorAll("[data-testid='matrix'] tbody tr").Length.ShouldBe(2 + 100);
        var second = Html.Parse(await curator.GetStringAsync("/Diagnostics/Map?p=2"));
        second.QuerySelectorAll("[data-testid='matrix'] tbody tr").Length.ShouldBe(2 + 20);
        Text(second, "mentors").ShouldBe("120");
        second.QuerySelector("[data-testid='matrix'] tbody tr:nth-child(3) th span")!.TextContent.ShouldBe("Учитель101 Иван");
        var export = XlsxFile.Read(await curator.GetByteArrayAsync("/Diagnostics/Map?handler=Export"));
        export["Карта компетенций"].Count.ShouldBe(121);
    }
}

[Collection("sqlite")] public sealed class CompetencyMapTests_Sqlite(SqliteApp app) : CompetencyMapTests(app);
[Collection("postgres")] public sealed class CompetencyMapTests_Postgres(PostgresApp app) : CompetencyMapTests(app);
