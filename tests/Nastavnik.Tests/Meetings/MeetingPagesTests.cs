using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Meetings;
using static Nastavnik.Tests.Meetings.MeetingCase;

namespace Nastavnik.Tests.Meetings;

/// <summary>
/// The entry points of meetings over HTTP on the app's real clock (the program is moved around today): the API with If-Match, the
/// pages' refusals, and the teacher's cabinet with its blocks and their empty texts.
/// </summary>
public abstract class MeetingPagesTests(AppFixture app)
{
    private static async Task<string> TextOf(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));

    private static readonly DateOnly Today = DateOnly.FromDateTime(SchoolTime.Local(DateTime.UtcNow));

    private async Task<MeetingCase> AroundTodayAsync()
    {
        var c = await SeedAsync(app);
        await app.WithDb(async db =>
        {
            var program = await db.Programs.SingleAsync(p => p.Id == c.Match.ProgramId);
            (program.StartDate, program.EndDate) = (Today.AddDays(-60), Today.AddDays(300));
            return await db.SaveChangesAsync();
        });
        return c;
    }

    [Fact]
    public async Task The_api_plans_a_meeting_and_changes_it_only_with_the_version_read()
    {
        var c = await AroundTodayAsync();
        var mentee = await c.School.TeacherAsync(1);
        var day = Today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var past = await mentee.PostAsJsonAsync("/api/v1/meetings", new { pairId = c.Pair, kind = "Organizational", date = Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), time = "15:00", durationMinutes = 45 });
        past.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await TextOf(past)).ShouldContain("Встречу в прошлом запланировать нельзя");

        var created = await mentee.PostAsJsonAsync("/api/v1/meetings", new { pairId = c.Pair, kind = "Organizational", date = day, time = "15:00", durationMinutes = 45, onlineLink = "https://meet.example/x" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var dto = (await created.Content.ReadFromJsonAsync<MeetingsApi.MeetingDto>(Json))!;
        dto.StartsAtLocal.ShouldBe(Today.AddDays(3).ToDateTime(new TimeOnly(15, 0)));
        var etag = created.Headers.ETag!.Tag;

        var body = new { kind = "Organizational", date = day, time = "16:30", durationMinutes = 60 };
        (await mentee.PutAsJsonAsync($"/api/v1/meetings/{dto.Id}", body)).StatusCode.ShouldBe((HttpStatusCode)428);
        var mentor = await c.School.TeacherAsync(0);
        var first = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/meetings/{dto.Id}") { Content = JsonContent.Create(body) };
        first.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        (await mentor.SendAsync(first)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/meetings/{dto.Id}") { Content = JsonContent.Create(body with { time = "09:00" }) };
        second.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        (await mentee.SendAsync(second)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        var ics = await mentee.GetAsync($"/api/v1/meetings/{dto.Id}/ics");
        ics.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        (await ics.Content.ReadAsStringAsync()).ShouldContain("DTSTART;TZID=Europe/Moscow:" + Today.AddDays(3).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "T163000");
    }

    [Fact]
    public async Task The_plan_page_names_the_programs_period_and_a_stale_edit_keeps_the_typed_agenda()
    {
        var c = await AroundTodayAsync();
        var mentor = await c.School.TeacherAsync(0);
        var outside = Today.AddDays(400).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var page = await mentor.PostFormAsync($"/Meetings?pair={c.Pair}", $"/Meetings?pair={c.Pair}", new()
        {
            ["Input.Kind"] = "Organizational", ["Input.Date"] = outside, ["Input.Time"] = "15:00", ["Input.DurationMinutes"] = "45",
        });
        var text = await TextOf(page);
        text.ShouldContain($"Дата встречи вне срока программы «Программа наставничества 2026/2027»: с {Today.AddDays(-60):dd.MM.yyyy} по {Today.AddDays(300):dd.MM.yyyy}.");

        c.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        var planned = (await c.As(0, m => m.PlanAsync(c.Pair, false, Input(MeetingKind.Organizational, Today.AddDays(2).Day, month: Today.AddDays(2).Month, year: Today.AddDays(2).Year), default))).Value!;
        var form = await mentor.GetStringAsync($"/Meetings/{planned.Id}");
        (await c.As(1, m => m.UpdateAsync(planned.Id, Input(MeetingKind.Organizational, Today.AddDays(3).Day, month: Today.AddDays(3).Month, year: Today.AddDays(3).Year), planned.Version, default))).Ok.ShouldBeTrue();
        var stale = await mentor.PostAsync($"/Meetings/{planned.Id}?handler=Edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.Token(form), ["Version"] = planned.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Kind"] = "Organizational", ["Input.Date"] = Today.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Time"] = "15:00", ["Input.DurationMinutes"] = "45", ["Input.Agenda"] = "Моя новая повестка",
        }));
        var staleText = await TextOf(stale);
        staleText.ShouldContain("её изменил другой участник");
        Html.Parse(staleText).QuerySelector("textarea[name='Input.Agenda']")!.TextContent.Trim().ShouldBe("Моя новая повестка");
    }

    [Fact]
    public async Task The_cabinet_shows_the_next_meeting_tasks_due_and_what_waits_and_says_what_fills_an_empty_block()
    {
        var c = await AroundTodayAsync();
        c.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        var soon = Today.AddDays(2);
        var planned = (await c.As(0, m => m.PlanAsync(c.Pair, false, Input(MeetingKind.Organizational, soon.Day, month: soon.Month, year: soon.Year), default))).Value!;
        await app.WithDb(async db =>
        {
            var plan = new DevelopmentPlan { SchoolId = c.School.Id, ProgramId = c.Match.ProgramId, MenteeId = c.P(1) };
            db.Add(plan);
            await db.SaveChangesAsync();
            db.PlanTasks.AddRange(
                new PlanTask { SchoolId = c.School.Id, PlanId = plan.Id, PairId = c.Pair, Title = "Посетить урок наставника", DueOn = Today.AddDays(5), Owner = PlanTaskOwner.Mentee },
                new PlanTask { SchoolId = c.School.Id, PlanId = plan.Id, PairId = c.Pair, Title = "Подобрать материалы", DueOn = Today.AddDays(4), Owner = PlanTaskOwner.Mentor });
            db.Consultations.Add(new Consultation { SchoolId = c.School.Id, RequesterId = c.P(5), ConsultantId = c.P(1), Question = "Как вести журнал?", RequestedAt = DateTime.UtcNow, Status = ConsultationStatus.Requested });
            db.PairAgreements.Add(new PairAgreement
            {
                SchoolId = c.School.Id, PairId = c.Pair, ConcludedOn = Today, ValidUntil = Today.AddDays(200), Subject = "Наставничество", Form = "педагог — педагог",
                MentorDuties = "—", MenteeDuties = "—", MeetingTerms = "раз в неделю", MentorAcceptedAt = DateTime.UtcNow, MentorAcceptedBy = "t1",
            });
            return await db.SaveChangesAsync();
        });

        var mentee = Html.Parse(await (await c.School.TeacherAsync(1)).GetStringAsync("/"));
        mentee.QuerySelector("[data-testid=my-mentors]")!.TextContent.ShouldContain("Следующая встреча: " + MeetingLabels.When(planned.StartsAt));
        mentee.QuerySelector("[data-testid=my-mentors] a[href='/Plans/ForPair/" + c.Pair + "']").ShouldNotBeNull();
        mentee.QuerySelector("[data-testid=cabinet-meetings]")!.TextContent.ShouldContain("Организационная встреча");
        var tasks = mentee.QuerySelector("[data-testid=cabinet-tasks]")!.TextContent;
        tasks.ShouldContain("Посетить урок наставника");
        tasks.ShouldNotContain("Подобрать материалы"); // the mentor's task
        var waiting = mentee.QuerySelector("[data-testid=cabinet-waiting]")!;
        waiting.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe(["/Consultations/" + await app.WithDb(db => db.Consultations.Where(x => x.ConsultantId == c.P(1)).Select(x => x.Id).SingleAsync()), $"/Pairs/{c.Pair}"]);

        var mentor = Html.Parse(await (await c.School.TeacherAsync(0)).GetStringAsync("/"));
        mentor.QuerySelector("[data-testid=cabinet-tasks]")!.TextContent.ShouldContain("Подобрать материалы");
        mentor.QuerySelector("[data-testid=cabinet-waiting]")!.TextContent.ShouldContain("Ничего не ждёт.");

        var third = Html.Parse(await (await c.School.TeacherAsync(5)).GetStringAsync("/"));
        third.QuerySelector("[data-testid=cabinet-meetings]")!.TextContent.ShouldContain("Запланированных встреч нет. Встречу назначает наставник или наставляемый");
        third.QuerySelector("[data-testid=cabinet-tasks]")!.TextContent.ShouldContain("Задач нет. Они появляются в индивидуальном образовательном маршруте (ИОМ)");
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

[Collection("sqlite")] public sealed class MeetingPagesTests_Sqlite(SqliteApp app) : MeetingPagesTests(app);
