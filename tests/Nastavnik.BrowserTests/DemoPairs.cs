
namespace Nastavnik.BrowserTests;

/// <summary>
/// The browser tests share one demo school. Flows that approve pairs from a fresh matching (approval replaces pairs only while none
/// is at work) start from a program with no pairs: this removes the demo's pairs and everything other flows hung on them.
/// </summary>
internal static class DemoPairs
{
    // Dependents first, as the foreign keys require.
    private static readonly string[] Tables =
    [
        "ObservationScores", "LessonObservations", "ActivityFiles", "ActivityParticipants", "JointActivities",
        "MeetingFeedback", "MeetingNotes", "MeetingParticipants", "Meetings",
        "PlanTaskFiles", "PlanCorrections", "PlanTasks", "PlanGoals", "DevelopmentPlans",
        "PairReports", "PairAgreements", "PairChanges", "MentoringPairs",
    ];

    public static void ClearIn(string databasePath)
    {
        using var db = new TestDatabase(databasePath);
        db.Open();
        using var tx = db.BeginTransaction();
        using var school = db.CreateCommand();
        school.Transaction = tx;
        school.CommandText = """SELECT "Id" FROM "Organizations" WHERE "IsDemo" = 1 AND "Kind" = 'School'""";
        var id = Convert.ToInt64(school.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var table in Tables)
        {
            using var delete = db.CreateCommand();
            delete.Transaction = tx;
            delete.CommandText = $"""DELETE FROM "{table}" WHERE "SchoolId" = $s""";
            delete.Parameters.AddWithValue("$s", id);
            delete.ExecuteNonQuery();
        }
        tx.Commit();
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
