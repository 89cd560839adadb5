using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Surveys;

namespace Nastavnik.Tests.Surveys;

public abstract partial class SurveyCommandTests
{
    /// <summary>
    /// After an anonymous answer the database is read directly, every column of the tables that could tell on its author: nothing holds
    /// the person's id, account id, login or name, no time finer than the day, and the response's key is random, not in order of arrival.
    /// </summary>
    [Fact]
    public async Task An_anonymous_answer_leaves_nothing_in_the_database_that_links_it_to_its_author()
    {
        var w = await SurveyWorld.BuildAsync(app);
        var survey = await w.DraftAsync(SurveyAudience.AllStaff, anonymous: true);
        await w.SendAsync(survey);
        var author = w.School.Teachers[2];
        var userId = await app.WithDb(db => db.Users.Where(u => u.UserName == author.Login).Select(u => u.Id).SingleAsync());
        var q = survey.Questions.OrderBy(x => x.SortOrder).ToList();
        var counts = await CountsAsync();
        var logged = app.Log.Entries.Count;
        await using (var teacher = SignedInScope.Teacher(w.School, 2))
            (await teacher.Get<SurveyCommands>().AnswerAsync(survey.Id, [new(q[0].Id, Number: 2), new(q[1].Id, Numbers: [1]), new(q[2].Id, Text: "Меньше отчётов")], default))
                .Error.ShouldBeNull();
        for (var i = 3; i < 7; i++)
        {
            await using var other = SignedInScope.Teacher(w.School, i == 5 ? 1 : i);
            (await other.Get<SurveyCommands>().AnswerAsync(survey.Id, [new(q[0].Id, Number: 4)], default)).Error.ShouldBeNull();
        }

        (await CountsAsync()).ShouldBe(counts, "an answer writes no audit entry and no notification");
        var secrets = new[] { userId, author.Login, author.FullName, author.FullName.Split(' ')[0] };
        var responses = await ReadAllAsync("SurveyResponses", survey.Id, "SurveyId");
        responses.Count.ShouldBe(5);
        foreach (var row in responses)
        {
            row.Keys.Order().ShouldBe(["Day", "Id", "PersonId", "SchoolId", "SurveyId"]); // a new column must be checked here
            row["PersonId"].ShouldBeNull();
            TimeOfDay(row["Day"]).ShouldBeFalse($"the day only, not a time: {row["Day"]}");
            Guid.Parse(Convert.ToString(row["Id"], CultureInfo.InvariantCulture)!).Version.ShouldBe(4, "a random key, not one in order of arrival");
        }
        var answers = new List<Dictionary<string, object?>>();
        foreach (var row in responses) answers.AddRange(await ReadAllAsync("SurveyAnswers", row["Id"]!, "ResponseId"));
        answers.Count.ShouldBe(7);
        answers.Select(a => a.Keys.Order().ToList()).ShouldAllBe(k => k.SequenceEqual(new[] { "Id", "Number", "QuestionId", "ResponseId", "SchoolId", "Text" }));
        var audit = await ReadAllAsync("AuditEntries", w.School.Id, "SchoolId");
        var notifications = await ReadAllAsync("Notifications", w.School.Id, "SchoolId");
        foreach (var row in responses.Concat(answers))
            foreach (var (column, value) in row)
                secrets.ShouldNotContain(s => Convert.ToString(value, CultureInfo.InvariantCulture)!.Contains(s, StringComparison.OrdinalIgnoreCase), column);
        var responseIds = responses.Select(r => Convert.ToString(r["Id"], CultureInfo.InvariantCulture)!).ToList();
        foreach (var row in audit.Concat(notifications))
            foreach (var value in row.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""))
            {
                responseIds.ShouldNotContain(id => value.Contains(id, StringComparison.OrdinalIgnoreCase));
                value.ShouldNotContain("Меньше отчётов");
                value.ShouldNotContain("SurveyResponse");
                value.ShouldNotContain("SurveyAnswer");
            }
        app.Log.Entries.Skip(logged).ShouldNotContain(e => secrets.Any(s => e.Message.Contains(s, StringComparison.OrdinalIgnoreCase)));
    }

    private Task<(int Audit, int Notifications)> CountsAsync() =>
        app.WithDb(async db => (await db.AuditEntries.CountAsync(), await db.Notifications.IgnoreQueryFilters().CountAsync()));

    private static bool TimeOfDay(object? value) => value switch
    {
        DateTime d => d.TimeOfDay != TimeSpan.Zero,
        DateOnly => false,
        string s => Regex.IsMatch(s, @"\d{1,2}:\d{2}"),
        _ => true,
    };

    /// <summary>Every column of the rows of <paramref name="table"/> whose <paramref name="key"/> is <paramref name="value"/>, read with plain SQL.</summary>
    private Task<List<Dictionary<string, object?>>> ReadAllAsync(string table, object value, string key) => app.WithDb(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{key}\" = @v";
        var p = command.CreateParameter();
        p.ParameterName = "@v";
        p.Value = value;
        command.Parameters.Add(p);
        var rows = new List<Dictionary<string, object?>>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        return rows;
    });

    [Fact]
    public async Task A_working_pair_gets_its_pulse_30_days_after_it_started_once_and_the_second_60_days_later()
    {
        var w = await SurveyWorld.BuildAsync(app);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await app.WithDb(db => db.MentoringPairs.Where(p => p.Id == w.ActivePair).ExecuteUpdateAsync(s => s.SetProperty(p => p.StartedAt, now.AddDays(-31))));
        var job = app.Services.GetRequiredService<PulseJob>();
        Task<List<Survey>> PulsesAsync() => app.WithDb(db => db.Surveys.IgnoreQueryFilters().Include(s => s.Questions)
            .Where(s => s.PairId == w.ActivePair).OrderBy(s => s.PulseNumber).ToListAsync());

        await job.RunOnceAsync(now, default);
        await job.RunOnceAsync(now, default);
        var pulses = await PulsesAsync();
        pulses.Count.ShouldBe(1, "created once even when the job runs twice");
        var first = pulses[0];
        (first.Kind, first.Audience, first.PulseNumber, first.Status, first.Anonymous, first.Deadline).ShouldBe(
            (SurveyKind.Pulse, SurveyAudience.Pair, 1, SurveyStatus.Sent, false, w.Today.AddDays(7)));
        first.Questions.Count.ShouldBeInRange(2, 3);
        first.Questions.OrderBy(q => q.SortOrder).First().Measure.ShouldBe(QuestionMeasure.Satisfaction);
        (await w.RecipientsAsync(first.Id)).ShouldBe(w.People(0, 1));
        (await app.WithDb(db => db.Notifications.IgnoreQueryFilters().CountAsync(n => n.DedupKey == "survey:" + first.Id))).ShouldBe(2);
        (await app.WithDb(db => db.Surveys.IgnoreQueryFilters().CountAsync(s => s.PairId == w.ApprovedPair))).ShouldBe(0, "approved 10 days ago");

        await job.RunOnceAsync(now.AddDays(58), default);
        (await PulsesAsync()).Count.ShouldBe(1, "89 days: the second is not due yet");
        await job.RunOnceAsync(now.AddDays(59), default);
        (await PulsesAsync()).Select(s => s.PulseNumber).ShouldBe([1, 2], "90 days after the start: the second pulse");
    }
}
