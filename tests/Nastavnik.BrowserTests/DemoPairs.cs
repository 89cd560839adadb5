
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
}
