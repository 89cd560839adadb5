using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Catalog;
using Nastavnik.Web.Features.Demo;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Tests.Data;

/// <summary>The order in which a school's tables are emptied comes from the model's foreign keys, not from a list.</summary>
public sealed class SchoolDataOrderTests
{
    [Fact]
    public async Task The_deletion_order_holds_every_school_table_each_before_the_tables_it_references()
    {
        await using var app = Program.BuildWebApp(["--Database:Provider=Sqlite", "--ConnectionStrings:Nastavnik=Data Source=:memory:", "--Demo:Enabled=false"]);
        await using var scope = app.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        var order = SchoolData.DeletionOrder(model).ToList();

        var missing = model.GetEntityTypes().Where(t => typeof(ISchoolOwned).IsAssignableFrom(t.ClrType) && !order.Contains(t)).Select(t => t.ClrType.Name);
        missing.ShouldBeEmpty();
        order.Select(t => t.ClrType).ShouldContain(typeof(AppUser));
        order.Select(t => t.ClrType).ShouldContain(typeof(AuditEntry));

        // A row is deleted before any row it points to; rows of other tables that point into the school's go by the cascade.
        var problems = new List<string>();
        foreach (var fk in model.GetEntityTypes().SelectMany(t => t.GetForeignKeys()).Where(fk => order.Contains(fk.PrincipalEntityType)))
        {
            var (dependent, principal) = (fk.DeclaringEntityType, fk.PrincipalEntityType);
            if (!order.Contains(dependent))
            {
                if (fk.DeleteBehavior != DeleteBehavior.Cascade) problems.Add($"{dependent.ClrType.Name} → {principal.ClrType.Name} neither belongs to the school nor cascades");
            }
            else if (order.IndexOf(dependent) > order.IndexOf(principal)) problems.Add($"{dependent.ClrType.Name} is deleted after {principal.ClrType.Name}");
        }
        problems.ShouldBeEmpty();
    }
}

/// <summary>`demo reset` empties every table of the demo school, whatever it holds, and leaves other schools alone.</summary>
public abstract class DemoResetTests
{
    protected abstract DatabaseProvider Provider { get; }
    protected abstract Task<(string ConnectionString, Func<Task> Drop)> NewDatabaseAsync();

    [Fact]
    public async Task Demo_reset_deletes_every_record_of_the_demo_school_and_keeps_the_other_schools()
    {
        var (cs, drop) = await NewDatabaseAsync();
        try
        {
            await using var app = Program.BuildWebApp([$"--Database:Provider={Provider}", $"--ConnectionStrings:Nastavnik={cs}", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning"]);
            int demo, other;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
                await DatabaseStartup.EnsureRolesAsync(scope.ServiceProvider);
                demo = await scope.ServiceProvider.GetRequiredService<DemoSchool>().CreateAsync();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                other = await OtherSchoolAsync(db);
                await FillTheRestAsync(db, demo);
                // Every table of the school holds a row of the demo, so the reset below proves its order on all of them.
                (await CountsAsync(db, demo)).Where(c => c.Value == 0).Select(c => c.Key).ShouldBeEmpty();
            }
            int again;
            await using (var scope = app.Services.CreateAsyncScope())
                again = await scope.ServiceProvider.GetRequiredService<DemoSchool>().ResetAsync();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                again.ShouldNotBe(demo);
                (await CountsAsync(db, demo)).Where(c => c.Value > 0).Select(c => c.Key).ShouldBeEmpty();
                (await db.Organizations.CountAsync(o => o.Id == demo)).ShouldBe(0);
                (await db.People.CountAsync(p => p.SchoolId == again)).ShouldBe(DemoSchool.TeacherCount);
                (await db.Organizations.CountAsync(o => o.IsDemo)).ShouldBe(3);
                (await db.People.Where(p => p.SchoolId == other).Select(p => p.LastName).ToListAsync()).ShouldBe(["Остаётся"]);
                (await db.Topics.CountAsync(t => t.SchoolId == other)).ShouldBe(25);
                (await db.Users.CountAsync(u => u.SchoolId == other)).ShouldBe(1);
            }
        }
        finally
        {
            await drop();
        }
    }

