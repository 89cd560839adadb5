using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Meetings;
using static Nastavnik.Tests.Meetings.MeetingCase;

namespace Nastavnik.Tests.Security;

/// <summary>
/// Break-ins on meetings (AppDbContext.PairPrivacy): a third teacher, another school and guessed ids through the API and the pages; a
/// private note seen by its author only, not the other side nor the curator; a mentee's feedback never shown to another teacher; a
/// calendar feed that shows its owner's meetings only and stops with renewal.
/// </summary>
public abstract class MeetingPrivacyTests(AppFixture app)
{
    private static async Task<string> TextOf(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));

    [Fact]
    public async Task A_third_teacher_another_school_and_a_guessed_id_find_no_meeting_through_the_api_and_the_pages()
    {
        var c = await SeedAsync(app);
        var held = await c.HeldOrganizationalAsync();
        (await c.As(1, m => m.GiveFeedbackAsync(held.Id, 2, "Секретный отзыв", default))).Ok.ShouldBeTrue();
        string[] urls = [$"/api/v1/meetings/{held.Id}", $"/api/v1/meetings?pair={c.Pair}", $"/api/v1/meetings/{held.Id}/ics", $"/Meetings/{held.Id}",
            $"/Meetings?pair={c.Pair}", $"/Meetings/{held.Id}?handler=Ics"];
        foreach (var (who, client) in new[] { ("third teacher", await c.School.TeacherAsync(5)), ("another school", await app.CuratorOfBAsync()) })
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{who}: {url}");
                var text = await TextOf(response);
                text.ShouldNotContain("Секретный отзыв");
                text.ShouldNotContain(c.Match.Name(1));
            }
        var third = await c.School.TeacherAsync(5);
        (await third.PutAsJsonAsync($"/api/v1/meetings/{held.Id}/feedback", new { rating = 1, comment = "взлом" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await third.GetAsync("/api/v1/meetings/987654")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDb(db => db.MeetingFeedback.CountAsync(f => f.MeetingId == held.Id))).ShouldBe(1);

        var mentee = await c.School.TeacherAsync(1);
        (await TextOf(await mentee.GetAsync($"/api/v1/meetings/{held.Id}"))).ShouldContain("Секретный отзыв");
        (await TextOf(await (await c.School.CuratorAsync()).GetAsync($"/Meetings/{held.Id}"))).ShouldContain("Секретный отзыв");
    }

    [Fact]
    public async Task A_private_note_is_seen_by_its_author_only_not_by_the_other_side_nor_the_curator()
    {
        var c = await SeedAsync(app);
        var held = await c.HeldOrganizationalAsync();
        (await c.As(0, m => m.SavePrivateNoteAsync(held.Id, "Заметка наставника для себя", default))).Ok.ShouldBeTrue();
        (await c.As(1, m => m.SavePrivateNoteAsync(held.Id, "Заметка наставляемого для себя", default))).Ok.ShouldBeTrue();

        var mentor = await TextOf(await (await c.School.TeacherAsync(0)).GetAsync($"/Meetings/{held.Id}"));
        mentor.ShouldContain("Заметка наставника для себя");
        mentor.ShouldNotContain("Заметка наставляемого для себя");
        var menteeApi = await TextOf(await (await c.School.TeacherAsync(1)).GetAsync($"/api/v1/meetings/{held.Id}"));
        menteeApi.ShouldContain("Заметка наставляемого для себя");
        menteeApi.ShouldNotContain("Заметка наставника для себя");
        var curator = await c.School.CuratorAsync();
        foreach (var url in new[] { $"/Meetings/{held.Id}", $"/api/v1/meetings/{held.Id}" })
        {
            var text = await TextOf(await curator.GetAsync(url));
            text.ShouldContain(c.Match.Name(1));
            text.ShouldNotContain("для себя");
        }
        (await c.Read(-1, db => db.MeetingNotes.CountAsync(n => n.MeetingId == held.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_mentees_feedback_in_a_group_reaches_the_mentor_and_the_curator_and_never_another_teacher()
    {
        var c = await SeedAsync(app);
        var mentees = await app.WithDb(db => db.MentoringPairs.Where(p => c.GroupPairs.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.MenteeId).ToListAsync());
        int Index(int personId) => c.School.Teachers.ToList().FindIndex(t => t.PersonId == personId);
        var meeting = (await c.As(4, m => m.PlanAsync(c.GroupPairs[0], true, Input(MeetingKind.Organizational, 8), default))).Value!;
        c.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 8, 13, 0, 0, TimeSpan.Zero));
        (await c.As(4, m => m.RecordOutcomeAsync(meeting.Id, true, null, meeting.Version, default))).Ok.ShouldBeTrue();
        (await c.As(Index(mentees[0]), m => m.GiveFeedbackAsync(meeting.Id, 2, "Отзыв первого наставляемого", default))).Ok.ShouldBeTrue();
        (await c.As(4, m => m.GiveFeedbackAsync(meeting.Id, 5, "Отзыв наставника группе", default))).Ok.ShouldBeTrue();

        async Task<List<string?>> Seen(int teacher) =>
            (await c.Read(teacher, db => MeetingQueries.DetailsAsync(db, meeting.Id, teacher < 0 ? -1 : c.P(teacher), default)))?.Feedback.Select(f => f.Comment).Order().ToList() ?? [];
        (await Seen(4)).ShouldBe(["Отзыв наставника группе", "Отзыв первого наставляемого"]);
        (await Seen(-1)).ShouldBe(["Отзыв наставника группе", "Отзыв первого наставляемого"]);
        (await Seen(Index(mentees[1]))).ShouldBe(["Отзыв наставника группе"]);
        (await Seen(5)).ShouldBeEmpty();
        var other = await TextOf(await (await c.School.TeacherAsync(Index(mentees[2]))).GetAsync($"/api/v1/meetings/{meeting.Id}"));
        other.ShouldContain("Отзыв наставника группе");
        other.ShouldNotContain("Отзыв первого наставляемого");
        (await c.Read(5, db => db.MeetingFeedback.CountAsync(f => f.MeetingId == meeting.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_feed_shows_its_owners_meetings_only_and_a_renewed_token_ends_the_old_address()
    {
        var c = await SeedAsync(app);
        await c.HeldOrganizationalAsync();
        var group = (await c.As(4, m => m.PlanAsync(c.GroupPairs[0], true, Input(MeetingKind.Organizational, 9), default))).Value!;
        var tokens = new Dictionary<int, string>();
        foreach (var t in new[] { 0, 1, 4, 5 }) tokens[t] = (await c.As(t, m => m.RenewFeedAsync(default))).Value!.Token;
        tokens.Values.ShouldAllBe(t => t.Length == 43);
        tokens.Values.Distinct().Count().ShouldBe(4);

        foreach (var (teacher, token) in tokens)
        {
            var expected = await app.WithDb(db => db.MeetingParticipants.Where(p => p.PersonId == c.P(teacher)).Select(p => p.MeetingId).OrderBy(i => i).ToListAsync());
            var feed = await app.WithDb(db => MeetingCalendar.FeedAsync(db, token, c.Clock.GetUtcNow().UtcDateTime, default));
            var ics = Calendar.Load(MeetingCalendar.Write(feed!, "nastavnik.example", DateTime.UtcNow))!;
            ics.Events.Select(e => e.Uid).Order().ShouldBe(expected.Select(id => $"meeting-{id}@nastavnik.example").Order(), $"feed of T{teacher}");
        }
        (await app.WithDb(db => MeetingCalendar.FeedAsync(db, tokens[4], c.Clock.GetUtcNow().UtcDateTime, default)))!.Select(m => m.Id).ShouldContain(group.Id);

        var anonymous = app.Anonymous();
        var first = await anonymous.GetAsync($"/calendar/{tokens[5]}.ics");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var renewed = await (await c.School.TeacherAsync(5)).PostAsync("/api/v1/calendar/renew", null);
        var url = (await renewed.Content.ReadFromJsonAsync<MeetingsApi.FeedDto>())!.Url;
        (await anonymous.GetAsync($"/calendar/{tokens[5]}.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(new Uri(url).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync($"/calendar/{new string('A', 43)}.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection("sqlite")] public sealed class MeetingPrivacyTests_Sqlite(SqliteApp app) : MeetingPrivacyTests(app);
[Collection("postgres")] public sealed class MeetingPrivacyTests_Postgres(PostgresApp app) : MeetingPrivacyTests(app);
