using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Demo;
using Nastavnik.Web.Features.Diagnostics;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;
using Nastavnik.Web.Features.Staff;

namespace Nastavnik.Web.Features.Cli;

/// <summary>The command line of the same executable: serve (default), migrate, demo reset, import staff, user create.</summary>
public static class NastavnikCommandLine
{
    public static RootCommand Create(Func<string[], Task<int>> serve)
    {
        var root = new RootCommand("Наставник (Nastavnik): teacher mentorship programs for schools.");

        var serveCmd = new Command("serve", "Start the web application (the default). Host options such as --urls are passed through.");
        serveCmd.TreatUnmatchedTokensAsErrors = false;
        serveCmd.SetAction((r, ct) => serve(r.UnmatchedTokens.ToArray()));
        root.Subcommands.Add(serveCmd);

        var migrate = new Command("migrate", "Apply pending database migrations (SQLite or PostgreSQL, as configured).");
        migrate.SetAction((r, ct) => WithServices(async sp =>
        {
            var applied = await sp.GetRequiredService<Migrator>().MigrateAsync(ct: ct);
            await DatabaseStartup.EnsureRolesAsync(sp);
            Console.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied: {string.Join(", ", applied)}");
            return 0;
        }));
        root.Subcommands.Add(migrate);

        var demo = new Command("demo", "The demo school.");
        var reset = new Command("reset", "Delete the demo school with all its records and create it again.");
        reset.SetAction((r, ct) => WithServices(async sp =>
        {
            await sp.GetRequiredService<Migrator>().MigrateAsync(ct: ct);
            await DatabaseStartup.EnsureRolesAsync(sp);
            var id = await sp.GetRequiredService<DemoSchool>().ResetAsync(ct);
            Console.WriteLine($"Demo school recreated (id {id}). Logins:");
            foreach (var l in DemoSchool.Logins) Console.WriteLine($"  {l.UserName} / {l.Password}  ({l.Who})");
            return 0;
        }));
        demo.Subcommands.Add(reset);
        root.Subcommands.Add(demo);

        var provider = new Option<DatabaseProvider>("--provider") { Description = "Sqlite or PostgreSQL.", DefaultValueFactory = _ => DatabaseProvider.Sqlite };
        var script = new Command("schema-script", "Print the schema the current model expects (for writing a new migration; see docs/decisions/ADR-002-migrations.md).") { provider };
        script.SetAction(r =>
        {
            var builder = new DbContextOptionsBuilder<AppDbContext>();
            if (r.GetValue(provider) == DatabaseProvider.PostgreSQL) builder.UseNpgsql("Host=localhost");
            else builder.UseSqlite("Data Source=:memory:");
            using var db = new AppDbContext(builder.Options, new CurrentSchool(new HttpContextAccessor()), TimeProvider.System);
            Console.WriteLine(db.Database.GenerateCreateScript());
            return 0;
        });
        root.Subcommands.Add(script);

        root.Subcommands.Add(SchoolCommand());
        root.Subcommands.Add(ImportCommand());
        root.Subcommands.Add(MatchCommand());
        root.Subcommands.Add(UserCommand());
        return root;
    }

