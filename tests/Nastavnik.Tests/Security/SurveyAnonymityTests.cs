using System.Data.Common;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Tests.SurveyResults;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Surveys;

namespace Nastavnik.Tests.Security;

/// <summary>
/// Break-ins into anonymous surveys (issue 13, item 2): five known teachers answer an anonymous survey; no page, export, endpoint, audit
/// row or database column links an answer to its author; texts come out shuffled; four answers show nothing anywhere, five do; a
/// teacher cannot read a colleague's named answers, another school nothing at all.
/// </summary>
public abstract partial class SurveyAnonymityTests(AppFixture app)
{
    private static readonly string[] ArrivalOrder =
        ["Больше открытых уроков", "Встречаться чаще", "Меньше бумаг", "Свободное время для встреч", "Наставник из своей параллели"];

    [Fact]
    public async Task Nothing_links_an_anonymous_answer_to_its_author()
    {
        var school = await app.NewSchoolAsync(teachers: 6);
        var survey = await SurveyResultsTests.FiveAnswersAsync(school, anonymous: true);
        var responseIds = await app.WithDb(db => db.SurveyResponses.Where(r => r.SurveyId == survey.SurveyId).Select(r => r.Id.ToString()).ToListAsync());
        var names = school.Teachers.SelectMany(t => new[] { t.FullName, t.FullName.Split(' ')[0], t.Login }).ToList();

        // The database: exactly these columns, no person, nothing finer than the day, random keys, no audit row.
        var (responseColumns, responseRows) = await RawAsync("SurveyResponses", survey.SurveyId, "SurveyId");
        responseColumns.ShouldBe(["Id", "SchoolId", "SurveyId", "PersonId", "Day"], ignoreOrder: true);
        responseRows.Count.ShouldBe(5);
        foreach (var row in responseRows)
        {
            row["PersonId"].ShouldBeNull();
            Guid.Parse(row["Id"]!).Version.ShouldBe(4, "a time-ordered key would give the order of arrival");
            row["Day"]!.ShouldNotMatch(@"\d{1,2}:\d{2}");
        }
        var (answerColumns, answerRows) = await RawAsync("SurveyAnswers", survey.SurveyId, null);
        answerColumns.ShouldBe(["Id", "SchoolId", "ResponseId", "QuestionId", "Number", "Text"], ignoreOrder: true);
        answerRows.Count.ShouldBeGreaterThan(20);
        (await DateTimeColumnsAsync()).ShouldBeEmpty();
        var audit = await app.WithDb(db => db.AuditEntries.Select(a => new { a.EntityType, a.Changes }).ToListAsync());
        audit.ShouldNotContain(a => a.EntityType.StartsWith("SurveyRe", StringComparison.Ordinal) || a.EntityType == "SurveyAnswer");
        var changes = audit.Select(a => Regex.Unescape(a.Changes)).ToList();
        changes.ShouldNotContain(c => ArrivalOrder.Any(t => c.Contains(t, StringComparison.OrdinalIgnoreCase)) || responseIds.Any(id => c.Contains(id, StringComparison.OrdinalIgnoreCase)));

        // The page, the export and the API as the curator: the texts, never a name, a response, or the day of an answer.
        var curator = await school.CuratorAsync();
        var page = await curator.GetStringAsync($"/Surveys/{survey.SurveyId}/Results");
        var xlsx = SurveyResultsTests.XlsxText(await curator.GetByteArrayAsync($"/Surveys/{survey.SurveyId}/Results?handler=Export"));
        var api = await curator.GetStringAsync($"/api/v1/surveys/{survey.SurveyId}/results");
        var list = await curator.GetStringAsync("/api/v1/surveys");
        foreach (var (what, text) in new[] { ("page", page), ("export", xlsx), ("api", api), ("list", list) })
        {
            if (what != "list") text.ShouldContain("Меньше бумаг", customMessage: what);
            foreach (var n in names) text.ShouldNotContain(n, Case.Sensitive, what);
            foreach (var id in responseIds) text.ShouldNotContain(id, Case.Insensitive, what);
            text.ShouldNotContain("10.05.2027", Case.Sensitive, what);
            text.ShouldNotContain("2027-05-10", Case.Sensitive, what);
        }
        var json = JsonDocument.Parse(api).RootElement;
        json.GetProperty("people").GetArrayLength().ShouldBe(0);
        GuidLike().IsMatch(api).ShouldBeFalse("no identifier of a response or an answer in the API");

        // A teacher who answered sees no one's answers on any page they can open, nor through the API.
        var teacher = await school.TeacherAsync(0);
        foreach (var url in new[] { "/", $"/Surveys/{survey.SurveyId}/Results", $"/Surveys/{survey.SurveyId}/Results?handler=Export", $"/api/v1/surveys/{survey.SurveyId}/results", "/api/v1/surveys" })
        {
            var response = await teacher.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            new[] { HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.Forbidden }.ShouldContain(response.StatusCode, url);
            if (response.StatusCode == HttpStatusCode.Redirect) response.Headers.Location!.ToString().ShouldContain("AccessDenied", customMessage: url);
            foreach (var t in ArrivalOrder) body.ShouldNotContain(t, Case.Sensitive, url);
        }
        var questions = await teacher.GetStringAsync($"/api/v1/surveys/{survey.SurveyId}");
        questions.ShouldContain("Что предложите изменить?");
        foreach (var t in ArrivalOrder) questions.ShouldNotContain(t);
        await using var s = SignedInScope.Teacher(school, 0);
        (await s.Get<AppDbContext>().SurveyAnswers.CountAsync()).ShouldBe(0, "an anonymous answer has no author, not even for the one who gave it");
    }