    private static async Task<int> OtherSchoolAsync(AppDbContext db)
    {
        var school = new Organization { Kind = OrganizationKind.School, Name = "Другая школа" };
        db.Organizations.Add(school);
        await db.SaveChangesAsync();
        DefaultCatalog.AddTo(db, school.Id);
        var person = new Person { SchoolId = school.Id, LastName = "Остаётся", FirstName = "Анна" };
        db.People.Add(person);
        db.Users.Add(new AppUser { UserName = "other-admin", NormalizedUserName = "OTHER-ADMIN", SchoolId = school.Id, DisplayName = "Администратор" });
        await db.SaveChangesAsync();
        return school.Id;
    }

    /// <summary>The demo creates staff, a program, a round and portfolios; this adds what a school gains later (matching, files, imports).</summary>
    private static async Task FillTheRestAsync(AppDbContext db, int school)
    {
        var program = await db.Programs.FirstAsync(p => p.SchoolId == school);
        var round = await db.DiagnosticsRounds.FirstAsync(r => r.SchoolId == school);
        var people = await db.People.Where(p => p.SchoolId == school).OrderBy(p => p.Id).Take(2).Select(p => p.Id).ToListAsync();
        var (mentor, mentee) = (people[0], people[1]);
        var topic = await db.Topics.Where(t => t.SchoolId == school).Select(t => t.Id).FirstAsync();
        var item = await db.PortfolioItems.FirstAsync(i => i.SchoolId == school);
        if (!await db.RoadmapStages.AnyAsync(s => s.SchoolId == school))
        {
            var stage = new RoadmapStage { SchoolId = school, ProgramId = program.Id, Title = "Подготовительный" };
            stage.Events.Add(new RoadmapEvent { SchoolId = school, ProgramId = program.Id, Title = "Совещание" });
            program.Stages.Add(stage);
        }
        db.MatchingRuns.Add(new MatchingRun { SchoolId = school, ProgramId = program.Id, RoundId = round.Id, CreatedBy = "curator", AssignmentsJson = "[]" });
        db.MatchDecisions.Add(new MatchDecision { SchoolId = school, ProgramId = program.Id, MenteeId = mentee, MentorId = mentor, TopicId = topic, CreatedBy = "curator" });
        var pair = new MentoringPair { SchoolId = school, ProgramId = program.Id, MenteeId = mentee, MentorId = mentor, TopicId = topic, ApprovedBy = "curator" };
        db.MentoringPairs.Add(pair);
        db.ChoiceStages.Add(new ChoiceStage { SchoolId = school, ProgramId = program.Id, RoundId = round.Id, OpenedBy = "curator" });
        db.Choices.Add(new Choice { SchoolId = school, RoundId = round.Id, MenteeId = mentee, MentorId = mentor, TopicId = topic, Rank = 1, UpdatedBy = "teacher" });
        db.MentorAvailabilities.Add(new MentorAvailability { SchoolId = school, RoundId = round.Id, PersonId = mentor, Capacity = 2, UpdatedBy = "teacher" });
        db.DeclinedOffers.Add(new DeclinedOffer { SchoolId = school, RoundId = round.Id, PersonId = mentor, TopicId = topic });
        db.PortfolioFiles.Add(new PortfolioFile { SchoolId = school, ItemId = item.Id, FileName = "план.docx", ContentType = "application/octet-stream", Length = 1, Content = [1] });
        db.ImportUploads.Add(new ImportUpload { Id = Guid.NewGuid(), SchoolId = school, Kind = "staff", UserName = "curator", FileName = "staff.csv", Content = [1] });
        db.FormsImportMappings.Add(new FormsImportMapping { SchoolId = school, HeaderKey = "key", MappingJson = "{}", UpdatedBy = "curator" });
        var user = await db.Users.Where(u => u.SchoolId == school).Select(u => u.Id).FirstAsync();
        var announcement = new Announcement { SchoolId = school, AuthorUserName = "curator", AuthorName = "Куратор", Audience = "Все педагоги", Title = "Совещание", Text = "В пятницу" };
        db.Announcements.Add(announcement);
        await db.SaveChangesAsync();
        db.Notifications.Add(new Notification { SchoolId = school, UserId = user, Kind = "announcement", Title = "Совещание", Text = "В пятницу", AnnouncementId = announcement.Id });
        db.NotificationSettings.Add(new NotificationSetting { SchoolId = school, UserId = user, Kind = "announcement", EmailOff = true });
        db.OutboxLetters.Add(new OutboxLetter { SchoolId = school, UserId = user, Kind = "digest", ToAddress = "a@school.ru", Subject = "Тема", TextBody = "Текст" });
        db.SignInCodes.Add(new SignInCode { SchoolId = school, UserId = user, Hash = new string('a', 64), IssuedBy = "admin" });
        await db.SaveChangesAsync();
        await FillPairWorkAsync(db, school, program.Id, pair, topic);
    }

