using System.Text;
using Nastavnik.Tests.Infrastructure;

namespace Nastavnik.Tests.Cli;

/// <summary>
/// The executable's commands against a fresh SQLite file, the way an administrator runs them. What only a process shows (its start,
/// exit code and output streams) is checked with the real executable (<see cref="CliProcess"/>): the help, the first migration,
/// a refused import and a taken login. The other commands go through the same entry point in the test process
/// (<see cref="CliInProcess"/>, same file, same parsing and output): a process per command cost 4–13 s of CPU each (the host
/// and the EF model built cold every time) and made this the slowest test of the suite (docs/benchmarks.md).
/// </summary>
[Collection(CliCollection.Name)]
public sealed class CommandLineTests : IDisposable
{
    private readonly CliProcess _process = new();
    private readonly CliInProcess _cli;

    /// <summary>Both runners work in one folder on one database file; disposing the process runner removes it.</summary>
    public CommandLineTests() => _cli = new CliInProcess(dir: _process.Dir);

    private Task<(int Code, string Out, string Err)> Run(params string[] args) => _cli.Run(args);
    private Task<(int Code, string Out, string Err)> Process(params string[] args) => _process.Run(args);
    private long Scalar(string sql) => _cli.Scalar(sql);

    [Fact]
    public async Task Migrate_import_user_create_and_demo_reset_work_from_the_command_line()
    {
        var help = await Process("--help");
        help.Code.ShouldBe(0, help.Err);
        help.Out.ShouldContain("migrate");
        help.Out.ShouldContain("import");

        var migrate = await Process("migrate");
        migrate.Code.ShouldBe(0, migrate.Err);
        migrate.Out.ShouldContain("_Initial");
        (await Run("migrate")).Out.ShouldContain("up to date");

        // demo reset on an empty database creates the demo school (id 3: region, district, school).
        var reset = await Run("demo", "reset");
        reset.Code.ShouldBe(0, reset.Err);
        reset.Out.ShouldContain("curator");
        Scalar("SELECT COUNT(*) FROM People").ShouldBe(276);

        var good = Path.Combine(_process.Dir, "good.csv");
        await File.WriteAllTextAsync(good, "ФИО;Стаж\nКомандова Лидия Павловна;12\nСтроков Илья Ильич;3\n", Encoding.UTF8);
        var import = await Run("import", "staff", good, "--school", "3");
        import.Code.ShouldBe(0, import.Err);
        import.Out.ShouldContain("новых 2");
        Scalar("SELECT COUNT(*) FROM People WHERE LastName IN ('Командова', 'Строков') AND SchoolId = 3").ShouldBe(2);

        var bad = Path.Combine(_process.Dir, "bad.csv");
        await File.WriteAllTextAsync(bad, "ФИО;Стаж\nПлохова Ева Львовна;12\nКривов;3\n", Encoding.UTF8);
        var refused = await Process("import", "staff", bad, "--school", "3");
        refused.Code.ShouldBe(1);
        refused.Err.ShouldContain("Строка 3, столбец «ФИО»");
        Scalar("SELECT COUNT(*) FROM People WHERE LastName = 'Плохова'").ShouldBe(0);

        var personId = Scalar("SELECT Id FROM People WHERE LastName = 'Командова'");
        var user = await Run("user", "create", "--username", "komandova", "--password", "start2026x", "--role", "teacher", "--school", "3", "--person", personId.ToString());
        user.Code.ShouldBe(0, user.Err);
        Scalar("SELECT COUNT(*) FROM AspNetUsers WHERE UserName = 'komandova' AND PersonId = " + personId).ShouldBe(1);
        (await Run("user", "create", "--username", "strokov", "--password", "short", "--role", "teacher", "--school", "3")).Err.ShouldContain("не короче 10");
        // The login rule and the taken login are the page's (AccountCommands), with the page's words.
        var cyrillic = await Run("user", "create", "--username", "строков", "--password", "start2026x", "--role", "teacher", "--school", "3");
        (cyrillic.Code, cyrillic.Err.Trim()).ShouldBe((1, Nastavnik.Web.Features.Admin.Users.AccountCommands.LoginRule));
        var taken = await Process("user", "create", "--username", "komandova", "--password", "start2026x", "--role", "teacher", "--school", "3");
        taken.Code.ShouldBe(4);
        taken.Err.ShouldContain("Логин «komandova» уже занят");
        Scalar("SELECT COUNT(*) FROM AspNetUsers WHERE UserName = 'строков'").ShouldBe(0);

        // A real school of its own, with the catalog, and its first administrator.
        var school = await Run("school", "create", "--name", "ГБОУ СОШ № 7", "--district", "Кировский район", "--region", "Санкт-Петербург");
        school.Code.ShouldBe(0, school.Err);
        var schoolId = Scalar("SELECT Id FROM Organizations WHERE Name = 'ГБОУ СОШ № 7' AND Kind = 'School'");
        Scalar($"SELECT COUNT(*) FROM Topics WHERE SchoolId = {schoolId}").ShouldBe(25);
        (await Run("user", "create", "--username", "director7", "--password", "director2026", "--role", "administrator", "--school", schoolId.ToString(), "--name", "Директор")).Code.ShouldBe(0);
        var role = await Run("user", "role", "--username", "komandova", "--role", "curator");
        role.Code.ShouldBe(0, role.Err);
        Scalar("SELECT COUNT(*) FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId JOIN AspNetUsers u ON u.Id = ur.UserId " +
            "WHERE u.UserName = 'komandova' AND r.Name = 'curator'").ShouldBe(1);

        // Resetting the demo brings it back to its first state, and leaves other schools alone.
        (await Run("demo", "reset")).Code.ShouldBe(0);
        Scalar("SELECT COUNT(*) FROM People").ShouldBe(276);
        Scalar("SELECT COUNT(*) FROM AspNetUsers WHERE UserName = 'komandova'").ShouldBe(0);
        Scalar("SELECT COUNT(*) FROM AspNetUsers WHERE UserName = 'director7'").ShouldBe(1);
    }

    public void Dispose()
    {
        _cli.Dispose();
        _process.Dispose();
    }
}

/// <summary>`nastavnik match --instance`: the engine's instance file solved by the command, run through the entry point in-process.</summary>
[Collection(CliCollection.Name)]
public sealed class MatchInstanceCommandTests : IDisposable
{
    private readonly CliInProcess _cli = new();
    private Task<(int Code, string Out, string Err)> Run(params string[] args) => _cli.Run(args);

    [Fact]
    public async Task Match_solves_an_instance_file_to_the_known_optimum()
    {
        var instance = Path.Combine(AppContext.BaseDirectory, "Instances", "small-seed1.json");
        var result = await Run("match", "--instance", instance);
        result.Code.ShouldBe(0, result.Err);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("objective").GetInt64().ShouldBe(8855);
        json.RootElement.GetProperty("needs_served").GetInt32().ShouldBe(json.RootElement.GetProperty("assignments").GetArrayLength());

        var outFile = Path.Combine(_cli.Dir, "result.json");
        (await Run("match", "--instance", instance, "--out", outFile)).Code.ShouldBe(0);
        System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(outFile)).RootElement.GetProperty("objective").GetInt64().ShouldBe(8855);

        var missing = await Run("match", "--instance", Path.Combine(_cli.Dir, "nope.json"));
        missing.Code.ShouldNotBe(0);
    }

    public void Dispose() => _cli.Dispose();
}
