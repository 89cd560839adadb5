using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Admin.PersonData;

/// <summary>Whose data: the person's card and school, their accounts and logins (the authors' names in «кто изменил» columns).</summary>
public sealed record DataSubject(int PersonId, int SchoolId, IReadOnlyList<string> UserIds, IReadOnlyList<string> Logins, string? Email);

/// <summary>A file of the export: its path in the .zip and its bytes.</summary>
public sealed record ExportedFile(string Path, byte[] Content);

/// <summary>
/// Reads everything stored about one person, table by table (<see cref="PersonalDataMap"/>), past the privacy filters (the
/// administrator's request covers the person's private notes too) but always within the person's school. Rows of other people
/// are not read: a pair or a meeting names the other side by id only.
/// </summary>
internal static class PersonalRecords
{
    public static async Task<List<(string File, object Rows)>> ReadAsync(AppDbContext db, DataSubject s, CancellationToken ct)
    {
        var (id, school, users, logins) = (s.PersonId, s.SchoolId, s.UserIds, s.Logins);
        var parts = new List<(string, object)>();
        void Add(string file, object rows) => parts.Add((file, rows));

        Add("person.json", await db.People.IgnoreQueryFilters().Where(p => p.Id == id && p.SchoolId == school).ToListAsync(ct));
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where users.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct);
        var claims = await db.UserClaims.Where(c => users.Contains(c.UserId)).Select(c => new { c.UserId, c.ClaimType, c.ClaimValue }).ToListAsync(ct);
        var external = await db.UserLogins.Where(l => users.Contains(l.UserId)).Select(l => new { l.UserId, l.LoginProvider, l.ProviderDisplayName }).ToListAsync(ct);
        var accounts = await db.Users.Where(u => users.Contains(u.Id)).ToListAsync(ct);
        Add("accounts.json", accounts.Select(u => new
        {
            u.Id, Login = u.UserName, u.DisplayName, u.Email, u.EmailConfirmed, u.PhoneNumber, u.MustChangePassword, u.LockoutEnd, u.AccessFailedCount,
            Roles = roles.Where(r => r.UserId == u.Id).Select(r => r.Name), Claims = claims.Where(c => c.UserId == u.Id).Select(c => new { c.ClaimType, c.ClaimValue }),
            ExternalLogins = external.Where(l => l.UserId == u.Id).Select(l => new { l.LoginProvider, l.ProviderDisplayName }),
        }).ToList());
        Add("sign-in-codes.json", await db.SignInCodes.IgnoreQueryFilters().Where(c => users.Contains(c.UserId))
            .Select(c => new { c.Kind, c.CreatedAt, c.ExpiresAt, c.UsedAt, c.RevokedAt, c.IssuedBy }).ToListAsync(ct));
        Add("notifications.json", await db.Notifications.IgnoreQueryFilters().Where(n => users.Contains(n.UserId)).OrderBy(n => n.Id).ToListAsync(ct));
        Add("notification-settings.json", await db.NotificationSettings.IgnoreQueryFilters().Where(n => users.Contains(n.UserId)).ToListAsync(ct));
        Add("letters.json", await db.OutboxLetters.IgnoreQueryFilters().Where(l => l.SchoolId == school && ((l.UserId != null && users.Contains(l.UserId)) || (s.Email != null && l.ToAddress == s.Email)))
            .Select(l => new { l.Id, l.Kind, l.ToAddress, l.Subject, l.TextBody, l.CreatedAt, l.SentAt, l.FailedAt }).ToListAsync(ct));

