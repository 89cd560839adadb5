using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Monitoring;

namespace Nastavnik.Tests.Monitoring;

/// <summary>
/// The monitoring dashboard, its A4 view and the psychologist's climate page through HTTP, on a small program built by hand: five
/// pairs (one ended early), a teacher who is both mentor and mentee, held meetings, pulses, a climate survey, SWOT items and last
/// year's snapshot. The grouping by month and the climate's aggregates are SQL, so both providers run it.
/// </summary>
public abstract class DashboardTests(AppFixture app)
{
    private sealed record World(TestSchool School, int ProgramId, int PreviousId, Dictionary<string, int> Topics, string Secret);

    private async Task<World> BuildAsync()
    {
        var school = await app.NewSchoolAsync(teachers: 8);
        var (programId, roundId) = await school.OpenRoundAsync();
        var topics = await school.TopicIdsAsync();
        var t = school.Teachers;
        var secret = "секрет-" + Guid.NewGuid().ToString("N")[..8];
        var previousId = await app.WithDb(async db =>
        {
            var previous = new MentoringProgram { SchoolId = school.Id, Name = "Программа 2025/2026", StartDate = new(2025, 9, 1), EndDate = new(2026, 6, 30), Status = ProgramStatus.Completed };
            db.Programs.Add(previous);
            await db.SaveChangesAsync();
            var last = new ProgramIndicatorReport(previous.Id, previous.Name, 2026, new(2026, 6, 30),
                [new IndicatorResult("coverage", "Охват педагогов наставничеством", "%", 12.5m, 20m, IndicatorStatus.Below, "", "", 1, 8, false, null)]);
            db.IndicatorSnapshots.Add(new IndicatorSnapshot { SchoolId = school.Id, ProgramId = previous.Id, TakenAt = new(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc), TakenBy = "curator", ValuesJson = JsonSerializer.Serialize(last) });

            var program = await db.Programs.SingleAsync(p => p.Id == programId);
            program.PreviousProgramId = previous.Id;
            var coverage = new ProgramIndicator { SchoolId = school.Id, ProgramId = programId, Code = "coverage", Name = "Охват педагогов наставничеством", Unit = "%" };
            db.ProgramIndicators.Add(coverage);
            await db.SaveChangesAsync();
            db.IndicatorTargets.Add(new IndicatorTarget { SchoolId = school.Id, IndicatorId = coverage.Id, Year = 2027, Value = 30 });

            MentoringPair Pair(int mentor, int mentee, string topic, PairStatus status, DateTime? started = null, DateTime? ended = null)
            {
                var p = new MentoringPair
                {
                    SchoolId = school.Id, ProgramId = programId, MentorId = t[mentor].PersonId, MenteeId = t[mentee].PersonId, TopicId = topics[topic],
                    ApprovedAt = new(2026, 9, 20, 9, 0, 0, DateTimeKind.Utc), ApprovedBy = "curator", Status = status, StartedAt = started, EndedAt = ended,
                    EndReason = status == PairStatus.EndedEarly ? PairEndReason.DidNotWork : null,
                };
                db.MentoringPairs.Add(p);
                return p;
            }
            var oct = new DateTime(2026, 10, 5, 9, 0, 0, DateTimeKind.Utc);
            var p01 = Pair(0, 1, "MET-01", PairStatus.Active, oct);
            Pair(0, 2, "MET-02", PairStatus.Active, oct);
            Pair(1, 3, "MET-01", PairStatus.Approved);
            Pair(4, 5, "ICT-02", PairStatus.Completed, oct, new(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc));
            Pair(6, 7, "ICT-01", PairStatus.EndedEarly, oct, new(2026, 11, 12, 9, 0, 0, DateTimeKind.Utc));
            db.Offers.Add(new Offer { SchoolId = school.Id, RoundId = roundId, PersonId = t[0].PersonId, TopicId = topics["MET-01"], Level = 3 });
            db.Offers.Add(new Offer { SchoolId = school.Id, RoundId = roundId, PersonId = t[4].PersonId, TopicId = topics["ICT-02"], Level = 3 });
            foreach (var i in new[] { 1, 2, 3 })
                db.Needs.Add(new Need { SchoolId = school.Id, RoundId = roundId, PersonId = t[i].PersonId, TopicId = topics["MET-0" + i], Priority = 2, Comment = secret });
            await db.SaveChangesAsync();
            db.Meetings.Add(new Meeting { SchoolId = school.Id, ProgramId = programId, MentorId = p01.MentorId, StartsAt = oct, DurationMinutes = 90, Status = MeetingStatus.Held, CreatedBy = "t" });
            db.Meetings.Add(new Meeting { SchoolId = school.Id, ProgramId = programId, MentorId = p01.MentorId, StartsAt = oct.AddDays(30), DurationMinutes = 30, Status = MeetingStatus.Held, CreatedBy = "t" });
            db.Meetings.Add(new Meeting { SchoolId = school.Id, ProgramId = programId, MentorId = p01.MentorId, StartsAt = oct.AddDays(31), DurationMinutes = 60, Status = MeetingStatus.NotHeld, CreatedBy = "t" });

            // Pulses: 2 answers in October (too few to show), 5 in November, 4 of them at 4 or above.
            var pulse = Survey(db, school.Id, programId, "Пульс пары", SurveyKind.Pulse, QuestionMeasure.Satisfaction);
            // The climate survey: 5 answers on the scale and a comment; a second survey with 4 answers stays hidden.
            var climate = Survey(db, school.Id, programId, "Климат в коллективе", SurveyKind.Custom, QuestionMeasure.Climate);
            var small = Survey(db, school.Id, programId, "Малый опрос", SurveyKind.Custom, QuestionMeasure.Climate);
            await db.SaveChangesAsync();
            Answer(db, pulse, new(2026, 10, 20), 5);
            Answer(db, pulse, new(2026, 10, 21), 2);
            foreach (var v in new[] { 5, 4, 4, 4, 1 }) Answer(db, pulse, new(2026, 11, 10), v);
            foreach (var v in new[] { 5, 4, 4, 3, 3 }) Answer(db, climate, new(2026, 11, 11), v, secret);
            foreach (var v in new[] { 1, 1, 2, 2 }) Answer(db, small, new(2026, 11, 11), v);
            db.SwotItems.Add(new SwotItem { SchoolId = school.Id, ProgramId = programId, Quadrant = SwotQuadrant.Strength, Text = "Опытные наставники", Count = 4 });
            db.SwotItems.Add(new SwotItem { SchoolId = school.Id, ProgramId = programId, Quadrant = SwotQuadrant.Threat, Text = "Нагрузка педагогов", Count = 2 });
            await db.SaveChangesAsync();
            return previous.Id;
        });
        return new World(school, programId, previousId, topics, secret);
    }

