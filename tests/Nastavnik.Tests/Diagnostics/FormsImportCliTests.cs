using System.Text;
using Microsoft.Data.Sqlite;
using Nastavnik.Tests.Infrastructure;

namespace Nastavnik.Tests.Diagnostics;

/// <summary>
/// `nastavnik import forms` against a fresh SQLite file: same all-or-nothing rules as the page. The commands run through the
/// executable's entry point in-process; the real executable is run by <see cref="Cli.CommandLineTests"/>.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class FormsImportCliTests : IDisposable
{
    private readonly CliInProcess _cli = new(demo: false);
    private string Db => _cli.Db;
    private Task<(int Code, string Out, string Err)> Run(params string[] args) => _cli.Run(args);
    private long Scalar(string sql) => _cli.Scalar(sql);

    [Fact]
    public async Task Uncertain_names_stop_the_command_until_accepted_and_a_repeat_changes_nothing()
    {
        (await Run("migrate")).Code.ShouldBe(0);
        var created = await Run("school", "create", "--name", "Школа для командной строки");
        created.Code.ShouldBe(0, created.Err);
        var school = long.Parse(created.Out.Split("with id ")[1].Split(' ', '.')[0]);
        var staff = Path.Combine(_cli.Dir, "staff.csv");
        await File.WriteAllTextAsync(staff, "ФИО;Согласие на обработку ПДн\nЁлкина Анна Сергеевна;да\nПетров Пётр Ильич;да\n", Encoding.UTF8);
        (await Run("import", "staff", staff, "--school", school.ToString())).Code.ShouldBe(0);

        var forms = Path.Combine(_cli.Dir, "forms.csv");
        await File.WriteAllTextAsync(forms, "\"Отметка времени\",\"ФИО\",\"Могу быть наставником\",\"Нужна помощь\"\n" +
            "\"14.09.2026 10:25:03\",\"Елкина Анна Сергеевна\",\"Кейс-технология, Геометрия, 10 класс\",\"\"\n" +
            "\"14.09.2026 10:26:03\",\"Петров П.И.\",\"\",\"Синтаксис\"\n", new UTF8Encoding(true));
        var noRound = await Run("import", "forms", forms, "--school", school.ToString());
        noRound.Code.ShouldBe(2);
        noRound.Err.ShouldContain("Нет открытого тура диагностики");

        using (var conn = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"INSERT INTO Programs (SchoolId, Name, StartDate, EndDate, Forms, Status, Version, CreatedAt) VALUES ({school}, 'Программа', '2026-09-01', '2027-06-30', 1, 'Active', 0, '2026-09-01 00:00:00');" +
                $"INSERT INTO DiagnosticsRounds (SchoolId, ProgramId, Title, OpenedAt, Deadline, Version) VALUES ({school}, last_insert_rowid(), 'Диагностика', '2026-09-01 00:00:00', '2026-09-30', 0);";
            cmd.ExecuteNonQuery();
        }
        var uncertain = await Run("import", "forms", forms, "--school", school.ToString());
        uncertain.Code.ShouldBe(1);
        uncertain.Err.ShouldContain("Строка 3: «Петров П.И.» — нужно подтверждение: Петров Пётр Ильич (совпадение по инициалам)");
        Scalar("SELECT COUNT(*) FROM Offers").ShouldBe(0);
        Scalar("SELECT COUNT(*) FROM RoundResponses").ShouldBe(0);

        var accepted = await Run("import", "forms", forms, "--school", school.ToString(), "--accept-uncertain");
        accepted.Code.ShouldBe(0, accepted.Err);
        accepted.Out.ShouldContain("ответы 2 педагогов");
        Scalar("SELECT COUNT(*) FROM Offers WHERE Source = 'Import'").ShouldBe(2);
        Scalar("SELECT COUNT(*) FROM Needs").ShouldBe(1);
        var audit = Scalar("SELECT COUNT(*) FROM AuditEntries");

        var again = await Run("import", "forms", forms, "--school", school.ToString(), "--accept-uncertain");
        again.Code.ShouldBe(0, again.Err);
        again.Out.ShouldContain("изменений нет");
        Scalar("SELECT COUNT(*) FROM AuditEntries").ShouldBe(audit);
    }

    [Fact]
    public async Task Namesakes_are_never_guessed_every_chosen_person_is_named_and_rows_older_than_the_round_are_skipped()
    {
        (await Run("migrate")).Code.ShouldBe(0);
        var created = await Run("school", "create", "--name", "Школа однофамильцев");
        created.Code.ShouldBe(0, created.Err);
        var school = created.Out.Split("with id ")[1].Split(' ', '.')[0];
        var staff = Path.Combine(_cli.Dir, "staff.csv");
        await File.WriteAllTextAsync(staff, "ФИО;Согласие на обработку ПДн\nКоролёва Алёна Павловна;да\nКоролёва Анна Петровна;да\nПетров Пётр Ильич;да\nЁлкина Анна Сергеевна;да\n", Encoding.UTF8);
        (await Run("import", "staff", staff, "--school", school)).Code.ShouldBe(0);
        using (var conn = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"INSERT INTO Programs (SchoolId, Name, StartDate, EndDate, Forms, Status, Version, CreatedAt) VALUES ({school}, 'Программа', '2026-09-01', '2027-06-30', 1, 'Active', 0, '2026-09-01 00:00:00');" +
                $"INSERT INTO DiagnosticsRounds (SchoolId, ProgramId, Title, OpenedAt, Deadline, Version) VALUES ({school}, last_insert_rowid(), 'Диагностика', '2026-09-01 00:00:00', '2026-09-30', 0);";
            cmd.ExecuteNonQuery();
        }
        const string header = "\"Отметка времени\",\"ФИО\",\"Могу быть наставником\",\"Нужна помощь\"\n";
        const string petrov = "\"14.09.2026 10:26:03\",\"Петров П.И.\",\"Синтаксис\",\"\"\n";
        const string yolkina = "\"28.08.2026 9:00:00\",\"Ёлкина Анна Сергеевна\",\"Кейс-технология\",\"\"\n";
        var forms = Path.Combine(_cli.Dir, "forms.csv");
        await File.WriteAllTextAsync(forms, header + "\"14.09.2026 10:25:03\",\"Королёва А. П.\",\"Кейс-технология\",\"Синтаксис\"\n" + petrov + yolkina, new UTF8Encoding(true));

        var refused = await Run("import", "forms", forms, "--school", school, "--accept-uncertain");
        refused.Code.ShouldBe(1);
        refused.Err.ShouldContain("Строка 2: «Королёва А. П.» — подходят несколько педагогов: Королёва Алёна Павловна (совпадение по инициалам); Королёва Анна Петровна (совпадение по инициалам). Укажите полное ФИО в файле или выберите педагога на странице /Diagnostics/Import.");
        Scalar("SELECT COUNT(*) FROM Offers").ShouldBe(0);
        Scalar("SELECT COUNT(*) FROM Needs").ShouldBe(0);

        await File.WriteAllTextAsync(forms, header + petrov + yolkina, new UTF8Encoding(true));
        var done = await Run("import", "forms", forms, "--school", school, "--accept-uncertain");
        done.Code.ShouldBe(0, done.Err);
        done.Out.ShouldContain("Строка 2: «Петров П.И.» — это Петров Пётр Ильич (совпадение по инициалам).");
        done.Out.ShouldContain("Строка 2 — Петров Пётр Ильич");
        done.Out.ShouldContain("добавится: наставник — «Синтаксис»");
        done.Out.ShouldContain("Строка 3 — Ёлкина Анна Сергеевна");
        done.Out.ShouldContain("не загружается: ответ в файле (28.08.2026 09:00) дан до начала диагностики (01.09.2026 03:00)");
        Scalar("SELECT COUNT(*) FROM Offers").ShouldBe(1);

        var included = await Run("import", "forms", forms, "--school", school, "--accept-uncertain", "--include-older");
        included.Code.ShouldBe(0, included.Err);
        Scalar("SELECT COUNT(*) FROM Offers").ShouldBe(2);
    }

    public void Dispose() => _cli.Dispose();
}