        Add("self-assessment.json", await db.RoundResponses.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school).ToListAsync(ct));
        Add("offers.json", await db.Offers.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school).ToListAsync(ct));
        Add("needs.json", await db.Needs.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school).ToListAsync(ct));
        Add("choices.json", await db.Choices.IgnoreQueryFilters().Where(x => x.MenteeId == id && x.SchoolId == school).ToListAsync(ct));
        Add("mentor-availability.json", await db.MentorAvailabilities.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school).ToListAsync(ct));
        Add("declined-offers.json", await db.DeclinedOffers.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school).ToListAsync(ct));
        Add("match-decisions.json", await db.MatchDecisions.IgnoreQueryFilters().Where(x => x.MenteeId == id && x.SchoolId == school).ToListAsync(ct));

        Add("portfolio-items.json", await db.PortfolioItems.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school)
            .Select(x => new { x.Id, x.TopicId, x.Title, x.Description, x.Achievements, x.Links, x.CreatedAt, x.UpdatedAt }).ToListAsync(ct));
        Add("portfolio-contacts.json", await db.PortfolioContacts.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school).ToListAsync(ct));
        Add("practice-materials.json", await db.PracticeMaterials.IgnoreQueryFilters().Where(x => x.AuthorId == id && x.SchoolId == school)
            .Select(x => new { x.Id, x.Kind, x.TopicId, x.Title, x.Description, x.Links, x.Tags, x.SharedWithDistrict, x.PairId, x.CreatedAt, x.UpdatedAt }).ToListAsync(ct));

        var pairs = await db.MentoringPairs.IgnoreQueryFilters().Where(p => (p.MentorId == id || p.MenteeId == id) && p.SchoolId == school).ToListAsync(ct);
        var pairIds = pairs.Select(p => p.Id).ToList();
        Add("pairs.json", pairs.Select(p => new { p.Id, p.ProgramId, Role = p.MentorId == id ? "наставник" : "наставляемый", p.MentorId, p.MenteeId, p.TopicId, p.Status, p.ApprovedAt, p.StartedAt, p.EndedAt, p.EndReason, p.EndComment, p.Manual }).ToList());
        Add("pair-history.json", await db.PairChanges.IgnoreQueryFilters().Where(x => pairIds.Contains(x.PairId) && x.SchoolId == school).ToListAsync(ct));
        Add("pair-agreements.json", await db.PairAgreements.IgnoreQueryFilters().Where(x => pairIds.Contains(x.PairId) && x.SchoolId == school).ToListAsync(ct));
        Add("pair-reports.json", await db.PairReports.IgnoreQueryFilters().Where(x => pairIds.Contains(x.PairId) && x.SchoolId == school).ToListAsync(ct));
        var planIds = await db.DevelopmentPlans.IgnoreQueryFilters().Where(x => x.MenteeId == id && x.SchoolId == school).Select(x => x.Id).ToListAsync(ct);
        Add("plans.json", await db.DevelopmentPlans.IgnoreQueryFilters().Where(x => planIds.Contains(x.Id)).ToListAsync(ct));
        Add("plan-goals.json", await db.PlanGoals.IgnoreQueryFilters().Where(x => (planIds.Contains(x.PlanId) || pairIds.Contains(x.PairId)) && x.SchoolId == school).ToListAsync(ct));
        Add("plan-tasks.json", await db.PlanTasks.IgnoreQueryFilters().Where(x => (planIds.Contains(x.PlanId) || pairIds.Contains(x.PairId)) && x.SchoolId == school).ToListAsync(ct));
        Add("plan-corrections.json", await db.PlanCorrections.IgnoreQueryFilters().Where(x => (planIds.Contains(x.PlanId) || pairIds.Contains(x.PairId)) && x.SchoolId == school).ToListAsync(ct));

        var attended = await db.MeetingParticipants.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school).ToListAsync(ct);
        var meetingIds = attended.Select(a => a.MeetingId).ToList();
        var meetings = await db.Meetings.IgnoreQueryFilters().Where(m => (m.MentorId == id || meetingIds.Contains(m.Id)) && m.SchoolId == school).OrderBy(m => m.StartsAt).ToListAsync(ct);
        Add("meetings.json", meetings.Select(m => new { Meeting = m, Attended = attended.FirstOrDefault(a => a.MeetingId == m.Id)?.Attended }).ToList());
        Add("meeting-notes.json", await db.MeetingNotes.IgnoreQueryFilters().Where(x => x.AuthorId == id && x.SchoolId == school).ToListAsync(ct));
        Add("meeting-feedback.json", await db.MeetingFeedback.IgnoreQueryFilters().Where(x => x.AuthorId == id && x.SchoolId == school).ToListAsync(ct));
        Add("consultations.json", await db.Consultations.IgnoreQueryFilters().Where(x => (x.RequesterId == id || x.ConsultantId == id) && x.SchoolId == school).ToListAsync(ct));
        Add("calendar-feeds.json", await db.CalendarFeeds.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school).Select(x => new { x.CreatedAt }).ToListAsync(ct));
        Add("events.json", await db.EventParticipants.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school).ToListAsync(ct));
        Add("order-acknowledgements.json", await db.OrderAcknowledgements.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school)
            .Select(x => new { x.Id, x.OrderId, x.ConfirmedAt }).ToListAsync(ct));
        Add("program-curators.json", await db.ProgramCurators.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school).ToListAsync(ct));
        Add("roadmap-events.json", await db.RoadmapEvents.IgnoreQueryFilters().Where(x => x.ResponsiblePersonId == id && x.SchoolId == school).ToListAsync(ct));

        var roles2 = await db.ActivityParticipants.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school).ToListAsync(ct);
        var activityIds = roles2.Select(r => r.ActivityId).ToList();
        var activities = await db.JointActivities.IgnoreQueryFilters().Where(a => (a.OrganizerId == id || activityIds.Contains(a.Id)) && a.SchoolId == school).ToListAsync(ct);
        Add("activities.json", activities.Select(a => new { Activity = a, Roles = roles2.Where(r => r.ActivityId == a.Id).Select(r => r.Role) }).ToList());
        Add("activity-files.json", await db.ActivityFiles.IgnoreQueryFilters().Where(x => x.UploadedById == id && x.SchoolId == school)
            .Select(x => new { x.Id, x.ActivityId, x.FileName, x.ContentType, x.Length, x.UploadedAt }).ToListAsync(ct));
        var observations = await db.LessonObservations.IgnoreQueryFilters().Where(x => (x.ObserverId == id || x.ObservedId == id) && x.SchoolId == school).ToListAsync(ct);
        var observationIds = observations.Select(o => o.Id).ToList();
        var scores = await db.ObservationScores.IgnoreQueryFilters().Where(x => observationIds.Contains(x.ObservationId)).ToListAsync(ct);
        Add("lesson-observations.json", observations.Select(o => new { Observation = o, Scores = scores.Where(x => x.ObservationId == o.Id) }).ToList());

        Add("survey-recipients.json", await db.SurveyRecipients.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school).ToListAsync(ct));
        var responses = await db.SurveyResponses.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school).Include(r => r.Answers).ToListAsync(ct);
        var surveyIds = responses.Select(r => r.SurveyId).ToList();
        var questions = await db.SurveyQuestions.IgnoreQueryFilters().Where(q => surveyIds.Contains(q.SurveyId)).ToDictionaryAsync(q => q.Id, q => q.Text, ct);
        Add("survey-answers.json", responses.Select(r => new
        {
            r.SurveyId, r.Day,
            Answers = r.Answers.Select(a => new { a.QuestionId, Question = questions.GetValueOrDefault(a.QuestionId), a.Number, a.Text }),
        }).ToList());
        Add("announcements.json", await db.Announcements.IgnoreQueryFilters().Where(x => logins.Contains(x.AuthorUserName) && x.SchoolId == school).ToListAsync(ct));
        // About them: whole; by them: what and when, with the changes only of their sign-ins (changes of others' records are others' data).
        var audit = await db.AuditEntries.Where(a => (a.EntityType == nameof(Person) && a.EntityId == id && a.SchoolId == school) || logins.Contains(a.UserName))
            .OrderBy(a => a.Id).ToListAsync(ct);
        Add("audit.json", audit.Select(a => new
        {
            a.At, a.UserName, a.EntityType, a.EntityId, a.Action,
            Changes = (a.EntityType == nameof(Person) && a.EntityId == id) || a.EntityType == "SignIn" ? a.Changes : null,
        }).ToList());
        return parts;
    }

    /// <summary>The files they own: portfolio files, their practice bank materials' files, files they attached to activities, evidence in their plan's tasks.</summary>
    public static async Task<List<ExportedFile>> FilesAsync(AppDbContext db, DataSubject s, CancellationToken ct)
    {
        var (id, school) = (s.PersonId, s.SchoolId);
        var portfolio = await (from f in db.PortfolioFiles.IgnoreQueryFilters()
                               join i in db.PortfolioItems.IgnoreQueryFilters() on f.ItemId equals i.Id
                               where i.PersonId == id && i.SchoolId == school
                               select new { f.Id, f.FileName, f.Content }).ToListAsync(ct);
        var practice = await (from f in db.PracticeFiles.IgnoreQueryFilters()
                              join m in db.PracticeMaterials.IgnoreQueryFilters() on f.MaterialId equals m.Id
                              where m.AuthorId == id && m.SchoolId == school
                              select new { f.Id, f.FileName, f.Content }).ToListAsync(ct);
        var activity = await db.ActivityFiles.IgnoreQueryFilters().Where(f => f.UploadedById == id && f.SchoolId == school)
            .Select(f => new { f.Id, f.FileName, f.Content }).ToListAsync(ct);
        var plan = await (from f in db.PlanTaskFiles.IgnoreQueryFilters()
                          join t in db.PlanTasks.IgnoreQueryFilters() on f.TaskId equals t.Id
                          join p in db.DevelopmentPlans.IgnoreQueryFilters() on t.PlanId equals p.Id
                          where p.MenteeId == id && p.SchoolId == school
                          select new { f.Id, f.FileName, f.Content }).ToListAsync(ct);
        return [.. portfolio.Select(f => new ExportedFile($"files/portfolio/{f.Id}-{Safe(f.FileName)}", f.Content)),
            .. practice.Select(f => new ExportedFile($"files/practices/{f.Id}-{Safe(f.FileName)}", f.Content)),
            .. activity.Select(f => new ExportedFile($"files/activities/{f.Id}-{Safe(f.FileName)}", f.Content)),
            .. plan.Select(f => new ExportedFile($"files/plans/{f.Id}-{Safe(f.FileName)}", f.Content))];
    }

    private static string Safe(string name) =>
        string.Concat(Path.GetFileName(name).Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' ? '_' : c));
}
