
namespace Nastavnik.BrowserTests;

/// <summary>
/// The browser tests share one demo school. Flows that approve pairs from a fresh matching (approval replaces pairs only while none
/// is at work) start from a program with no pairs: this removes the current program's pairs and everything other flows hung on them,
/// and leaves last school year's completed program (DemoLastYear) whole, as the monitoring pages compare with it.
/// </summary>
internal static class DemoPairs
{
    /// <summary>The current program's rows, dependents first as the foreign keys require; {0} is the program's id.</summary>
    private static readonly (string Table, string Where)[] Rows =
    [
        ("ObservationScores", """ "ObservationId" IN (SELECT "Id" FROM "LessonObservations" WHERE "ActivityId" IN (SELECT "Id" FROM "JointActivities" WHERE "ProgramId" = {0}))"""),
        ("LessonObservations", """ "ActivityId" IN (SELECT "Id" FROM "JointActivities" WHERE "ProgramId" = {0})"""),
        ("ActivityFiles", """ "ActivityId" IN (SELECT "Id" FROM "JointActivities" WHERE "ProgramId" = {0})"""),
        ("ActivityParticipants", """ "ActivityId" IN (SELECT "Id" FROM "JointActivities" WHERE "ProgramId" = {0})"""),
        ("JointActivities", """ "ProgramId" = {0}"""),
        ("MeetingFeedback", """ "MeetingId" IN (SELECT "Id" FROM "Meetings" WHERE "ProgramId" = {0})"""),
        ("MeetingNotes", """ "MeetingId" IN (SELECT "Id" FROM "Meetings" WHERE "ProgramId" = {0})"""),
        ("MeetingParticipants", """ "MeetingId" IN (SELECT "Id" FROM "Meetings" WHERE "ProgramId" = {0})"""),
        ("Meetings", """ "ProgramId" = {0}"""),
        ("PlanTaskFiles", """ "TaskId" IN (SELECT "Id" FROM "PlanTasks" WHERE "PlanId" IN (SELECT "Id" FROM "DevelopmentPlans" WHERE "ProgramId" = {0}))"""),
        ("PlanCorrections", """ "PlanId" IN (SELECT "Id" FROM "DevelopmentPlans" WHERE "ProgramId" = {0})"""),
        ("PlanTasks", """ "PlanId" IN (SELECT "Id" FROM "DevelopmentPlans" WHERE "ProgramId" = {0})"""),
        ("PlanGoals", """ "PlanId" IN (SELECT "Id" FROM "DevelopmentPlans" WHERE "ProgramId" = {0})"""),
        ("DevelopmentPlans", """ "ProgramId" = {0}"""),
        ("PairReports", """ "PairId" IN (SELECT "Id" FROM "MentoringPairs" WHERE "ProgramId" = {0})"""),
        ("PairAgreements", """ "PairId" IN (SELECT "Id" FROM "MentoringPairs" WHERE "ProgramId" = {0})"""),
        ("PairChanges", """ "PairId" IN (SELECT "Id" FROM "MentoringPairs" WHERE "ProgramId" = {0})"""),
        ("MentoringPairs", """ "ProgramId" = {0}"""),
    ];

    public static void ClearIn(string databasePath)
    {
        using var db = new TestDatabase(databasePath);
        db.Open();
        using var tx = db.BeginTransaction();
        using var current = db.CreateCommand();
        current.Transaction = tx;
        // The current program as the app picks it (ProgramScope.CurrentProgramAsync): the active one, else a draft, else the latest.
        current.CommandText = """
            SELECT p."Id" FROM "Programs" p JOIN "Organizations" o ON o."Id" = p."SchoolId" WHERE o."IsDemo" = 1 AND o."Kind" = 'School'
            ORDER BY CASE p."Status" WHEN 'Active' THEN 0 WHEN 'Draft' THEN 1 ELSE 2 END, p."StartDate" DESC, p."Id" DESC LIMIT 1
            """;
        var program = Convert.ToInt64(current.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (table, where) in Rows)
        {
            using var delete = db.CreateCommand();
            delete.Transaction = tx;
            delete.CommandText = $"""DELETE FROM "{table}" WHERE""" + where.Replace("{0}", "$p", StringComparison.Ordinal);
            delete.Parameters.AddWithValue("$p", program);
            delete.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>The demo school's completed program of last school year.</summary>
    public static long LastYearProgram(string databasePath)
    {
        using var db = new TestDatabase(databasePath);
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = """
            SELECT p."Id" FROM "Programs" p JOIN "Organizations" o ON o."Id" = p."SchoolId"
            WHERE o."IsDemo" = 1 AND o."Kind" = 'School' AND p."Status" = 'Completed' ORDER BY p."StartDate" LIMIT 1
            """;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A pair the flows make for themselves, by SQL (what the UI would take a matching for).</summary>
    public sealed record Added(long PairId, long SchoolId, long ProgramId, long MenteeId, long TopicId);

    /// <summary>
    /// The demo teacher as the mentor of the demo teacher2 in the current program, on a topic teacher2 has no live pair on (so any
    /// number of flows can each add one), approved at <paramref name="approvedAt"/> (UTC).
    /// </summary>
    public static Added AddTeacherMentoringTeacher2(string databasePath, DateTime approvedAt)
    {
        using var db = new TestDatabase(databasePath);
        db.Open();
        using var tx = db.BeginTransaction();
        long Scalar(string sql)
        {
            using var c = db.CreateCommand();
            c.Transaction = tx;
            c.CommandText = sql;
            return Convert.ToInt64(c.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        var school = Scalar("""SELECT "Id" FROM "Organizations" WHERE "IsDemo" = 1 AND "Kind" = 'School'""");
        var program = Scalar($"""SELECT "Id" FROM "Programs" WHERE "SchoolId" = {school} AND "Status" = 'Active'""");
        var mentee = Scalar("""SELECT "PersonId" FROM "AspNetUsers" WHERE "UserName" = 'teacher2'""");
        var mentor = Scalar("""SELECT "PersonId" FROM "AspNetUsers" WHERE "UserName" = 'teacher'""");
        var topic = Scalar($"""
            SELECT "Id" FROM "Topics" WHERE "SchoolId" = {school} AND "IsRetired" = 0 AND "Id" NOT IN
              (SELECT "TopicId" FROM "MentoringPairs" WHERE "ProgramId" = {program} AND "MenteeId" = {mentee} AND "Status" IN ('Approved', 'Active'))
            ORDER BY "Id" LIMIT 1
            """);
        var approved = approvedAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var id = Scalar($"""
            INSERT INTO "MentoringPairs" ("SchoolId", "ProgramId", "MentorId", "MenteeId", "TopicId", "ApprovedAt", "ApprovedBy", "Status", "Manual", "Version")
            VALUES ({school}, {program}, {mentor}, {mentee}, {topic}, '{approved}', 'curator', 'Approved', 0, 0) RETURNING "Id"
            """);
        tx.Commit();
        return new Added(id, school, program, mentee, topic);
    }
}
