using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;

namespace Nastavnik.Tests.Hosting;

/// <summary>
/// The events an operator searches the log for are written with their ids and fields: the account by its id, never its login,
/// a name or a password.
/// </summary>
public abstract class OperatorLogTests(AppFixture app)
{
    private IReadOnlyList<LogEntry> Events(string name, string? userId) =>
        app.Log.Entries.Where(e => e.Event.Name == name && Equals(e.Fields.GetValueOrDefault("UserId"), userId)).ToList();

    [Fact]
    public async Task Sign_in_success_and_failure_and_an_export_of_the_registry_are_logged_with_who_and_how_many()
    {
        var school = await app.NewSchoolAsync(teachers: 3);
        var curatorId = await app.WithDb(db => db.Users.Where(u => u.UserName == school.Curator).Select(u => u.Id).SingleAsync());
        var anonymous = app.Anonymous();
        var failed = await anonymous.PostFormAsync("/Account/Login", "/Account/Login", new()
        { ["Input.UserName"] = school.Curator, ["Input.Password"] = "not-the-password-2026" });
        failed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var failure = Events("SignInFailed", curatorId).ShouldHaveSingleItem();
        failure.Event.Id.ShouldBe(1001);
        failure.Level.ShouldBe(Microsoft.Extensions.Logging.LogLevel.Warning);
        failure.Message.ShouldNotContain("not-the-password-2026");
        failure.Message.ShouldNotContain(school.Curator);

        var curator = await school.CuratorAsync();
        Events("SignedIn", curatorId).ShouldHaveSingleItem().Event.Id.ShouldBe(1000);

        (await curator.GetAsync("/Staff/Export")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var export = Events("PersonalDataExported", curatorId).ShouldHaveSingleItem();
        export.Message.ShouldNotContain(school.Curator);
        export.Fields["SchoolId"].ShouldBe(school.Id);
        app.Log.Entries.ShouldNotContain(e => e.Message.Contains(school.Curator, StringComparison.Ordinal)
            || e.Fields.Values.Any(v => Equals(v, school.Curator)));
        export.Fields["Rows"].ShouldBe(await app.WithDb(db => db.People.IgnoreQueryFilters().CountAsync(p => p.SchoolId == school.Id && !p.IsArchived)));
    }
}

[Collection("sqlite")] public sealed class OperatorLogTests_Sqlite(SqliteApp app) : OperatorLogTests(app);
[Collection("postgres")] public sealed class OperatorLogTests_Postgres(PostgresApp app) : OperatorLogTests(app);
