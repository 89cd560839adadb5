using System.Text;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Activities;
using Nastavnik.Web.Features.Portfolio;

namespace Nastavnik.Tests.Activities;

/// <summary>
/// After an activity is recorded, its organizer adds and removes participants (audited, version-checked); a participant added
/// then sees it, attaches a file checked like the portfolio's, and only they delete it; a teacher outside it finds nothing.
/// </summary>
public abstract class ActivityPeopleTests(AppFixture app)
{
    private static FileUpload Upload(string name, string text = "план урока") { var b = Encoding.UTF8.GetBytes(text); return new FileUpload(name, b.Length, new MemoryStream(b)); }

    [Fact]
    public async Task The_organizer_adds_a_participant_who_then_attaches_a_file_that_only_they_delete()
    {
        var school = await app.NewSchoolAsync(teachers: 3);
        await school.OpenRoundAsync(withRound: false);
        var colleague = school.Teachers[1].PersonId;
        int id, version;
        await using (var s = SignedInScope.Teacher(school, 0))
        {
            var commands = s.Get<ActivityCommands>();
            var activity = (await commands.CreateAsync(new ActivityInput { Kind = ActivityKind.Seminar, Date = new(2026, 11, 20), Title = "Семинар по ФГОС" }, default)).Value!;
            id = activity.Id;
            var read = activity.Version; // what the organizer's page read
            var added = await commands.AddParticipantAsync(id, colleague, read, default);
            added.Error.ShouldBeNull();
            (await commands.AddParticipantAsync(id, school.Teachers[2].PersonId, read, default)).Error!.Kind.ShouldBe(ErrorKind.Stale);
            (await commands.AddParticipantAsync(id, colleague, added.Value!.Version, default)).Error
                .ShouldBeRefusal(ErrorKind.Conflict, "Этот сотрудник уже участвует в мероприятии.");
            (await commands.RemoveParticipantAsync(id, school.Teachers[0].PersonId, added.Value.Version, default)).Error
                .ShouldBeRefusal(ErrorKind.Conflict, "Того, кто записал мероприятие, из участников не убирают.");
            version = await s.Get<AppDbContext>().JointActivities.AsNoTracking().Where(a => a.Id == id).Select(a => a.Version).SingleAsync();
            var audit = await s.Get<AppDbContext>().AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ActivityParticipant) && a.Action == "create").CountAsync();
            audit.ShouldBeGreaterThanOrEqualTo(2, "the organizer's row and the colleague's are in the audit trail");
        }
        await using (var s = SignedInScope.Teacher(school, 2))
        {
            // Outside the activity: as if it did not exist.
            (await s.Get<ActivityCommands>().AddParticipantAsync(id, school.Teachers[2].PersonId, version, default)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
            (await s.Get<ActivityCommands>().AddFilesAsync(id, [Upload("план.pdf")], default)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        }
        int fileId;
        await using (var s = SignedInScope.Teacher(school, 1))
        {
            var commands = s.Get<ActivityCommands>();
            (await commands.AddFilesAsync(id, [Upload("вирус.exe")], default)).Error.ShouldBeRefusal(ErrorKind.Invalid, "Файл не приложен.",
                PortfolioFiles.Problem("вирус.exe", 20)!);
            (await commands.RemoveParticipantAsync(id, colleague, version, default)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
            var files = await commands.AddFilesAsync(id, [Upload("План урока.pdf")], default);
            files.Error.ShouldBeNull();
            fileId = files.Value!.Single().Id;
        }
        await using (var s = SignedInScope.Teacher(school, 0))
        {
            var db = s.Get<AppDbContext>();
            (await db.ActivityFiles.SingleAsync(f => f.ActivityId == id)).FileName.ShouldBe("План урока.pdf", "the organizer sees the participant's file");
            (await s.Get<ActivityCommands>().DeleteFileAsync(fileId, default)).Error
                .ShouldBeRefusal(ErrorKind.Forbidden, "Удалить файл может тот, кто его приложил.");
            var removed = await s.Get<ActivityCommands>().RemoveParticipantAsync(id, colleague, version, default);
            removed.Error.ShouldBeNull();
        }
        await using (var s = SignedInScope.Teacher(school, 1))
        {
            // No longer a participant: neither the activity nor its files are visible, so the file cannot be deleted either.
            (await s.Get<AppDbContext>().JointActivities.AnyAsync(a => a.Id == id)).ShouldBeFalse();
            (await s.Get<ActivityCommands>().DeleteFileAsync(fileId, default)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        }
        await using (var s = SignedInScope.Curator(school))
        {
            (await s.Get<AppDbContext>().ActivityFiles.CountAsync(f => f.ActivityId == id)).ShouldBe(1, "the manager sees it");
            (await s.Get<AppDbContext>().AuditEntries.AnyAsync(a => a.EntityType == nameof(ActivityParticipant) && a.Action == "delete")).ShouldBeTrue();
        }
    }
}

[Collection("sqlite")] public sealed class ActivityPeopleTests_Sqlite(SqliteApp app) : ActivityPeopleTests(app);