    private static Survey Survey(AppDbContext db, int schoolId, int programId, string title, SurveyKind kind, QuestionMeasure measure)
    {
        var s = new Survey
        {
            SchoolId = schoolId, ProgramId = programId, Title = title, Kind = kind, Anonymous = true, Audience = SurveyAudience.ProgramPairs,
            Status = SurveyStatus.Sent, SentAt = new(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc), CreatedBy = "curator",
            Questions =
            [
                new SurveyQuestion { SchoolId = schoolId, SortOrder = 1, Type = QuestionType.Scale5, Text = "Насколько вам комфортно?", Measure = measure },
                new SurveyQuestion { SchoolId = schoolId, SortOrder = 2, Type = QuestionType.LongText, Text = "Комментарий" },
            ],
        };
        db.Surveys.Add(s);
        return s;
    }

    private static void Answer(AppDbContext db, Survey survey, DateOnly day, int value, string? comment = null)
    {
        var r = new SurveyResponse { Id = Guid.NewGuid(), SchoolId = survey.SchoolId, SurveyId = survey.Id, Day = day };
        r.Answers.Add(new SurveyAnswer { Id = Guid.NewGuid(), SchoolId = survey.SchoolId, QuestionId = survey.Questions[0].Id, Number = value });
        if (comment is not null) r.Answers.Add(new SurveyAnswer { Id = Guid.NewGuid(), SchoolId = survey.SchoolId, QuestionId = survey.Questions[1].Id, Text = comment });
        db.SurveyResponses.Add(r);
    }

