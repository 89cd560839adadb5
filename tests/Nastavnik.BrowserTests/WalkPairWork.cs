using System.Globalization;
using System.Text.Json;

namespace Nastavnik.BrowserTests;

/// <summary>
/// The pair at work the accessibility walk opens (the demo has no pairs): the demo teacher mentoring teacher2 on a topic teacher2 has no
/// live pair on, with a plan goal and task, a meeting ten days ahead, a lesson visit, this quarter's report and a plan template, made
/// through the API as the teacher and the curator would; and a survey still open that waits for the demo teacher's answer, one question
/// of each type, made by SQL as the demo's surveys are (sending one from the page would notify the whole staff of the shared server).
/// <see cref="Remove"/> deletes all of it again (the plan too, unless it was there before), so no other flow of the shared server sees it.
/// </summary>
internal sealed record WalkPairWork(long PairId, int PlanId, int TaskId, int MeetingId, int ActivityId, int TemplateId, bool PlanExisted,
    long ProgramId, long OpenSurveyId, int AnsweredSurveyId)
{
    /// <summary>The pages of the pair's work for the walk (each checked by the first role that opens it, a manager).</summary>
    public IReadOnlyList<string> Pages =>
        [$"/Pairs/{PairId}", $"/Plans/{PlanId}", $"/Meetings/{MeetingId}", $"/Activities/{ActivityId}", "/Calendar", "/Plans/Templates", "/Plans/Reports"];

    /// <summary>
    /// The monitoring and survey pages of the program (issue 13), each checked by the first role that opens it: the results of a demo
    /// survey with answers, the open survey's answer form (only its recipient, the demo teacher, opens it), the SWOT, the indicators, a
    /// computed indicator and an external one the demo's program has, the printable report and the psychologist's climate.
    /// </summary>
    public IReadOnlyList<string> MonitoringPages =>
        [$"/Surveys/{AnsweredSurveyId}/Results", $"/Surveys/{OpenSurveyId}/Answer", $"/Monitoring/{ProgramId}/Swot", $"/Monitoring/{ProgramId}/Indicators",
            $"/Monitoring/{ProgramId}/Indicators/coverage", $"/Monitoring/{ProgramId}/Indicators/digital", $"/Monitoring/{ProgramId}/Print",
            "/Monitoring/Climate"];

    /// <summary>What the pair's own people see with their forms: checked again by the mentor (and by a role whose menu differs, if it may open them).</summary>
    public IReadOnlyList<string> OwnPages =>
        [$"/Pairs/{PairId}", $"/Plans/{PlanId}", $"/Plans/Task/{TaskId}", $"/Plans/Report/{PairId}", $"/Meetings/{MeetingId}", $"/Activities/{ActivityId}"];

    public static async Task<WalkPairWork> AddAsync(AppServer app)
    {
        var pair = DemoPairs.AddTeacherMentoringTeacher2(app.DatabasePath, DateTime.UtcNow.AddDays(-3));
        var (pairId, menteeId, topicId) = (pair.PairId, pair.MenteeId, pair.TopicId);
        var planExisted = PlanExists(app.DatabasePath, pair.ProgramId, menteeId);
        var teacher = await app.NewPageAsync();
        await app.LoginAsync(teacher, "teacher", "teacher2026");
        var today = DateTime.Today;
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var ids = JsonDocument.Parse(await teacher.EvaluateAsync<string>(Fetch + """
            const plan = await send('POST', `/api/v1/plans/for-pair/${a.pair}`);
            const goal = await send('POST', `/api/v1/plans/${plan.id}/goals`, { pairId: a.pair, text: 'Освоить приёмы формирующего оценивания' });
            const task = await send('POST', `/api/v1/plans/${plan.id}/tasks`, { pairId: a.pair, goalId: goal.id, title: 'Посетить урок наставника', dueOn: a.due, owner: 'Mentee' });
            const meeting = await send('POST', '/api/v1/meetings', { pairId: a.pair, forGroup: false, kind: 'Organizational', date: a.meeting, time: '15:00:00',
                durationMinutes: 45, place: 'Кабинет 214', agenda: 'Знакомство, ожидания, график встреч' });
            const activity = await send('POST', '/api/v1/activities', { kind: 'LessonVisit', date: a.today, title: 'Урок математики в 6 «Б»', pairId: a.pair,
                observedId: a.mentee, participantIds: [] });
            await send('PUT', `/api/v1/plans/reports/pair/${a.pair}`, { done: 'Составили план, провели первую встречу', changed: 'Уроки стали лучше выстроены' });
            return JSON.stringify({ plan: plan.id, task: task.id, meeting: meeting.id, activity: activity.id });
            }
            """, new { pair = pairId, mentee = menteeId, due = Day(30), meeting = Day(10), today = Day(0) })).RootElement;
        await teacher.Context.CloseAsync();

        var curator = await app.NewPageAsync();
        await app.LoginAsync(curator, "curator", "curator2026");
        var template = JsonDocument.Parse(await curator.EvaluateAsync<string>(Fetch + """
            const t = await send('POST', '/api/v1/plans/templates', { topicId: a.topic, title: 'Первый год в профессии',
                tasks: [{ title: 'Посетить три урока наставника', owner: 'Mentee', dueInDays: 30 }, { title: 'Провести пробный урок', owner: 'Mentee', dueInDays: 60 }] });
            // A demo survey with answers for its results page: one whose answers carry names, so the page shows its table of people too.
            const surveys = (await (await fetch('/api/v1/surveys')).json()).filter(s => s.answered > 0);
            const answered = surveys.find(s => !s.anonymous) ?? surveys[0];
            return JSON.stringify({ id: t.id, answered: answered.id });
            }
            """, new { topic = topicId })).RootElement;
        await curator.Context.CloseAsync();
        var openSurvey = AddOpenSurvey(app.DatabasePath, pair.SchoolId, pair.ProgramId, topicId);
        int Id(JsonElement e, string name) => e.GetProperty(name).GetInt32();
        return new WalkPairWork(pairId, Id(ids, "plan"), Id(ids, "task"), Id(ids, "meeting"), Id(ids, "activity"), Id(template, "id"), planExisted,
            pair.ProgramId, openSurvey, Id(template, "answered"));
    }

    /// <summary>A survey of the program sent today to the demo teacher alone, open for two weeks, with a question of each type.</summary>
    private static long AddOpenSurvey(string databasePath, long schoolId, long programId, long topicId)
    {
        using var db = new TestDatabase(databasePath);
        db.Open();
        using var tx = db.BeginTransaction();
        long Run(string sql, params (string Name, object? Value)[] values)
        {
            using var c = db.CreateCommand();
            c.Transaction = tx;
            c.CommandText = sql;
            c.Parameters.AddWithValue("$school", schoolId);
            foreach (var (name, value) in values) c.Parameters.AddWithValue(name, value ?? DBNull.Value);
            return Convert.ToInt64(c.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var survey = Run("""
            INSERT INTO "Surveys" ("SchoolId", "ProgramId", "Title", "Description", "Kind", "Anonymous", "Audience", "Deadline", "Status", "SentAt", "CreatedAt", "CreatedBy", "Version")
            VALUES ($school, $program, 'Промежуточный опрос участников программы', 'Ответ займёт пять минут.', 'Custom', 0, 'AllStaff', $deadline, 'Sent', $now, $now, 'curator', 0)
            RETURNING "Id"
            """, ("$program", programId), ("$now", now), ("$deadline", DateTime.Today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        (string Type, string Text, string? Options, long? Topic)[] questions =
        [
            ("Scale5", "Насколько полезны встречи с наставником?", null, null), ("Scale10", "Насколько вы готовы рекомендовать программу коллегам?", null, null),
            ("SingleChoice", "Как часто вы встречаетесь?", "Раз в неделю\nРаз в две недели\nРаз в месяц", null),
            ("MultipleChoice", "Что было полезнее всего?", "Посещение уроков\nРазбор уроков\nСовместные мероприятия", null),
            ("ShortText", "Одним словом: программа для вас —", null, null), ("LongText", "Что стоит изменить?", null, null),
            ("TopicRating", "Оцените, как вы владеете темой", null, topicId),
        ];
        for (var i = 0; i < questions.Length; i++)
        {
            var (type, text, options, topic) = questions[i];
            Run("""
                INSERT INTO "SurveyQuestions" ("SchoolId", "SurveyId", "SortOrder", "Type", "Text", "Options", "Required", "TopicId", "Measure")
                VALUES ($school, $survey, $order, $type, $text, $options, $required, $topic, 'None') RETURNING "Id"
                """, ("$survey", survey), ("$order", i + 1), ("$type", type), ("$text", text), ("$options", options), ("$required", i == 0), ("$topic", topic));
        }
        Run("""
            INSERT INTO "SurveyRecipients" ("SchoolId", "SurveyId", "PersonId", "Answered")
            SELECT $school, $survey, "PersonId", 0 FROM "AspNetUsers" WHERE "UserName" = 'teacher' RETURNING "Id"
            """, ("$survey", survey));
        tx.Commit();
        return survey;
    }

    /// <summary>The opening of a script that sends JSON and fails with the answer's text on an error; the script's body follows.</summary>
    private const string Fetch = """
        async a => {
        const send = async (method, url, body) => {
            const r = await fetch(url, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
            if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
            return r.json();
        };
        """;

    /// <summary>Whether the mentee's plan in the program was there before the walk (another flow may have left it).</summary>
    private static bool PlanExists(string databasePath, long programId, long menteeId)
    {
        using var db = new TestDatabase(databasePath);
        db.Open();
        using var c = db.CreateCommand();
        c.CommandText = $"""SELECT COUNT(*) FROM "DevelopmentPlans" WHERE "ProgramId" = {programId} AND "MenteeId" = {menteeId}""";
        return Convert.ToInt64(c.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Deletes what <see cref="AddAsync"/> made, dependents first.</summary>
    public void Remove(string databasePath)
    {
        using var db = new TestDatabase(databasePath);
        db.Open();
        using var tx = db.BeginTransaction();
        const string Observations = """SELECT "Id" FROM "LessonObservations" WHERE "ActivityId" = @activity""";
        var sql = new List<string>
        {
            $"""DELETE FROM "ObservationScores" WHERE "ObservationId" IN ({Observations})""",
            """DELETE FROM "LessonObservations" WHERE "ActivityId" = @activity""",
            """DELETE FROM "ActivityParticipants" WHERE "ActivityId" = @activity""",
            """DELETE FROM "ActivityFiles" WHERE "ActivityId" = @activity""",
            """DELETE FROM "JointActivities" WHERE "Id" = @activity""",
            """DELETE FROM "MeetingFeedback" WHERE "MeetingId" = @meeting""",
            """DELETE FROM "MeetingNotes" WHERE "MeetingId" = @meeting""",
            """DELETE FROM "MeetingParticipants" WHERE "MeetingId" = @meeting""",
            """DELETE FROM "Meetings" WHERE "Id" = @meeting""",
            """DELETE FROM "PlanTaskFiles" WHERE "TaskId" IN (SELECT "Id" FROM "PlanTasks" WHERE "PairId" = @pair)""",
            """DELETE FROM "PlanCorrections" WHERE "PairId" = @pair""",
            """DELETE FROM "PlanTasks" WHERE "PairId" = @pair""",
            """DELETE FROM "PlanGoals" WHERE "PairId" = @pair""",
            """DELETE FROM "PairReports" WHERE "PairId" = @pair""",
            """DELETE FROM "PairAgreements" WHERE "PairId" = @pair""",
            """DELETE FROM "PairChanges" WHERE "PairId" = @pair""",
            """DELETE FROM "MentoringPairs" WHERE "Id" = @pair""",
            """DELETE FROM "PlanTemplateTasks" WHERE "TemplateId" = @template""",
            """DELETE FROM "PlanTemplates" WHERE "Id" = @template""",
        };
        if (!PlanExisted) sql.Add("""DELETE FROM "DevelopmentPlans" WHERE "Id" = @plan""");
        sql.Add("""DELETE FROM "SurveyRecipients" WHERE "SurveyId" = @survey""");
        sql.Add("""DELETE FROM "SurveyQuestions" WHERE "SurveyId" = @survey""");
        sql.Add("""DELETE FROM "Surveys" WHERE "Id" = @survey""");
        foreach (var text in sql)
        {
            using var c = db.CreateCommand();
            c.Transaction = tx;
            c.CommandText = text;
            c.Parameters.AddWithValue("@activity", ActivityId);
            c.Parameters.AddWithValue("@meeting", MeetingId);
            c.Parameters.AddWithValue("@pair", PairId);
            c.Parameters.AddWithValue("@plan", PlanId);
            c.Parameters.AddWithValue("@template", TemplateId);
            c.Parameters.AddWithValue("@survey", OpenSurveyId);
            c.ExecuteNonQuery();
        }
        tx.Commit();
    }
}