    private static Command ImportCommand()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Staff list: .xlsx or .csv (UTF-8 or Windows-1251; ';', ',' or tab)." };
        var school = new Option<int>("--school") { Description = "Id of the school to import into.", Required = true };
        var update = new Option<bool>("--update") { Description = "Update people already in the school (default: skip them)." };
        var staff = new Command("staff", "Import a staff list; nothing is written when any row has a problem.") { file, school, update };
        staff.SetAction((r, ct) => WithServices(async sp =>
        {
            var path = r.GetValue(file)!;
            if (await SchoolDatabaseAsync(sp, path, r.GetValue(school), ct) is not { } db) return 2;
            TableFile table;
            try { table = TableFileReader.Read(path.Name, await File.ReadAllBytesAsync(path.FullName, ct)); }
            catch (TableFileException e) { Console.Error.WriteLine(e.Message); return 1; }
            var importer = sp.GetRequiredService<StaffImporter>();
            var preview = await importer.PreviewAsync(table, StaffImportMapping.Guess(table.Headers), ct);
            if (preview.Problems.Count > 0)
            {
                Console.Error.WriteLine($"Ничего не загружено: найдено проблем — {preview.Problems.Count}.");
                foreach (var p in preview.Problems) Console.Error.WriteLine("  " + p);
                return 1;
            }
            var result = await importer.CommitAsync(preview, r.GetValue(update) ? DuplicateAction.Update : DuplicateAction.Skip, new Dictionary<int, DuplicateAction>(), "cli", ct);
            Console.WriteLine($"Загружено: новых {result.Created}, обновлено {result.Updated}, пропущено {result.Skipped}.");
            return 0;
        }));
        return new Command("import", "Import data from files.") { staff, FormsCommand() };
    }

    /// <summary>The database restricted to one school, for an import into it; null (after saying why) when the file or the school is missing.</summary>
    private static async Task<AppDbContext?> SchoolDatabaseAsync(IServiceProvider sp, FileInfo path, int schoolId, CancellationToken ct)
    {
        if (!path.Exists) { Console.Error.WriteLine($"Файл не найден: {path.FullName}"); return null; }
        var db = sp.GetRequiredService<AppDbContext>();
        if (!await db.Organizations.AnyAsync(o => o.Id == schoolId && o.Kind == OrganizationKind.School, ct))
        { Console.Error.WriteLine($"Школа с id {schoolId} не найдена."); return null; }
        db.School.Use(schoolId);
        return db;
    }

    private static Command FormsCommand()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Google Forms / Yandex Forms export of self-assessment answers: .csv or .xlsx." };
        var school = new Option<int>("--school") { Description = "Id of the school.", Required = true };
        var round = new Option<int?>("--round") { Description = "Id of the diagnostics round (default: the open round of the current program)." };
        var accept = new Option<bool>("--accept-uncertain") { Description = "Take the first candidate for names that match only partly (by initials, a typo, several people)." };
        var forms = new Command("forms", "Import self-assessment answers; nothing is written when any row has a problem.") { file, school, round, accept };
        forms.SetAction((r, ct) => WithServices(async sp =>
        {
            var path = r.GetValue(file)!;
            if (await SchoolDatabaseAsync(sp, path, r.GetValue(school), ct) is not { } db) return 2;
            DiagnosticsRound? target;
            if (r.GetValue(round) is { } roundId) target = await db.DiagnosticsRounds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == roundId, ct);
            else target = await db.CurrentProgramAsync(ct) is { } program ? await db.LatestRoundAsync(program.Id, ct) : null;
            if (target is not { IsOpen: true })
            { Console.Error.WriteLine("Нет открытого тура диагностики: откройте тур в разделе «Диагностика» или укажите --round."); return 2; }
            var watch = System.Diagnostics.Stopwatch.StartNew();
            TableFile table;
            try { table = TableFileReader.Read(path.Name, await File.ReadAllBytesAsync(path.FullName, ct)); }
            catch (TableFileException e) { Console.Error.WriteLine(e.Message); return 1; }
            var parsed = watch.Elapsed;
            var importer = new FormsImporter(db);
            var mapping = await FormsImportColumns.LoadAsync(db, table.Headers, ct);
            var preview = await importer.PreviewAsync(table, mapping, null, ct, acceptFirstCandidate: r.GetValue(accept));
            var matched = watch.Elapsed;
            if (!preview.CanCommit)
            {
                Console.Error.WriteLine("Ничего не загружено.");
                foreach (var p in preview.Problems) Console.Error.WriteLine("  " + p);
                foreach (var u in preview.UnknownTopics)
                    Console.Error.WriteLine($"  Тема «{u.Label}» (строки {string.Join(", ", u.Rows.Take(10))}) не найдена в каталоге: сопоставьте её на странице /Diagnostics/Import.");
                foreach (var x in preview.Rows.Where(x => x.NeedsConfirmation))
                    Console.Error.WriteLine($"  Строка {x.Row}: «{x.TypedName}» — нужно подтверждение: {string.Join("; ", x.Match.Candidates.Select(c => $"{c.FullName} ({c.Why})"))}. Запустите с --accept-uncertain или подтвердите на странице /Diagnostics/Import.");
                return 1;
            }
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                await FormsImportColumns.SaveAsync(db, table.Headers, preview.Mapping, "cli", ct);
                var result = await importer.CommitAsync(preview, target.Id, "cli", ct);
                await tx.CommitAsync(ct);
                Console.WriteLine(Nastavnik.Web.Features.Diagnostics.ImportModel.Describe(result));
            }
            Console.WriteLine(string.Create(RussianText.Culture, $"Время (после запуска .NET и первого запроса к базе): чтение файла {parsed.TotalSeconds:0.00} с, сопоставление {(matched - parsed).TotalSeconds:0.00} с, запись {(watch.Elapsed - matched).TotalSeconds:0.00} с, всего {watch.Elapsed.TotalSeconds:0.00} с ({RussianText.Plural(table.Rows.Count, "строка", "строки", "строк")})."));
            return 0;
        }));
        return forms;
    }

    private static Command SchoolCommand()
    {
        var name = new Option<string>("--name") { Description = "Full name of the school, e.g. «ГБОУ СОШ № 291».", Required = true };
        var district = new Option<string?>("--district") { Description = "District it belongs to (created when new)." };
        var region = new Option<string?>("--region") { Description = "Region of the district (created when new)." };
        var create = new Command("create", "Create a school with the default catalog of directions and topics; prints its id.") { name, district, region };
        create.SetAction((r, ct) => WithServices(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            async Task<Organization?> Find(OrganizationKind kind, string? title, Organization? parent)
            {
                if (string.IsNullOrWhiteSpace(title)) return parent;
                var clean = RussianText.Clean(title)!;
                var existing = await db.Organizations.FirstOrDefaultAsync(o => !o.IsDemo && o.Kind == kind && o.Name == clean && o.ParentId == (parent == null ? null : parent.Id), ct);
                if (existing is not null) return existing;
                var created = new Organization { Kind = kind, Name = clean, Parent = parent };
                db.Organizations.Add(created);
                return created;
            }
            var parent = await Find(OrganizationKind.District, r.GetValue(district), await Find(OrganizationKind.Region, r.GetValue(region), null));
            var school = new Organization { Kind = OrganizationKind.School, Name = RussianText.Clean(r.GetValue(name))!, Parent = parent };
            db.Organizations.Add(school);
            await db.SaveChangesAsync(ct);
            Nastavnik.Web.Features.Catalog.DefaultCatalog.AddTo(db, school.Id);
            await db.SaveChangesAsync(ct);
            Console.WriteLine($"School «{school.Name}» created with id {school.Id}. Next: nastavnik user create --school {school.Id} --role administrator …");
            return 0;
        }));
        return new Command("school", "Schools.") { create };
    }

    private static Command MatchCommand()
    {
        var instance = new Option<FileInfo?>("--instance") { Description = "Matching instance (JSON, see docs/matching-engine.md)." };
        var program = new Option<int?>("--program") { Description = "Id of a mentoring program: solve its latest diagnostics round from the database and print a summary." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the result JSON here instead of printing it." };
        var stable = new Option<bool>("--stable") { Description = "Mentee-proposing stable matching instead of the optimum." };
        var match = new Command("match", "Solve a mentor–mentee matching: --instance FILE prints {objective, assignments, needs_served, seconds}; --program ID solves a program's round.") { instance, program, output, stable };
        match.SetAction((r, ct) =>
        {
            var file = r.GetValue(instance);
            var programId = r.GetValue(program);
            if ((file is null) == (programId is null))
            {
                Console.Error.WriteLine("Укажите ровно один источник: --instance ФАЙЛ (задача в JSON) или --program ID (программа из базы).");
                return Task.FromResult(2);
            }
            if (programId is { } id)
                return WithServices(sp => Nastavnik.Web.Features.Matching.ProgramMatchingCommand.RunAsync(
                    sp.GetRequiredService<AppDbContext>(), id, r.GetValue(stable), r.GetValue(output)?.FullName, Console.Out, Console.Error, ct));
            var settings = new Nastavnik.Matching.MatchingSettings { Mode = r.GetValue(stable) ? Nastavnik.Matching.MatchingMode.Stable : Nastavnik.Matching.MatchingMode.Optimal, Explain = false };
            return Task.FromResult(Nastavnik.Matching.MatchingCli.Run(file!.FullName, r.GetValue(output)?.FullName, Console.Out, Console.Error, settings));
        });
        return match;
    }

    private static Command UserCommand()
    {
        var userName = new Option<string>("--username") { Description = "Login (latin letters, digits, . - _).", Required = true };
        var password = new Option<string>("--password") { Description = "Initial password (8+ characters, a digit); the user is asked to change it.", Required = true };
        var role = new Option<string>("--role") { Description = "administrator | curator | teacher | psychologist", Required = true };
        role.AcceptOnlyFromAmong(Roles.All);
        var school = new Option<int>("--school") { Description = "Id of the user's school.", Required = true };
        var person = new Option<int?>("--person") { Description = "Id of the person (staff card) the account belongs to." };
        var name = new Option<string?>("--name") { Description = "Display name when there is no person." };
        var create = new Command("create", "Create an account.") { userName, password, role, school, person, name };
        create.SetAction((r, ct) => WithServices(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var schoolId = r.GetValue(school);
            if (!await db.Organizations.AnyAsync(o => o.Id == schoolId && o.Kind == OrganizationKind.School, ct))
            { Console.Error.WriteLine($"Школа с id {schoolId} не найдена."); return 2; }
            Person? card = null;
            if (r.GetValue(person) is { } pid && (card = await db.People.FirstOrDefaultAsync(p => p.Id == pid && p.SchoolId == schoolId, ct)) is null)
            { Console.Error.WriteLine($"В школе {schoolId} нет педагога с id {pid}."); return 2; }
            await DatabaseStartup.EnsureRolesAsync(sp);
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = r.GetValue(userName), SchoolId = schoolId, PersonId = card?.Id, DisplayName = card?.FullName ?? r.GetValue(name) ?? r.GetValue(userName)!, MustChangePassword = true };
            var result = await users.CreateAsync(user, r.GetValue(password)!);
            if (result.Succeeded) result = await users.AddToRoleAsync(user, r.GetValue(role)!);
            if (!result.Succeeded) { foreach (var e in result.Errors) Console.Error.WriteLine(e.Description); return 1; }
            Console.WriteLine($"Account {user.UserName} created ({r.GetValue(role)}).");
            return 0;
        }));
        return new Command("user", "Accounts.") { create };
    }

    private static async Task<int> WithServices(Func<IServiceProvider, Task<int>> action)
    {
        await using var app = Program.BuildWebApp([]);
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