    [Fact]
    public async Task The_curator_sees_the_indicator_cards_the_trends_supply_and_demand_and_last_year_beside_this_one()
    {
        var w = await BuildAsync();
        var curator = await w.School.CuratorAsync();

        var html = Html.Parse(await curator.GetStringAsync("/Monitoring"));   // the active program by default

        var card = html.QuerySelector("[data-testid=indicator-card][data-code=coverage]").ShouldNotBeNull("a card per indicator");
        card.TextContent.ShouldContain("Охват педагогов наставничеством");
        card.TextContent.ShouldContain("цель: 30 %");
        card.QuerySelector("[data-testid=indicator-status]")!.TextContent.Trim().ShouldBeOneOf("достигнуто", "близко к цели", "ниже цели", "нет данных", "цель не задана");
        card.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/Monitoring/{w.ProgramId}/Indicators/coverage");
        html.QuerySelector("[data-testid=monitoring-swot-link]")!.GetAttribute("href").ShouldBe($"/Monitoring/{w.ProgramId}/Swot");
        html.QuerySelector("[data-testid=menu-swot]")!.GetAttribute("href").ShouldBe("/Monitoring?handler=Swot");
        var swot = await curator.GetAsync("/Monitoring?handler=Swot");
        swot.Headers.Location!.ToString().ShouldBe($"/Monitoring/{w.ProgramId}/Swot", "the menu's entry opens the current program's SWOT");
        Html.Parse(await curator.GetStringAsync($"/Monitoring/{w.ProgramId}/Swot")).QuerySelector("h1")!.TextContent.ShouldContain("SWOT");

        var months = html.QuerySelectorAll("[data-testid=monitoring-months] tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        var october = months.Single(r => r[0] == "октябрь 2026");
        var november = months.Single(r => r[0] == "ноябрь 2026");
        // Held meetings only; pairs started in October (4) and ended in November (2); satisfaction only from 5 answers a month.
        october.ShouldBe(["октябрь 2026", "1", "1,5 ч", "4", "0", "мало ответов"]);
        november.ShouldBe(["ноябрь 2026", "1", "0,5 ч", "0", "2", "80 %"]);
        months[0][0].ShouldBe("сентябрь 2026");   // the axis starts with the program

        var balance = html.QuerySelectorAll("[data-testid=monitoring-balance] tbody tr").ToDictionary(r => r.Children[0].TextContent.Trim(), r => (r.Children[1].TextContent, r.Children[2].TextContent));
        balance["Методическое наставничество"].ShouldBe(("1", "3"));
        balance["ИКТ-наставничество"].ShouldBe(("1", "0"));

        var comparison = html.QuerySelector("[data-testid=monitoring-comparison]").ShouldNotBeNull("last year beside this year");
        comparison.TextContent.ShouldContain("Программа 2025/2026");
        comparison.QuerySelector("[data-testid=comparison-row]")!.Children[1].TextContent.ShouldBe("12,5 %");

        var data = JsonDocument.Parse(html.QuerySelector("#monitoring-data")!.GetAttribute("data-chart")!).RootElement;
        data.GetProperty("comparison").GetProperty("lastYear")[0].GetDecimal().ShouldBe(12.5m);
        html.QuerySelectorAll("script:not([src])").ShouldBeEmpty();
        html.DocumentElement.TextContent.ShouldNotContain(w.Secret);
    }

    [Fact]
    public async Task The_network_has_the_people_of_the_pairs_and_an_edge_from_each_mentor_to_each_mentee()
    {
        var w = await BuildAsync();
        var curator = await w.School.CuratorAsync();
        var t = w.School.Teachers;

        var json = JsonDocument.Parse(await curator.GetStringAsync($"/Monitoring/{w.ProgramId}/Network")).RootElement;

        var nodes = json.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetInt32(),
            n => (n.GetProperty("name").GetString(), n.GetProperty("mentor").GetBoolean(), n.GetProperty("mentee").GetBoolean()));
        // The pair ended early is no link any more: teachers 6 and 7 are not in the network.
        nodes.Keys.ShouldBe(t.Take(6).Select(x => x.PersonId), ignoreOrder: true);
        nodes[t[1].PersonId].ShouldBe((t[1].FullName, true, true));   // both mentor and mentee
        nodes[t[0].PersonId].ShouldBe((t[0].FullName, true, false));
        var edges = json.GetProperty("edges").EnumerateArray().Select(e => (e.GetProperty("mentor").GetInt32(), e.GetProperty("mentee").GetInt32(), e.GetProperty("live").GetBoolean())).ToList();
        edges.ShouldBe([(t[0].PersonId, t[1].PersonId, true), (t[0].PersonId, t[2].PersonId, true), (t[1].PersonId, t[3].PersonId, true), (t[4].PersonId, t[5].PersonId, false)], ignoreOrder: true);
        json.GetProperty("directions").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ShouldBe(["Методическое наставничество", "ИКТ-наставничество"], ignoreOrder: true);

        // The text alternative on the page: who mentors whom, the teacher in both roles marked.
        var html = Html.Parse(await curator.GetStringAsync($"/Monitoring/{w.ProgramId}"));
        var rows = html.QuerySelectorAll("[data-testid=network-row]").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBe(4);
        rows.ShouldContain(r => r.Contains(t[1].FullName + " ⇄ (и наставник, и наставляемый)") && r.Contains(t[3].FullName));
        html.QuerySelector("#network-graph")!.GetAttribute("data-url").ShouldBe($"/Monitoring/{w.ProgramId}/Network");
    }