    [Fact]
    public async Task Texts_come_out_in_a_new_random_order_on_every_request()
    {
        var school = await app.NewSchoolAsync(teachers: 5);
        var survey = await SurveyResultsTests.FiveAnswersAsync(school, anonymous: true);
        var curator = await school.CuratorAsync();
        var orders = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var api = JsonDocument.Parse(await curator.GetStringAsync($"/api/v1/surveys/{survey.SurveyId}/results")).RootElement;
            orders.Add(string.Join("|", api.GetProperty("questions")[3].GetProperty("texts").EnumerateArray().Select(t => t.GetString())));
            var page = Html.Parse(await curator.GetStringAsync($"/Surveys/{survey.SurveyId}/Results"));
            orders.Add(string.Join("|", page.QuerySelectorAll("[data-testid=result-text]").Select(e => e.TextContent)));
            var xlsx = SurveyResultsTests.XlsxText(await curator.GetByteArrayAsync($"/Surveys/{survey.SurveyId}/Results?handler=Export"));
            orders.Add(string.Join("|", ArrivalOrder.OrderBy(t => xlsx.IndexOf(t, StringComparison.Ordinal))));
        }
        orders.ShouldAllBe(o => o.Split('|', StringSplitOptions.None).Order().SequenceEqual(ArrivalOrder.Order()));
        orders.Distinct().Count().ShouldBeGreaterThan(1, "the same order on twelve requests");
        orders.ShouldContain(o => o != string.Join("|", ArrivalOrder));
    }

    [Fact]
    public async Task Four_anonymous_answers_show_nothing_anywhere_and_the_fifth_shows_the_results()
    {
        var school = await app.NewSchoolAsync(teachers: 5);
        var survey = await SurveyData.CreateAsync(school, anonymous: true);
        string[] texts = ["Первый ответ", "Второй ответ", "Третий ответ", "Четвёртый ответ"];
        for (var i = 0; i < 4; i++) await survey.AnswerAsync(i, 5, 0, [1], texts[i], 4);
        var curator = await school.CuratorAsync();

        var page = await curator.GetStringAsync($"/Surveys/{survey.SurveyId}/Results");
        var xlsx = SurveyResultsTests.XlsxText(await curator.GetByteArrayAsync($"/Surveys/{survey.SurveyId}/Results?handler=Export"));
        var api = await curator.GetStringAsync($"/api/v1/surveys/{survey.SurveyId}/results");
        Html.Parse(page).QuerySelector("[data-testid=results-hidden]")!.TextContent
            .ShouldBe("Ответов меньше 5 — результаты не показываются, чтобы сохранить анонимность.");
        Html.Parse(page).QuerySelector("[data-testid=results-responses]")!.TextContent.ShouldBe("4");
        xlsx.ShouldContain("Ответов меньше 5 — результаты не показываются");
        JsonDocument.Parse(api).RootElement.GetProperty("hidden").GetBoolean().ShouldBeTrue();
        JsonDocument.Parse(api).RootElement.GetProperty("questions").GetArrayLength().ShouldBe(0);
        foreach (var (what, text) in new[] { ("page", page), ("export", xlsx), ("api", api) })
        {
            foreach (var t in texts) text.ShouldNotContain(t, Case.Sensitive, what);
            text.ShouldNotContain("Раз в месяц", Case.Sensitive, what);
        }

        await survey.AnswerAsync(4, 3, 0, [1], "Пятый ответ", 4);
        page = await curator.GetStringAsync($"/Surveys/{survey.SurveyId}/Results");
        xlsx = SurveyResultsTests.XlsxText(await curator.GetByteArrayAsync($"/Surveys/{survey.SurveyId}/Results?handler=Export"));
        api = await curator.GetStringAsync($"/api/v1/surveys/{survey.SurveyId}/results");
        foreach (var (what, text) in new[] { ("page", page), ("export", xlsx), ("api", api) })
        {
            text.ShouldContain("Первый ответ", customMessage: what);
            text.ShouldContain("Пятый ответ", customMessage: what);
            text.ShouldNotContain("Ответов меньше 5", Case.Sensitive, what);
        }
    }

    [Fact]
    public async Task A_teacher_cannot_read_a_colleagues_named_answers_nor_another_school_any_result()
    {
        var school = await app.NewSchoolAsync(teachers: 3);
        var survey = await SurveyData.CreateAsync(school, anonymous: false);
        await survey.AnswerAsync(0, 1, 2, [2], "Секретное мнение о наставнике", 1);
        var id = survey.SurveyId;

        var colleague = await school.TeacherAsync(1);
        foreach (var url in new[] { $"/Surveys/{id}/Results", $"/Surveys/{id}/Results?handler=Export", $"/Surveys/{id + 1}/Results" })
            (await colleague.GetAsync(url)).Headers.Location!.ToString().ShouldContain("AccessDenied", customMessage: url);
        foreach (var url in new[] { $"/api/v1/surveys/{id}/results", $"/api/v1/surveys/{id + 1}/results", "/api/v1/surveys" })
            (await colleague.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        (await colleague.GetStringAsync($"/api/v1/surveys/{id}")).ShouldNotContain("Секретное мнение");
        await using (var s = SignedInScope.Teacher(school, 1))
        {
            var db = s.Get<AppDbContext>();
            (await db.SurveyAnswers.CountAsync()).ShouldBe(0);
            (await db.SurveyResponses.CountAsync()).ShouldBe(0);
            (await Nastavnik.Web.Features.Surveys.SurveyResults.ForSurveyAsync(db, id, default))!.Questions[3].Texts.ShouldBeEmpty();
        }
        await using (var s = SignedInScope.Teacher(school, 0))
            (await s.Get<AppDbContext>().SurveyAnswers.CountAsync(a => a.Text == "Секретное мнение о наставнике")).ShouldBe(1, "the author sees their own named answer");

        var otherSchool = await app.CuratorOfBAsync();
        foreach (var url in new[] { $"/Surveys/{id}/Results", $"/Surveys/{id}/Results?handler=Export", $"/api/v1/surveys/{id}/results", $"/api/v1/surveys/{id}",
                     $"/api/v1/programs/{survey.ProgramId}/swot", $"/Monitoring/{survey.ProgramId}/Swot" })
            (await otherSchool.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        (await otherSchool.GetStringAsync("/api/v1/surveys")).ShouldNotContain("Именная анкета куратора");
    }

    [Fact]
    public async Task The_database_itself_keeps_no_trace_of_who_answered_which_nor_of_the_order_of_arrival()
    {
        var school = await app.NewSchoolAsync(teachers: 10);
        var survey = await SurveyData.CreateAsync(school, anonymous: true);
        var arrival = Enumerable.Range(1, 10).Select(i => $"Ответ номер {i}").ToList();
        for (var i = 0; i < arrival.Count; i++)
        {
            await using var s = SignedInScope.Teacher(school, i);
            AnswerInput[] answers = [new(survey.Questions["Scale5"], Number: 4), new(survey.Questions["SingleChoice"], Number: 0),
                new(survey.Questions["MultipleChoice"], Numbers: [1]), new(survey.Questions["LongText"], Text: arrival[i]), new(survey.Questions["TopicRating"], Number: 3)];
            (await s.Get<SurveyCommands>().AnswerAsync(survey.SurveyId, answers, default)).Error.ShouldBeNull();
        }
        var id = survey.SurveyId;
        if (await app.WithDb(db => Task.FromResult(db.Database.IsNpgsql())))
        {
            // PostgreSQL's xmin: the transaction that last wrote a row. A recipient's and a response's equal would name the author.
            var recipients = await ColumnAsync($"""SELECT xmin::text FROM "SurveyRecipients" WHERE "SurveyId" = {id}""");
            recipients.Count.ShouldBe(10);
            recipients.Distinct().Count().ShouldBe(1, "every recipient row carries the same last transaction, so none points at a response");
            var responses = await ColumnAsync($"""SELECT xmin::text FROM "SurveyResponses" WHERE "SurveyId" = {id}""");
            responses.Distinct().Count().ShouldBe(10);
        }
        else
        {
            // SQLite's rowid: the order rows arrived in, unless it is shuffled.
            var byResponse = await ColumnAsync($"""SELECT a."Text" FROM "SurveyAnswers" a JOIN "SurveyResponses" r ON r."Id" = a."ResponseId" WHERE r."SurveyId" = {id} AND a."Text" IS NOT NULL ORDER BY r.rowid""");
            var byAnswer = await ColumnAsync($"""SELECT a."Text" FROM "SurveyAnswers" a JOIN "SurveyResponses" r ON r."Id" = a."ResponseId" WHERE r."SurveyId" = {id} AND a."Text" IS NOT NULL ORDER BY a.rowid""");
            byResponse.ShouldBe(arrival, ignoreOrder: true);
            byResponse.ShouldNotBe(arrival, "the responses' row numbers give the order of arrival");
            byAnswer.ShouldNotBe(arrival, "the answers' row numbers give the order of arrival");
        }
        await using var curator = SignedInScope.Curator(school);
        var report = await Nastavnik.Web.Features.Surveys.SurveyResults.ForSurveyAsync(curator.Get<AppDbContext>(), id, default);
        report!.Questions[3].Texts.ShouldBe(arrival, ignoreOrder: true);
    }

    /// <summary>The first column of a query read past EF, as text.</summary>
    private Task<List<string>> ColumnAsync(string sql) => app.WithDb(async db =>
    {
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetValue(0).ToString()!);
        return values;
    });

    /// <summary>Every column and row of a table read past EF (the SQL the database holds), values as invariant text.</summary>
    private Task<(List<string> Columns, List<Dictionary<string, string?>> Rows)> RawAsync(string table, int surveyId, string? surveyColumn) => app.WithDb(async db =>
    {
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = surveyColumn is null
            ? $"SELECT a.* FROM \"{table}\" a JOIN \"SurveyResponses\" r ON r.\"Id\" = a.\"ResponseId\" WHERE r.\"SurveyId\" = {surveyId}"
            : $"SELECT * FROM \"{table}\" WHERE \"{surveyColumn}\" = {surveyId}";
        await using var reader = await cmd.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<Dictionary<string, string?>>();
        while (await reader.ReadAsync())
            rows.Add(columns.Select((c, i) => (c, reader.IsDBNull(i) ? null : Convert.ToString(Value(reader, i), System.Globalization.CultureInfo.InvariantCulture)))
                .ToDictionary(x => x.c, x => x.Item2));
        return (columns, rows);
    });

    private static object Value(DbDataReader reader, int i) => reader.GetDataTypeName(i) == "date" ? reader.GetFieldValue<DateOnly>(i) : reader.GetValue(i);

    /// <summary>The columns of the answer tables whose type holds a time of day (PostgreSQL's and the EF model's view).</summary>
    private Task<List<string>> DateTimeColumnsAsync() => app.WithDb(db => Task.FromResult(
        new[] { typeof(SurveyResponse), typeof(SurveyAnswer) }.SelectMany(t => db.Model.FindEntityType(t)!.GetProperties())
            .Where(p => Nullable.GetUnderlyingType(p.ClrType) is { } u ? u == typeof(DateTime) || u == typeof(DateTimeOffset) || u == typeof(TimeOnly)
                : p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(TimeOnly))
            .Select(p => p.Name).ToList()));

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidLike();
}

[Collection("sqlite")] public sealed class SurveyAnonymityTests_Sqlite(SqliteApp app) : SurveyAnonymityTests(app);
[Collection("postgres")] public sealed class SurveyAnonymityTests_Postgres(PostgresApp app) : SurveyAnonymityTests(app);
