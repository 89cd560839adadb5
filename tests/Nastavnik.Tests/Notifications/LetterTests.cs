using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Features.Notifications;

namespace Nastavnik.Tests.Notifications;

/// <summary>
/// Letters of notifications go to a real SMTP server on loopback and are read back: subject, Russian text, links, the one-click
/// unsubscribe that works without signing in; one digest a day per person, an urgent notice at once, nothing of a kind turned off.
/// </summary>
public abstract class LetterTests(AppFixture app) : IAsyncLifetime
{
    private SmtpSink _sink = null!;

    public async Task InitializeAsync() => _sink = await SmtpSink.StartAsync();
    public async Task DisposeAsync() => await _sink.DisposeAsync();

    private static NewNotification Note(TestSchool school, string userId, NotificationKind kind, string title, string link, bool urgent = false, string? key = null) =>
        new(school.Id, userId, kind, title, "Текст уведомления.", link, urgent, key ?? Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_digest_is_read_back_with_its_subject_russian_text_links_and_a_one_click_unsubscribe_that_needs_no_sign_in()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var address = school.Address(0);
        var userId = await app.GiveEmailAsync(school.Teachers[0].Login, address);
        await using var node = new MailNode(app, _sink);
        await node.NotifyAsync(
            Note(school, userId, NotificationKinds.RoundOpened, "Открыт тур диагностики «Сентябрь 2026»", "/Diagnostics/Answer?round=7"),
            Note(school, userId, NotificationKinds.Announcement, "Объявление: педсовет в четверг", "/Notifications"));

        await node.MailAsync();

        var letter = _sink.Messages().To(address).ShouldHaveSingleItem();
        letter.Subject.ShouldBe("Наставник: новое для вас на 01.12.2026 (2)");
        letter.From.Mailboxes.Single().Address.ShouldBe("nastavnik@school.example");
        var text = letter.TextBody!;
        text.ShouldContain($"Здравствуйте, {school.Teachers[0].FullName}!");
        text.ShouldContain("Открыт тур диагностики «Сентябрь 2026»");
        text.ShouldContain("https://nastavnik.school.example/Diagnostics/Answer?round=7");
        text.ShouldContain($"«Наставник» (Тестовая школа");
        text.ShouldNotContain("Текст уведомления."); // only titles and links go into a letter
        letter.HtmlBody!.ShouldContain("<a href=\"https://nastavnik.school.example/Diagnostics/Answer?round=7\">Открыт тур диагностики «Сентябрь 2026»</a>");
        letter.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        var header = letter.Headers["List-Unsubscribe"]!;
        header.ShouldStartWith("<https://nastavnik.school.example/unsubscribe?t=");
        (await node.Db(db => db.Notifications.IgnoreQueryFilters().CountAsync(n => n.UserId == userId && n.MailedAt == null))).ShouldBe(0);

        // The mail program's one-click POST (RFC 8058), without a session or an antiforgery token; a GET (a link scanner, a click)
        // only leads to the confirmation page.
        var url = new Uri(header.Trim('<', '>'));
        url.AbsolutePath.ShouldBe("/unsubscribe");
        text.ShouldContain("Отписаться от всех писем: https://nastavnik.school.example/unsubscribe?t=");
        using var anonymous = app.Anonymous();
        var click = await anonymous.GetAsync(url.PathAndQuery);
        click.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var confirm = await anonymous.GetStringAsync(click.Headers.Location!.ToString());
        confirm.ShouldContain("Больше не присылать вам все письма системы «Наставник»?");
        (await app.WithDb(db => db.NotificationSettings.IgnoreQueryFilters().CountAsync(s => s.UserId == userId))).ShouldBe(0);
        var post = await anonymous.PostAsync(url.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        post.StatusCode.ShouldBe(HttpStatusCode.OK, await post.Content.ReadAsStringAsync());
        (await post.Content.ReadAsStringAsync()).ShouldContain("Готово: все письма системы «Наставник» больше не будут приходить.");
        (await app.WithDb(db => db.NotificationSettings.IgnoreQueryFilters().SingleAsync(s => s.UserId == userId))).Kind.ShouldBe(Unsubscription.AllKinds);
        (await anonymous.PostAsync("/unsubscribe?t=forged", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The next day nothing is mailed to them; the bell still has it.
        node.Clock.Advance(TimeSpan.FromDays(1));
        await node.NotifyAsync(Note(school, userId, NotificationKinds.PairsApproved, "Пары утверждены", "/Matching"));
        await node.MailAsync();
        _sink.Messages().To(address).Count().ShouldBe(1);
        (await node.Db(db => db.Notifications.IgnoreQueryFilters().CountAsync(n => n.UserId == userId && n.MailedAt == null))).ShouldBe(0);
    }

    [Fact]
    public async Task A_person_gets_at_most_one_digest_a_day_and_an_urgent_notice_at_once()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var address = school.Address(0);
        var userId = await app.GiveEmailAsync(school.Teachers[0].Login, address);
        await using var node = new MailNode(app, _sink);

        await node.NotifyAsync(Note(school, userId, NotificationKinds.RoundOpened, "Открыт тур", "/Diagnostics/Answer"));
        await node.MailAsync();
        node.Clock.Advance(TimeSpan.FromHours(2));
        await node.NotifyAsync(Note(school, userId, NotificationKinds.Announcement, "Второе за день", "/Notifications"));
        await node.MailAsync();
        _sink.Messages().To(address).Select(m => m.Subject).ShouldBe(["Наставник: новое для вас на 01.12.2026 (1)"]);

        await node.NotifyAsync(Note(school, userId, NotificationKinds.RoundDeadline, "Срок самооценки — завтра", "/Diagnostics/Answer", urgent: true));
        await node.MailAsync();
        var urgent = _sink.Messages().To(address).Where(m => m.Subject == "Наставник: Срок самооценки — завтра").ShouldHaveSingleItem();
        urgent.TextBody!.ShouldContain("Срочное уведомление");
        // The unsubscribe of an urgent notice turns off its own kind: a person on the confirmation page presses the button.
        using (var anonymous = app.Anonymous())
        {
            var link = new Uri(urgent.Headers["List-Unsubscribe"]!.Trim('<', '>'));
            var pageUrl = (await anonymous.GetAsync(link.PathAndQuery)).Headers.Location!.ToString();
            (await anonymous.GetStringAsync(pageUrl)).ShouldContain("Больше не присылать вам письма «Скоро срок самооценки»?");
            var done = await anonymous.PostFormAsync(pageUrl, pageUrl, []);
            (await done.Content.ReadAsStringAsync()).ShouldContain("Готово: письма «Скоро срок самооценки» больше не будут приходить.");
        }
        (await app.WithDb(db => db.NotificationSettings.IgnoreQueryFilters().SingleAsync(s => s.UserId == userId))).Kind.ShouldBe(NotificationKinds.RoundDeadline.Code);

        // The next morning the notice that waited comes in the day's digest.
        node.Clock.Advance(TimeSpan.FromDays(1));
        await node.MailAsync();
        var subjects = _sink.Messages().To(address).Select(m => m.Subject).Order().ToList();
        subjects.Count.ShouldBe(3);
        var second = _sink.Messages().To(address).Single(m => m.Subject == "Наставник: новое для вас на 02.12.2026 (1)");
        second.TextBody!.ShouldContain("Второе за день");
    }

    [Fact]
    public async Task A_kind_turned_off_on_the_settings_page_and_an_account_without_an_address_get_no_letter()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var address = school.Address(0);
        var userId = await app.GiveEmailAsync(school.Teachers[0].Login, address);
        var noAddress = await app.GiveEmailAsync(school.Teachers[1].Login, null);
        var teacher = await school.TeacherAsync(0);
        var page = await teacher.GetStringAsync("/Notifications/Settings");
        var fields = NotificationKinds.All.Where(k => k != NotificationKinds.RoundDeadline)
            .Select(k => new KeyValuePair<string, string>("EmailOn", k.Code)).Append(new("__RequestVerificationToken", Html.Token(page)));
        (await teacher.PostAsync("/Notifications/Settings", new FormUrlEncodedContent(fields))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var settings = Html.Parse(await teacher.GetStringAsync("/Notifications/Settings"));
        settings.QuerySelector($"#kind-{NotificationKinds.RoundDeadline.Code}")!.HasAttribute("checked").ShouldBeFalse();
        settings.QuerySelector($"#kind-{NotificationKinds.RoundOpened.Code}")!.HasAttribute("checked").ShouldBeTrue();

        await using var node = new MailNode(app, _sink);
        await node.NotifyAsync(
            Note(school, userId, NotificationKinds.RoundDeadline, "Срок самооценки — через три дня", "/Diagnostics/Answer"),
            Note(school, userId, NotificationKinds.RoundDeadline, "Срочно: срок сегодня", "/Diagnostics/Answer", urgent: true),
            Note(school, noAddress, NotificationKinds.RoundOpened, "Открыт тур", "/Diagnostics/Answer"));
        await node.MailAsync();

        _sink.Messages().To(address).ShouldBeEmpty();
        (await node.Db(db => db.OutboxLetters.IgnoreQueryFilters().CountAsync(l => l.SchoolId == school.Id))).ShouldBe(0);
        (await node.Db(db => db.Notifications.IgnoreQueryFilters().CountAsync(n => n.SchoolId == school.Id && n.MailedAt == null))).ShouldBe(0);
        (await teacher.GetStringAsync("/Notifications")).ShouldContain("Срок самооценки — через три дня"); // the bell still has it
    }

    [Fact]
    public async Task An_unreachable_server_delays_letters_shows_the_administrator_the_error_and_they_go_when_it_returns()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var address = school.Address(0);
        var userId = await app.GiveEmailAsync(school.Teachers[0].Login, address);
        var refusedId = await app.GiveEmailAsync(school.Teachers[1].Login, "refused-" + school.Address(1));
        await using var node = new MailNode(app, _sink);
        await node.NotifyAsync(Note(school, userId, NotificationKinds.RoundOpened, "Открыт тур", "/Diagnostics/Answer"));
        await _sink.StopAsync();

        await node.MailAsync();

        var waiting = await node.Db(db => db.OutboxLetters.IgnoreQueryFilters().SingleAsync(l => l.UserId == userId));
        (waiting.SentAt, waiting.FailedAt, waiting.Attempts).ShouldBe((null, null, 1));
        waiting.LastError.ShouldStartWith("Почтовый сервер недоступен");
        waiting.NotBefore.ShouldBeGreaterThan(node.Clock.GetUtcNow().UtcDateTime);
        var admin = await school.AdminAsync();
        var list = Html.Parse(await admin.GetStringAsync("/Admin/Letters"));
        list.QuerySelector("[data-testid=letter-error]")!.TextContent.ShouldContain("Почтовый сервер недоступен");
        list.QuerySelector("[data-testid=letter]")!.TextContent.ShouldContain(address);
        list.QuerySelector("[data-testid=letter]")!.TextContent.ShouldContain("Ошибка, повтор");

        // The server is back; after the pause the letter goes. An address the server refuses for good is given up and shown.
        await _sink.StartAgainAsync();
        await node.NotifyAsync(Note(school, refusedId, NotificationKinds.RoundOpened, "Открыт тур", "/Diagnostics/Answer"));
        node.Clock.Advance(TimeSpan.FromMinutes(2));
        await node.MailAsync();
        _sink.Messages().To(address).ShouldHaveSingleItem().Subject.ShouldBe("Наставник: новое для вас на 01.12.2026 (1)");
        var refused = await node.Db(db => db.OutboxLetters.IgnoreQueryFilters().SingleAsync(l => l.UserId == refusedId));
        refused.FailedAt.ShouldNotBeNull();
        refused.LastError!.ShouldContain("Сервер отказал (550)");
        list = Html.Parse(await admin.GetStringAsync("/Admin/Letters"));
        list.QuerySelector("[data-testid=letter]")!.TextContent.ShouldContain("Не доставлено");
        list.QuerySelector("[data-testid=letter-counts]")!.TextContent.ShouldContain("не доставлены: 1 · отправлены: 1");

        // «Отправить снова» puts it back in the queue.
        var retry = await admin.PostFormAsync("/Admin/Letters", "/Admin/Letters?handler=Retry&show=Problems", new() { ["id"] = refused.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        retry.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await node.Db(db => db.OutboxLetters.IgnoreQueryFilters().SingleAsync(l => l.Id == refused.Id))).FailedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Without_smtp_letters_wait_the_page_says_so_and_notifications_do_not_pile_up()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var userId = await app.GiveEmailAsync(school.Teachers[0].Login, school.Address(0));
        await using var node = new MailNode(app, sink: null);
        await node.NotifyAsync(Note(school, userId, NotificationKinds.RoundOpened, "Открыт тур", "/Diagnostics/Answer"));
        await node.Db(async db =>
        {
            db.OutboxLetters.Add(new Web.Data.OutboxLetter { SchoolId = school.Id, Kind = "invitation", ToAddress = school.Address(0), Subject = "Приглашение", TextBody = "…" });
            return await db.SaveChangesAsync();
        });

        await node.MailAsync();

        (await node.Db(db => db.Notifications.IgnoreQueryFilters().SingleAsync(n => n.UserId == userId))).MailedAt.ShouldNotBeNull();
        (await node.Db(db => db.OutboxLetters.IgnoreQueryFilters().SingleAsync(l => l.SchoolId == school.Id))).SentAt.ShouldBeNull();
        var admin = await school.AdminAsync();
        var page = Html.Parse(await admin.GetStringAsync("/Admin/Letters?show=Waiting"));
        page.QuerySelector("[data-testid=smtp-off]")!.TextContent.ShouldContain("Отправка почты не настроена");
        page.QuerySelector("[data-testid=letter]")!.TextContent.ShouldContain("Ждёт отправки");
        (await (await school.TeacherAsync(0)).GetStringAsync("/Notifications/Settings")).ShouldContain("Отправка писем в этой школе не настроена");
    }
}

[Collection("sqlite")] public sealed class LetterTests_Sqlite(SqliteApp app) : LetterTests(app);
[Collection("postgres")] public sealed class LetterTests_Postgres(PostgresApp app) : LetterTests(app);