    [Fact]
    public async Task The_A4_view_has_the_school_the_program_the_date_the_indicators_with_status_SWOT_and_last_year()
    {
        var w = await BuildAsync();
        var curator = await w.School.CuratorAsync();

        var html = Html.Parse(await curator.GetStringAsync($"/Monitoring/{w.ProgramId}/Print"));

        var text = html.DocumentElement.TextContent;
        text.ShouldContain($"Тестовая школа");
        text.ShouldContain("Мониторинг программы наставничества «Программа наставничества 2026/2027»");
        text.ShouldContain("Сведения на " + DateTime.UtcNow.ToString("dd.MM.yyyy"));
        html.QuerySelector("nav").ShouldBeNull("no navigation on paper");
        var row = html.QuerySelector("[data-testid=print-indicator]").ShouldNotBeNull();
        row.TextContent.ShouldContain("Охват педагогов наставничеством");
        row.TextContent.ShouldContain("30 %");
        var swot = html.QuerySelector("[data-testid=monitoring-swot]").ShouldNotBeNull("the SWOT grid when there are items");
        swot.TextContent.ShouldContain("Опытные наставники (4)");
        swot.TextContent.ShouldContain("Угрозы");
        html.QuerySelector("[data-testid=monitoring-comparison]").ShouldNotBeNull();
        html.QuerySelectorAll("canvas").Length.ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task The_psychologist_sees_climate_scales_of_five_answers_or_more_never_a_single_answer_or_text()
    {
        var w = await BuildAsync();
        var psychologist = await w.School.PsychologistAsync();

        var html = Html.Parse(await psychologist.GetStringAsync("/Monitoring/Climate"));

        var scales = html.QuerySelectorAll("[data-testid=climate-scale]").ToList();
        // The climate survey (5 answers) and the pulses taken together (7 answers); the survey of 4 answers is not shown.
        scales.Count.ShouldBe(2);
        var climate = scales.Single(s => s.TextContent.Contains("Климат в коллективе"));
        climate.QuerySelector("[data-testid=climate-mean]")!.TextContent.ShouldBe("3,8");
        climate.TextContent.ShouldContain("5 ответов");
        climate.QuerySelectorAll("tbody tr").Select(r => r.TextContent.Trim()).ShouldBe(["1 0", "2 0", "3 2", "4 2", "5 1"]);
        scales.Single(s => s.TextContent.Contains("Пульс-опросы пар")).TextContent.ShouldContain("7 ответов");
        html.DocumentElement.TextContent.ShouldNotContain("Малый опрос");
        html.DocumentElement.TextContent.ShouldNotContain(w.Secret);
        html.QuerySelector("[data-testid=climate-without-pair]").ShouldNotBeNull().TextContent.ShouldContain("Наставника получили все");

        // Past the page, the psychologist's own queries see no answer at all: the aggregates come only from the named query.
        await using var scope = SignedInScope.As(app, w.School.Id, w.School.Admin.Replace("-admin", "-psy"), Roles.Psychologist);
        var db = scope.Get<AppDbContext>();
        (await db.SurveyAnswers.CountAsync()).ShouldBe(0);
        (await db.SurveyResponses.CountAsync()).ShouldBe(0);
        (await db.ClimateScalesAsync(w.ProgramId)).Select(s => s.Answers).ShouldBe([5, 7], ignoreOrder: true);
    }

    [Fact]
    public async Task A_teacher_and_the_psychologist_are_refused_the_dashboard_and_another_school_finds_nothing()
    {
        var w = await BuildAsync();
        string[] managerOnly = ["/Monitoring", $"/Monitoring/{w.ProgramId}", $"/Monitoring/{w.ProgramId}/Network", $"/Monitoring/{w.ProgramId}/Print"];
        foreach (var (who, client, urls) in new[]
        {
            ("teacher", await w.School.TeacherAsync(0), managerOnly.Append("/Monitoring/Climate").ToArray()),
            ("psychologist", await w.School.PsychologistAsync(), managerOnly),
        })
        {
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{who} {url}");
                response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied", customMessage: $"{who} {url}");
            }
        }
        (await (await w.School.TeacherAsync(0)).GetAsync("/Account/AccessDenied")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var other = await app.CuratorOfBAsync();
        foreach (var url in new[] { $"/Monitoring/{w.ProgramId}", $"/Monitoring/{w.ProgramId}/Network", $"/Monitoring/{w.ProgramId}/Print", $"/Monitoring/Climate?program={w.ProgramId}" })
            (await other.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
    }
}

[Collection("sqlite")] public sealed class DashboardTests_Sqlite(SqliteApp app) : DashboardTests(app);
[Collection("postgres")] public sealed class DashboardTests_Postgres(PostgresApp app) : DashboardTests(app);
