using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Tests.Meetings;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Tests.Staff;

/// <summary>
/// A person with a little of everything, for the export and the erasure: T1 of <see cref="MeetingCase"/> (mentee of T0, mentor of T0,
/// in T4's group) renamed to a name, e-mail and phone found nowhere else in the database, with a held meeting and feedback, a private
/// note, a portfolio item with a file and a contact, a named survey answer, a consultation, notifications (one to T0 naming them in
/// the genitive), a sign-in, and the meeting's shared notes naming them. T0 has a note, feedback and an answer of their own (others' data).
/// </summary>
public sealed record PersonDataCase(MeetingCase Meetings, int PersonId, string Login, string LastName, string FullName, string Email, string Phone)
{
    public TestSchool School => Meetings.School;
    public AppFixture App => School.App;
    public const string FileText = "Конспект урока: файл портфолио";
    public const string OthersMarker = "чужое-T0";

    public static async Task<PersonDataCase> SeedAsync(AppFixture app)
    {
        var c = await MeetingCase.SeedAsync(app);
        var hex = Guid.NewGuid().ToString("N");
        var last = $"Забыт{string.Concat(hex[..5].Select(ch => "абвгдежзиклмнопр"["0123456789abcdef".IndexOf(ch, StringComparison.Ordinal)]))}ова";
        var (email, phone) = ($"zabytova.{hex[5..13]}@example.ru", $"+7 913 {Random.Shared.Next(100, 999)}-{Random.Shared.Next(10, 99)}-{Random.Shared.Next(10, 99)}");
        var id = c.P(1);
        var t1 = c.School.Teachers[1];
        await app.WithDb(async db =>
        {
            var p = await db.People.SingleAsync(x => x.Id == id);
            (p.LastName, p.FirstName, p.MiddleName, p.Email, p.Phone) = (last, "Ульяна", "Тимуровна", email, phone);
            var user = await db.Users.SingleAsync(u => u.UserName == t1.Login);
            user.DisplayName = p.FullName;
            return await db.SaveChangesAsync();
        });
        var full = $"{last} Ульяна Тимуровна";
        var held = await c.HeldOrganizationalAsync();
        (await c.As(1, m => m.GiveFeedbackAsync(held.Id, 4, "Отзыв наставляемой о встрече", default))).Ok.ShouldBeTrue();
        (await c.As(0, m => m.GiveFeedbackAsync(held.Id, 5, $"Отзыв наставника {OthersMarker}", default))).Ok.ShouldBeTrue();
        (await c.As(1, m => m.SavePrivateNoteAsync(held.Id, "Моя личная заметка о встрече", default))).Ok.ShouldBeTrue();
        (await c.As(0, m => m.SavePrivateNoteAsync(held.Id, $"Заметка наставника {OthersMarker}", default))).Ok.ShouldBeTrue();
        await app.WithDb(async db =>
        {
            var school = c.School.Id;
            var meeting = await db.Meetings.SingleAsync(m => m.Id == held.Id);
            meeting.SharedNotes = $"Обсудили план {RussianNames.Full(last, "Ульяна", "Тимуровна", NameCase.Genitive)}; пишите на {email}.";
            db.PortfolioItems.Add(new PortfolioItem
            {
                SchoolId = school, PersonId = id, Title = "Урок с цифровыми инструментами", Description = $"Автор: {full}",
                Files = [new PortfolioFile { SchoolId = school, FileName = "konspekt.txt", ContentType = "text/plain", Content = System.Text.Encoding.UTF8.GetBytes(FileText), Length = 40 }],
            });
            db.PortfolioContacts.Add(new PortfolioContact { SchoolId = school, PersonId = id, Kind = ContactKind.Phone, Value = phone });
            var survey = new Survey { SchoolId = school, Title = "Удовлетворённость наставничеством", Status = SurveyStatus.Sent, CreatedBy = c.School.Curator, Kind = SurveyKind.MenteeSatisfaction };
            survey.Questions.Add(new SurveyQuestion { SchoolId = school, Type = QuestionType.ShortText, Text = "Что было полезнее всего?" });
            survey.Questions.Add(new SurveyQuestion { SchoolId = school, Type = QuestionType.Scale5, Text = "Оценка", SortOrder = 1 });
            db.Surveys.Add(survey);
            await db.SaveChangesAsync();
            var (text, scale) = (survey.Questions[0].Id, survey.Questions[1].Id);
            db.SurveyRecipients.AddRange(new SurveyRecipient { SchoolId = school, SurveyId = survey.Id, PersonId = id, Answered = true },
                new SurveyRecipient { SchoolId = school, SurveyId = survey.Id, PersonId = c.P(0), Answered = true });
            db.SurveyResponses.AddRange(
                new SurveyResponse
                {
                    Id = Guid.NewGuid(), SchoolId = school, SurveyId = survey.Id, PersonId = id, Day = new DateOnly(2026, 10, 7), Answers =
                    [new() { Id = Guid.NewGuid(), SchoolId = school, QuestionId = text, Text = "Мой ответ: разбор уроков" }, new() { Id = Guid.NewGuid(), SchoolId = school, QuestionId = scale, Number = 5 }]
                },
                new SurveyResponse
                {
                    Id = Guid.NewGuid(), SchoolId = school, SurveyId = survey.Id, PersonId = c.P(0), Day = new DateOnly(2026, 10, 7), Answers =
                    [new() { Id = Guid.NewGuid(), SchoolId = school, QuestionId = text, Text = $"Ответ {OthersMarker}" }]
                });
            db.Consultations.Add(new Consultation { SchoolId = school, RequesterId = id, ConsultantId = c.P(0), Question = "Как вести журнал наблюдений?", RequestedAt = DateTime.UtcNow });
            var users = await db.Users.Where(u => u.SchoolId == school && u.PersonId != null).ToDictionaryAsync(u => u.PersonId!.Value, u => u.Id);
            db.Notifications.Add(new Notification { SchoolId = school, UserId = users[id], Kind = "announcement", Title = "Встреча завтра", Text = "Не забудьте о встрече." });
            db.Notifications.Add(new Notification
            {
                SchoolId = school, UserId = users[c.P(0)], Kind = "announcement", Title = "Новая пара",
                Text = $"Вы наставник {RussianNames.Full(last, "Ульяна", "Тимуровна", NameCase.Genitive)} ({full})."
            });
            return await db.SaveChangesAsync();
        });
        using (await app.LoginAsync(t1.Login, TestSchool.Password)) { }
        return new PersonDataCase(c, id, t1.Login, last, full, email, phone);
    }

    /// <summary>Rows of every table whose text (any text column) contains <paramref name="value"/>, as «table.column».</summary>
    public Task<List<string>> WhereStoredAsync(string value) => App.WithDb(async db =>
    {
        var found = new List<string>();
        var find = db.Database.IsNpgsql() ? "strpos(\"{1}\", {{0}}) > 0" : "instr(\"{1}\", {{0}}) > 0";
        foreach (var entity in db.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table) continue;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var p in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
            {
                var column = p.GetColumnName(store)!;
                var where = string.Format(System.Globalization.CultureInfo.InvariantCulture, find, table, column);
#pragma warning disable EF1002 // table and column names come from the model; the value is a parameter
                var count = await db.Database.SqlQueryRaw<int>($"SELECT CAST(COUNT(*) AS INTEGER) AS \"Value\" FROM \"{table}\" WHERE {where}", value).SingleAsync();
#pragma warning restore EF1002
                if (count > 0) found.Add($"{table}.{column}");
            }
        }
        return found;
    });
}