    /// <summary>The pairs at work: history, agreement, report, plan with its task, meeting, activity with its analysis, and the rest.</summary>
    private static async Task FillPairWorkAsync(AppDbContext db, int school, int programId, MentoringPair pair, int topic)
    {
        var (mentor, mentee) = (pair.MentorId, pair.MenteeId);
        var evt = await db.RoadmapEvents.Where(e => e.SchoolId == school).Select(e => e.Id).FirstAsync();
        db.PairChanges.Add(new PairChange { SchoolId = school, PairId = pair.Id, By = "curator", To = PairStatus.Approved });
        db.PairAgreements.Add(new PairAgreement { SchoolId = school, PairId = pair.Id, Subject = "Тема", Form = "педагог — педагог", MentorDuties = "—", MenteeDuties = "—", MeetingTerms = "—" });
        db.PairReports.Add(new PairReport { SchoolId = school, PairId = pair.Id, Year = 2026, Quarter = 4, Done = "—", Changed = "—", SubmittedBy = "teacher" });
        db.Consultations.Add(new Consultation { SchoolId = school, RequesterId = mentee, ConsultantId = mentor, Question = "Как?" });
        db.CalendarFeeds.Add(new CalendarFeed { SchoolId = school, PersonId = mentor, Token = new string('t', 43) });
        db.EventParticipants.Add(new EventParticipant { SchoolId = school, EventId = evt, PersonId = mentee });
        var plan = new DevelopmentPlan { SchoolId = school, ProgramId = programId, MenteeId = mentee };
        var template = new PlanTemplate { SchoolId = school, TopicId = topic, Title = "Шаблон" };
        var meeting = new Meeting { SchoolId = school, ProgramId = programId, MentorId = mentor, CreatedBy = "teacher" };
        var activity = new JointActivity { SchoolId = school, ProgramId = programId, Title = "Урок", OrganizerId = mentor, CreatedBy = "teacher" };
        var card = new ObservationCard { SchoolId = school, Name = "Карта" };
        db.AddRange(plan, template, meeting, activity, card);
        await db.SaveChangesAsync();
        var goal = new PlanGoal { SchoolId = school, PlanId = plan.Id, PairId = pair.Id, TopicId = topic, Text = "Цель" };
        var task = new PlanTask { SchoolId = school, PlanId = plan.Id, PairId = pair.Id, Title = "Задача" };
        var criterion = new ObservationCriterion { SchoolId = school, CardId = card.Id, Text = "Цель урока", ScaleMax = 2 };
        var observation = new LessonObservation { SchoolId = school, ActivityId = activity.Id, CardId = card.Id, ObserverId = mentor, ObservedId = mentee };
        db.AddRange(goal, task, criterion, observation);
        db.PlanCorrections.Add(new PlanCorrection { SchoolId = school, PlanId = plan.Id, PairId = pair.Id, By = "teacher", What = "Добавлена задача" });
        db.PlanTemplateTasks.Add(new PlanTemplateTask { SchoolId = school, TemplateId = template.Id, Title = "Задача" });
        db.MeetingParticipants.Add(new MeetingParticipant { SchoolId = school, MeetingId = meeting.Id, PersonId = mentee, PairId = pair.Id });
        db.MeetingNotes.Add(new MeetingNote { SchoolId = school, MeetingId = meeting.Id, AuthorId = mentor, Text = "—" });
        db.MeetingFeedback.Add(new MeetingFeedback { SchoolId = school, MeetingId = meeting.Id, AuthorId = mentee, Rating = 5 });
        db.ActivityParticipants.Add(new ActivityParticipant { SchoolId = school, ActivityId = activity.Id, PersonId = mentee, Role = ActivityRole.Observed });
        db.ActivityFiles.Add(new ActivityFile { SchoolId = school, ActivityId = activity.Id, FileName = "a.pdf", ContentType = "application/pdf", Length = 1, Content = [1] });
        await db.SaveChangesAsync();
        db.PlanTaskFiles.Add(new PlanTaskFile { SchoolId = school, TaskId = task.Id, FileName = "a.pdf", ContentType = "application/pdf", Length = 1, Content = [1] });
        db.ObservationScores.Add(new ObservationScore { SchoolId = school, ObservationId = observation.Id, CriterionId = criterion.Id, Score = 2 });
        db.SchoolTemplates.Add(new SchoolTemplate { SchoolId = school, Code = "consent", Content = [1], FileName = "a.docx", UploadedBy = "curator" });
        db.ProgramPartners.Add(new ProgramPartner { SchoolId = school, ProgramId = programId, Organization = "ИРО", HeadLastName = "Сидоров", HeadFirstName = "Иван", Contribution = "—" });
        var order = new RegisteredOrder { SchoolId = school, ProgramId = programId, Code = "order-curator", Title = "Приказ", Number = "1-о", Year = 2026, SignerName = "Директор" };
        db.RegisteredOrders.Add(order);
        db.RegulationVersions.Add(new RegulationVersion { SchoolId = school, Number = 1, Author = "curator", Sections = "[]" });
        await db.SaveChangesAsync();
        db.RegisteredOrderFiles.Add(new RegisteredOrderFile { SchoolId = school, OrderId = order.Id, FileName = "a.docx", ContentType = "application/octet-stream", Length = 1, Content = [1] });
        db.OrderAcknowledgements.Add(new OrderAcknowledgement { SchoolId = school, OrderId = order.Id, PersonId = mentee });
        await db.SaveChangesAsync();
    }

