using System.Data.Common;
using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Nastavnik.Web.Data;
using Npgsql;

namespace Nastavnik.Tests.Data;

/// <summary>
/// A database exactly as the last release with SQL migrations (0001–0008, ADR-002) left it: its scripts, kept in Release0008/,
/// applied in order and each recorded in __nastavnik_migrations the way that release's migrator did; and the rows of a school
/// in use, written with plain SQL in that release's schema (not with today's model, which moves on with later migrations).
/// </summary>
public sealed class Release0008Database(DatabaseProvider provider, string connectionString)
{
    public const string LastScript = "0008_preferences";
    public const string AdminLogin = "director8";
    public const string AdminPassword = "director2026";
    public const string MentorName = "Соколова Ирина Павловна";
    public const string MenteeName = "Лебедев Артём Игоревич";

    public static IReadOnlyList<(string Id, string Sql)> Scripts(DatabaseProvider provider)
    {
        var asm = typeof(Release0008Database).Assembly;
        var prefix = $"release0008/{(provider == DatabaseProvider.PostgreSQL ? "Postgres" : "Sqlite")}/";
        return asm.GetManifestResourceNames()
            .Select(n => (Name: n, Path: n.Replace('\\', '/')))
            .Where(n => n.Path.StartsWith(prefix, StringComparison.Ordinal) && n.Path.EndsWith(".sql", StringComparison.Ordinal))
            .OrderBy(n => n.Path, StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(asm.GetManifestResourceStream(n.Name)!);
                return (n.Path[prefix.Length..^4], reader.ReadToEnd());
            })
            .ToList();
    }

    public async Task<DbConnection> OpenAsync()
    {
        DbConnection conn = provider == DatabaseProvider.PostgreSQL ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await conn.OpenAsync();
        return conn;
    }

    /// <summary>Applies the release's scripts up to and including <paramref name="upTo"/>, as its migrator did.</summary>
    public async Task MigrateAsync(string upTo = LastScript)
    {
        var scripts = Scripts(provider);
        scripts.Count.ShouldBe(8);
        await using var conn = await OpenAsync();
        if (provider == DatabaseProvider.Sqlite) await ExecAsync(conn, null, "PRAGMA journal_mode=WAL");
        await ExecAsync(conn, null, "CREATE TABLE IF NOT EXISTS __nastavnik_migrations (id varchar(150) NOT NULL PRIMARY KEY, applied_at varchar(40) NOT NULL)");
        foreach (var (id, sql) in scripts.Where(s => string.CompareOrdinal(s.Id, upTo) <= 0))
        {
            await using var tx = await conn.BeginTransactionAsync();
            await ExecAsync(conn, tx, sql);
            await ExecAsync(conn, tx, $"INSERT INTO __nastavnik_migrations (id, applied_at) VALUES ('{id}', '{DateTime.UtcNow:O}')");
            await tx.CommitAsync();
        }
    }

    /// <summary>
    /// A school in use: people and accounts, the catalog, an active program with indicators and a roadmap, a round with answers,
    /// offers and needs, the choice stage, a matching run with a lock and an approved pair, a portfolio, an import and audit rows.
    /// </summary>
    public async Task<int> SeedAsync()
    {
        await using var conn = await OpenAsync();
        var at = new DateTime(2026, 10, 1, 9, 30, 0, DateTimeKind.Utc);
        Task<int> Row(string table, object values) => InsertAsync(conn, table, values, returnId: true);
        Task Link(string table, object values) => InsertAsync(conn, table, values, returnId: false);

        var school = await Row("Organizations", new { Kind = "School", Name = "ГБОУ СОШ № 8", ShortName = "Школа № 8", IsDemo = false, CreatedAt = at });
        Task<int> Person(string last, string first, string middle, string email) => Row("People", new
        {
            SchoolId = school, Kind = "Teacher", LastName = last, FirstName = first, MiddleName = middle, Position = "Учитель",
            Subjects = "Математика", Department = "МО естественных наук", ExperienceYears = 12, BirthYear = 1985, Category = "Highest",
            Email = email, IsArchived = false, Consent = "Given", ConsentDate = new DateOnly(2026, 9, 1), ConsentRecordedBy = AdminLogin,
            SearchText = $"{last} {first} {middle} {email} математика учитель".ToLowerInvariant().Replace('ё', 'е'),
            Version = 0, CreatedAt = at, UpdatedAt = at,
        });
        var mentor = await Person("Соколова", "Ирина", "Павловна", "sokolova@school8.example");
        var mentee = await Person("Лебедев", "Артём", "Игоревич", "lebedev@school8.example");
        var curator = await Person("Новикова", "Ольга", "Сергеевна", "novikova@school8.example");

        var roles = new Dictionary<string, string>();
        foreach (var role in Roles.All)
        {
            roles[role] = Guid.NewGuid().ToString();
            await Link("AspNetRoles", new { Id = roles[role], Name = role, NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        }
        async Task Account(string login, string password, string role, int? personId, string name)
        {
            var id = Guid.NewGuid().ToString();
            await Link("AspNetUsers", new
            {
                Id = id, SchoolId = school, PersonId = personId, DisplayName = name, MustChangePassword = false, UserName = login,
                NormalizedUserName = login.ToUpperInvariant(), EmailConfirmed = false,
                PasswordHash = new PasswordHasher<AppUser>().HashPassword(new AppUser { DisplayName = name }, password),
                SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString(),
                PhoneNumberConfirmed = false, TwoFactorEnabled = false, LockoutEnabled = true, AccessFailedCount = 0,
            });
            await Link("AspNetUserRoles", new { UserId = id, RoleId = roles[role] });
        }
        await Account(AdminLogin, AdminPassword, Roles.Administrator, null, "Директор школы № 8");
        await Account("sokolova", "sokolova2026", Roles.Teacher, mentor, MentorName);

        var direction = await Row("Directions", new { SchoolId = school, Code = "D1", Name = "Методика", SortOrder = 1, IsRetired = false });
        var topic = await Row("Topics", new { SchoolId = school, DirectionId = direction, Code = "T1", Name = "Формирующее оценивание", SortOrder = 1, IsDigital = false, IsRetired = false, Version = 0 });
        var digital = await Row("Topics", new { SchoolId = school, DirectionId = direction, Code = "T2", Name = "Цифровые инструменты", SortOrder = 2, IsDigital = true, IsRetired = false, Version = 1 });

        var program = await Row("Programs", new { SchoolId = school, Name = "Наставничество 2026/27", StartDate = new DateOnly(2026, 9, 1), EndDate = new DateOnly(2027, 6, 30), Goal = "Поддержка молодых педагогов", Forms = 1, Status = "Active", Version = 2, CreatedAt = at });
        await Row("ProgramCurators", new { SchoolId = school, ProgramId = program, PersonId = curator });
        var indicator = await Row("ProgramIndicators", new { SchoolId = school, ProgramId = program, Code = "I1", Name = "Доля молодых педагогов с наставником", Unit = "%", SortOrder = 1 });
        await Row("IndicatorTargets", new { SchoolId = school, IndicatorId = indicator, Year = 2027, Value = 85.5m });
        var stage = await Row("RoadmapStages", new { SchoolId = school, ProgramId = program, Title = "Подготовительный этап", SortOrder = 1 });
        await Row("RoadmapEvents", new { SchoolId = school, ProgramId = program, StageId = stage, Title = "Диагностика затруднений", StartDate = new DateOnly(2026, 9, 15), DueDate = new DateOnly(2026, 9, 30), Timing = "сентябрь", ResponsiblePersonId = curator, Status = "Done", Result = "Проведена", SortOrder = 1, Version = 1 });

        var round = await Row("DiagnosticsRounds", new { SchoolId = school, ProgramId = program, Title = "Диагностика, сентябрь 2026", OpenedAt = at, Deadline = new DateOnly(2026, 9, 30), ClosedAt = at.AddDays(20), Version = 1 });
        foreach (var person in new[] { mentor, mentee })
            await Row("RoundResponses", new { SchoolId = school, RoundId = round, PersonId = person, SubmittedAt = at.AddDays(3), UpdatedAt = at.AddDays(3), UpdatedBy = "sokolova", Source = "Self", Version = 1 });
        await Row("Offers", new { SchoolId = school, RoundId = round, PersonId = mentor, TopicId = topic, Level = 3, Experience = "Веду семинар для коллег", Source = "Self", UpdatedAt = at });
        await Row("Offers", new { SchoolId = school, RoundId = round, PersonId = mentor, TopicId = digital, Level = 2, Source = "Curator", UpdatedAt = at });
        await Row("Needs", new { SchoolId = school, RoundId = round, PersonId = mentee, TopicId = topic, Priority = 1, Comment = "Не знаю, как оценивать без отметок", Source = "Import", UpdatedAt = at });
        await Row("FormsImportMappings", new { SchoolId = school, HeaderKey = "a1b2c3", MappingJson = "{\"columns\":[]}", UpdatedAt = at, UpdatedBy = AdminLogin });

        await Row("PreferenceRounds", new { SchoolId = school, ProgramId = program, RoundId = round, OpenedAt = at.AddDays(5), OpenedBy = AdminLogin, Deadline = new DateOnly(2026, 10, 15), Version = 0 });
        await Row("MentorChoices", new { SchoolId = school, RoundId = round, MenteeId = mentee, TopicId = topic, MentorId = mentor, Rank = 1, UpdatedAt = at, UpdatedBy = "lebedev" });
        await Row("MentorAvailabilities", new { SchoolId = school, RoundId = round, PersonId = mentor, Capacity = 2, UpdatedAt = at, UpdatedBy = "sokolova", Version = 0 });
        await Row("DeclinedOffers", new { SchoolId = school, RoundId = round, PersonId = mentor, TopicId = digital });

        var assignments = $"[{{\"MenteeId\":{mentee},\"MentorId\":{mentor},\"TopicId\":{topic},\"Score\":90,\"Priority\":1,\"Reverse\":false,\"Explanation\":\"\"}}]";
        await Row("MatchingRuns", new { SchoolId = school, ProgramId = program, RoundId = round, Mode = "Optimal", CreatedAt = at.AddDays(21), CreatedBy = AdminLogin, Objective = 9_000_000_001L, NeedsServed = 1, NeedsTotal = 1, AssignmentsJson = assignments });
        await Row("MatchDecisions", new { SchoolId = school, ProgramId = program, MenteeId = mentee, TopicId = topic, MentorId = mentor, Kind = "Lock", CreatedAt = at.AddDays(21), CreatedBy = AdminLogin });
        await Row("MentoringPairs", new { SchoolId = school, ProgramId = program, MentorId = mentor, MenteeId = mentee, TopicId = topic, ApprovedAt = at.AddDays(22), ApprovedBy = AdminLogin });

        var item = await Row("PortfolioItems", new { SchoolId = school, PersonId = mentor, TopicId = topic, Title = "Листы самооценки для 7 класса", Description = "Разработка уроков", Achievements = "Призёр конкурса", SearchText = "лист самооценк 7 класс", CreatedAt = at, UpdatedAt = at, Version = 0 });
        await Row("PortfolioFiles", new { SchoolId = school, ItemId = item, FileName = "листы.pdf", ContentType = "application/pdf", Length = 4L, Content = new byte[] { 37, 80, 68, 70 }, UploadedAt = at });
        await Row("PortfolioContacts", new { SchoolId = school, PersonId = mentor, Kind = "Room", Value = "Кабинет 214", Visibility = "School", SortOrder = 1 });
        await Link("ImportUploads", new { Id = Guid.NewGuid(), SchoolId = school, Kind = "staff", UserName = AdminLogin, FileName = "штат.csv", Content = new byte[] { 1, 2, 3 }, CreatedAt = at });
        await Row("AuditEntries", new { SchoolId = school, At = at, UserName = AdminLogin, EntityType = "Person", EntityId = mentor, Action = "create", Changes = "{}" });
        return school;
    }

    private async Task<int> InsertAsync(DbConnection conn, string table, object values, bool returnId)
    {
        var props = values.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", props.Select(p => $"\"{p.Name}\""))}) " +
            $"VALUES ({string.Join(", ", props.Select(p => "@" + p.Name))}){(returnId ? " RETURNING \"Id\"" : "")}";
        foreach (var p in props)
        {
            var parameter = cmd.CreateParameter();
            parameter.ParameterName = "@" + p.Name;
            // As that release's EF Core wrote them: on SQLite a Guid is upper-case text.
            parameter.Value = p.GetValue(values) switch
            {
                null => DBNull.Value,
                Guid g when provider == DatabaseProvider.Sqlite => g.ToString().ToUpperInvariant(),
                var v => v,
            };
            cmd.Parameters.Add(parameter);
        }
        return returnId ? Convert.ToInt32(await cmd.ExecuteScalarAsync()) : await cmd.ExecuteNonQueryAsync();
    }

    private static async Task ExecAsync(DbConnection conn, DbTransaction? tx, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
