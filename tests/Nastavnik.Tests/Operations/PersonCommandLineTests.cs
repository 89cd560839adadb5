using System.IO.Compression;
using Nastavnik.Tests.Infrastructure;

namespace Nastavnik.Tests.Operations;

/// <summary>`nastavnik person export` and `nastavnik person erase` through the executable's entry point: the operator's way to a
/// person's data on request, with the refusals as exit codes.</summary>
[Collection(CliCollection.Name)]
public sealed class PersonCommandLineTests : IDisposable
{
    private readonly CliInProcess _cli = new(demo: false);
    private Task<(int Code, string Out, string Err)> Run(params string[] args) => _cli.Run(args);

    [Fact]
    public async Task The_operator_exports_and_erases_a_person_and_is_refused_without_the_word_twice_or_for_no_one()
    {
        (await Run("migrate")).Code.ShouldBe(0);
        (await Run("school", "create", "--name", "ГБОУ СОШ № 9")).Code.ShouldBe(0);
        _cli.Scalar("""
            INSERT INTO People (SchoolId, Kind, LastName, FirstName, MiddleName, Email, Category, IsArchived, Consent, SearchText, Version, CreatedAt, UpdatedAt)
            SELECT Id, 'Teacher', 'Командова', 'Лидия', 'Петровна', 'komandova@example.ru', 'None', 0, 'Given', '', 1, '2026-09-01', '2026-09-01'
            FROM Organizations WHERE Name = 'ГБОУ СОШ № 9'
            """);
        var id = _cli.Scalar("SELECT Id FROM People WHERE LastName = 'Командова'").ToString(System.Globalization.CultureInfo.InvariantCulture);
        var file = Path.Combine(_cli.Dir, "person.zip");

        var export = await Run("person", "export", "--id", id, "--out", file);
        export.Code.ShouldBe(0, export.Err);
        using (var zip = ZipFile.OpenRead(file))
        using (var reader = new StreamReader(zip.GetEntry("person.json")!.Open()))
            (await reader.ReadToEndAsync()).ShouldContain("komandova@example.ru");
        (await Run("person", "export", "--id", id, "--out", file)).Code.ShouldBe(4);
        (await Run("person", "export", "--id", "98765", "--out", Path.Combine(_cli.Dir, "no.zip"))).Code.ShouldBe(2);

        var unconfirmed = await Run("person", "erase", "--id", id);
        (unconfirmed.Code, unconfirmed.Err.Trim()).ShouldBe((1, "Удаление необратимо: чтобы подтвердить, введите слово «УДАЛИТЬ»."));
        var erase = await Run("person", "erase", "--id", id, "--confirm", "УДАЛИТЬ");
        erase.Code.ShouldBe(0, erase.Err);
        _cli.Scalar($"SELECT COUNT(*) FROM People WHERE Id = {id} AND LastName = 'Удалённый' AND Email IS NULL AND ErasedAt IS NOT NULL").ShouldBe(1);
        _cli.Scalar($"SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'Person' AND EntityId = {id} AND Action = 'erase' AND UserName = 'system'").ShouldBe(1);
        (await Run("person", "erase", "--id", id, "--confirm", "УДАЛИТЬ")).Code.ShouldBe(4);
    }

    public void Dispose() => _cli.Dispose();
}