    /// <summary>Rows of the school in each of its tables (every entity type with a SchoolId), by table name.</summary>
    private static async Task<Dictionary<string, int>> CountsAsync(AppDbContext db, int school)
    {
        var counts = new Dictionary<string, int>();
        foreach (IEntityType type in SchoolData.DeletionOrder(db.Model))
        {
            var table = type.GetTableName()!;
            // The table name comes from the model, not from input.
            var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\" WHERE \"SchoolId\" = {{0}}";
            counts[table] = await db.Database.SqlQueryRaw<int>(sql, school).SingleAsync();
        }
        return counts;
    }
}

public sealed class DemoResetTests_Sqlite : DemoResetTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<(string, Func<Task>)> NewDatabaseAsync()
    {
        var dir = Directory.CreateTempSubdirectory("nastavnik-reset-").FullName;
        return Task.FromResult(($"Data Source={Path.Combine(dir, "r.db")};Pooling=False", (Func<Task>)(() => { Directory.Delete(dir, true); return Task.CompletedTask; })));
    }
}

public sealed class DemoResetTests_Postgres : DemoResetTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;

    protected override async Task<(string, Func<Task>)> NewDatabaseAsync()
    {
        var (cs, name) = await TestPostgres.CreateDatabaseAsync();
        return (cs, () => TestPostgres.DropDatabaseAsync(name));
    }
}
