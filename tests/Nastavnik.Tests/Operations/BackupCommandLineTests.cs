using Nastavnik.Tests.Infrastructure;

namespace Nastavnik.Tests.Operations;

/// <summary>`nastavnik backup` and `nastavnik restore` through the executable's entry point: a school's database backed up, restored
/// into a new file, and the refusals with their exit codes and Russian words.</summary>
[Collection(CliCollection.Name)]
public sealed class BackupCommandLineTests : IDisposable
{
    private readonly CliInProcess _cli = new(demo: false);
    private Task<(int Code, string Out, string Err)> Run(params string[] args) => _cli.Run(args);

    [Fact]
    public async Task Backup_and_restore_from_the_command_line_with_refusals_as_exit_codes()
    {
        (await Run("migrate")).Code.ShouldBe(0);
        (await Run("school", "create", "--name", "ГБОУ СОШ № 7")).Code.ShouldBe(0);
        var file = Path.Combine(_cli.Dir, "school.zip");

        var backup = await Run("backup", "--out", file);
        backup.Code.ShouldBe(0, backup.Err);
        backup.Out.ShouldStartWith($"Резервная копия записана: {file}");
        (await Run("backup", "--out", file)).Code.ShouldBe(4);

        // Into the database it came from, which is not empty: refused, exit code 4.
        var busy = await Run("restore", file);
        busy.Code.ShouldBe(4);
        busy.Err.ShouldStartWith("База данных не пуста");
        var notBackup = await Run("restore", Path.Combine(AppContext.BaseDirectory, "Instances", "small-seed1.json"));
        (notBackup.Code, notBackup.Err.Trim()).ShouldBe((1, "Файл «small-seed1.json» — не резервная копия Наставника (её делает команда nastavnik backup). Ничего не изменено."));
        (await Run("restore", Path.Combine(_cli.Dir, "missing.zip"))).Code.ShouldBe(2);

        // Into a new file: the school is there.
        var restoredDb = Path.Combine(_cli.Dir, "restored.db");
        _cli.Settings["Nastavnik__ConnectionStrings__Nastavnik"] = $"Data Source={restoredDb};Pooling=False";
        var restore = await Run("restore", file);
        restore.Code.ShouldBe(0, restore.Err);
        restore.Out.ShouldContain("восстановлена");
        using var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={restoredDb};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM Organizations WHERE Name = 'ГБОУ СОШ № 7'";
        Convert.ToInt64(cmd.ExecuteScalar()).ShouldBe(1);
    }

    public void Dispose() => _cli.Dispose();
}
