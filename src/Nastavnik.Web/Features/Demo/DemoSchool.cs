using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Catalog;

namespace Nastavnik.Web.Features.Demo;

public sealed class DemoOptions
{
    /// <summary>
    /// Create the demo school (published logins) on the first start of an empty database. Off unless asked: the README's run
    /// command passes <c>--demo</c>; a school's installation never gets the demo accounts.
    /// </summary>
    public bool Enabled { get; set; }
}

/// <summary>The demo school: a staff room like seed 004's (276 teachers, average experience about 16.5 years), with demo logins.</summary>
public sealed class DemoSchool(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public const string SchoolName = "ГБОУ СОШ № 291 (демонстрационная школа)";
    public const int TeacherCount = 276;

    public sealed record Login(string UserName, string Password, string Role, string Who);

    public static readonly Login[] Logins =
    [
        new("admin", "admin2026", Roles.Administrator, "администратор школы"),
        new("curator", "curator2026", Roles.Curator, "куратор программы (заместитель директора по УВР)"),
        new("teacher", "teacher2026", Roles.Teacher, "педагог"),
        new("teacher2", "teacher2026", Roles.Teacher, "педагог (молодой специалист)"),
        new("psychologist", "psychologist2026", Roles.Psychologist, "педагог-психолог"),
    ];

    /// <param name="withProgram">False creates the school as the first release did: staff, catalog and logins only.</param>
    public async Task<int> CreateAsync(bool withProgram = true, CancellationToken ct = default)
    {
        var region = new Organization { Kind = OrganizationKind.Region, Name = "Санкт-Петербург", IsDemo = true };
        var district = new Organization { Kind = OrganizationKind.District, Name = "Красносельский район", Parent = region, IsDemo = true };
        var school = new Organization { Kind = OrganizationKind.School, Name = SchoolName, ShortName = "СОШ № 291", Parent = district, IsDemo = true };
        db.Organizations.AddRange(region, district, school);
        await db.SaveChangesAsync(ct);

        DefaultCatalog.AddTo(db, school.Id);
        var people = GenerateStaff(school.Id, new Random(291));
        db.People.AddRange(people);
        await db.SaveChangesAsync(ct);

        // Accounts are linked to fitting people: the deputy head is the curator, a veteran and a young teacher are the demo teachers.
        Person Pick(Func<Person, bool> where) => people.First(where);
        var linked = new Dictionary<string, Person?>
        {
            ["admin"] = Pick(p => p.Position == "Директор"),
            ["curator"] = Pick(p => p.Position == "Заместитель директора по УВР"),
            ["teacher"] = Pick(p => p.ExperienceYears >= 25 && p.Consent == ConsentStatus.Given && p.Position!.StartsWith("Учитель", StringComparison.Ordinal)),
            ["teacher2"] = Pick(p => p.ExperienceYears <= 3 && p.Consent == ConsentStatus.Given && p.Position!.StartsWith("Учитель", StringComparison.Ordinal)),
            ["psychologist"] = Pick(p => p.Position == "Педагог-психолог"),
        };
        foreach (var login in Logins)
        {
            var person = linked[login.UserName];
            var user = new AppUser { UserName = login.UserName, SchoolId = school.Id, PersonId = person?.Id, DisplayName = person?.FullName ?? login.Who, Email = person?.Email };
            // The published demo passwords are set as they are: the password rules are for the passwords people choose.
            user.PasswordHash = users.PasswordHasher.HashPassword(user, login.Password);
            var result = await users.CreateAsync(user);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, login.Role);
        }
        if (withProgram)
        {
            var program = await DemoProgram.CreateAsync(db, school.Id, people, linked["curator"]!, clock.Today(), ct);
            var logins = linked.Values.Where(p => p is not null).Select(p => p!.Id).ToHashSet();
            await DemoLastYear.CreateAsync(db, school.Id, program, people, logins, linked["curator"]!, ct);
            await db.SaveChangesAsync(ct);
            var staff = people.Where(p => !p.IsArchived && p.Consent == ConsentStatus.Given).Select(p => p.Id).ToList();
            await DemoSurveys.ThisYearAsync(db, program, staff, new Random(1030), ct);
            await DemoPractices.AddAsync(db, school.Id, people, ct);
        }
        return school.Id;
    }

    /// <summary>Deletes every demo organization with all its records and creates the demo school again.</summary>
    public async Task<int> ResetAsync(CancellationToken ct = default)
    {
        var demoIds = await db.Organizations.Where(o => o.IsDemo).Select(o => o.Id).ToListAsync(ct);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await SchoolData.DeleteAsync(db, demoIds, ct);
            // Then the organizations themselves, each after those below it (school, then district, then region).
            while (await db.Organizations.Where(o => o.IsDemo && !db.Organizations.Any(c => c.ParentId == o.Id)).ExecuteDeleteAsync(ct) > 0) { }
            await tx.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        return await CreateAsync(ct: ct);
    }

    public static List<Person> GenerateStaff(int schoolId, Random rng, int count = TeacherCount)
    {
        var people = new List<Person>(count);
        var used = new HashSet<string>();
        people.Add(Make(rng, schoolId, used, female: true, "Администрация", "Директор", null, age: 56, experience: 33));
        people.Add(Make(rng, schoolId, used, female: true, "Администрация", "Заместитель директора по УВР", "Русский язык, литература", age: 48, experience: 24));
        people.Add(Make(rng, schoolId, used, female: false, "Администрация", "Заместитель директора по ВР", "История", age: 44, experience: 19));
        var departments = DemoNames.Departments;
        while (people.Count < count)
        {
            var dept = PickDepartment(rng, departments);
            var (position, subjects) = dept.Roles[rng.Next(dept.Roles.Length)];
            var female = rng.NextDouble() < (dept.MostlyFemale ? 0.88 : 0.55);
            // Ages 22–65 with more people in the middle; experience follows age with scatter (career changers, breaks).
            var age = Math.Clamp((int)Math.Round(22 + 43 * ((rng.NextDouble() + rng.NextDouble() + rng.NextDouble()) / 3)), 22, 65);
            var experience = Math.Clamp((int)Math.Round((age - 22) * 0.76 + rng.Next(-3, 4)), 0, age - 21);
            people.Add(Make(rng, schoolId, used, female, dept.Name, position, subjects, age, experience));
        }
        return people;
    }

    private static DemoNames.DepartmentSeed PickDepartment(Random rng, DemoNames.DepartmentSeed[] departments)
    {
        var r = rng.NextDouble() * departments.Sum(d => d.Share);
        foreach (var d in departments)
        {
            if ((r -= d.Share) <= 0) return d;
        }
        return departments[^1];
    }

    private static Person Make(Random rng, int schoolId, HashSet<string> used, bool female, string department, string position, string? subjects, int age, int experience)
    {
        string last, first, middle;
        do
        {
            var s = DemoNames.Surnames[rng.Next(DemoNames.Surnames.Length)];
            var p = DemoNames.Patronymics[rng.Next(DemoNames.Patronymics.Length)];
            last = female ? s.Female : s.Male;
            first = female ? DemoNames.FemaleFirst[rng.Next(DemoNames.FemaleFirst.Length)] : DemoNames.MaleFirst[rng.Next(DemoNames.MaleFirst.Length)];
            middle = female ? p.Female : p.Male;
        } while (!used.Add($"{last} {first} {middle}"));

        var consentRoll = rng.NextDouble();
        var consent = consentRoll < 0.9 ? ConsentStatus.Given : consentRoll < 0.97 ? ConsentStatus.NotRecorded : ConsentStatus.Withdrawn;
        var category = experience < 2 ? QualificationCategory.None
            : experience < 5 ? (rng.NextDouble() < 0.6 ? QualificationCategory.Compliance : QualificationCategory.First)
            : rng.NextDouble() < 0.55 ? QualificationCategory.Highest : QualificationCategory.First;
        return new Person
        {
            SchoolId = schoolId,
            LastName = last, FirstName = first, MiddleName = middle,
            Position = position, Subjects = subjects, Department = department,
            ExperienceYears = experience, BirthYear = 2026 - age,
            Category = category,
            Email = $"{Translit(last)}.{Translit(first[..1])}{Translit(middle[..1])}{rng.Next(10, 99)}@school291.example",
            Phone = $"+7 (9{rng.Next(10, 99)}) {rng.Next(100, 999)}-{rng.Next(10, 99)}-{rng.Next(10, 99)}",
            Consent = consent,
            ConsentDate = consent == ConsentStatus.NotRecorded ? null : new DateOnly(2025, 9, 1).AddDays(rng.Next(0, 20)),
            ConsentRecordedBy = consent == ConsentStatus.NotRecorded ? null : "curator",
        };
    }

    private static string Translit(string s)
    {
        const string ru = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
        string[] lat = ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"];
        return string.Concat(s.ToLowerInvariant().Select(c => ru.IndexOf(c) is var i and >= 0 ? lat[i] : c.ToString()));
    }
}
