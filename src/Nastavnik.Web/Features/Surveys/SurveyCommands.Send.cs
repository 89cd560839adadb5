using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Diagnostics;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Surveys;

public sealed partial class SurveyCommands
{
    public static string Link(int id) => $"/Surveys/{id}";
    public static string AnswerLink(int id) => $"/Surveys/{id}/Answer";
    public const string NotificationKey = "survey:";

    /// <summary>
    /// Sends a draft: its group is resolved to <see cref="SurveyRecipient"/> rows (the people as they are today) and each recipient with
    /// an account is notified (the title, the deadline and a link). Refused without questions, without a deadline or with one in the past,
    /// or when the group is empty. Returns how many people it was sent to.
    /// </summary>
    public async Task<CommandResult<int>> SendAsync(int id, int version, CancellationToken ct)
    {
        if (!db.School.IsSchoolManager) return CommandError.Forbidden(ManagersOnly);
        var survey = await db.Surveys.Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return CommandError.NotFound(NotFoundText);
        if (survey.Version != version) return CommandError.Stale();
        if (survey.Status != SurveyStatus.Draft) return CommandError.Conflict("Опрос уже разослан.");
        var problems = new List<string>();
        if (survey.Questions.Count == 0) problems.Add("В опросе нет ни одного вопроса: добавьте вопросы.");
        if (survey.Deadline is not { } deadline) problems.Add("Укажите срок ответа.");
        else if (deadline < clock.Today()) problems.Add($"Срок ответа {RussianText.Date(deadline)} уже прошёл: укажите сегодняшний день или позже.");
        var (people, group, refusal) = await GroupAsync(survey, ct);
        if (refusal is not null) problems.Add(refusal);
        if (problems.Count > 0) return CommandError.Invalid("Опрос не разослан.", problems);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Entry(survey).Property(s => s.Version).OriginalValue = version;
        survey.Status = SurveyStatus.Sent;
        survey.SentAt = clock.UtcTime();
        int sent;
        try { sent = await DeliverAsync(survey, people!, ct); }
        catch (DbUpdateConcurrencyException) { return CommandError.Stale(); }
        if (sent == 0) return CommandError.Invalid("Опрос не разослан.", $"В группе {RussianText.Quote(group!)} нет ни одного педагога.");
        await tx.CommitAsync(ct);
        return sent;
    }

    /// <summary>
    /// Writes the recipients of a survey being sent (its status already set by the caller) and notifies those with an account, in the
    /// caller's transaction; 0 when the group is empty (nothing written). The pulse job sends its surveys through this too.
    /// </summary>
    internal async Task<int> DeliverAsync(Survey survey, IQueryable<int> people, CancellationToken ct)
    {
        var ids = await people.Distinct().ToListAsync(ct);
        if (ids.Count == 0) return 0;
        if (survey.Id == 0) db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        db.SurveyRecipients.AddRange(ids.Select(p => new SurveyRecipient { SchoolId = survey.SchoolId, SurveyId = survey.Id, PersonId = p }));
        await db.SaveChangesAsync(ct);
        var recipients = db.SurveyRecipients.Where(r => r.SurveyId == survey.Id).Select(r => r.PersonId);
        var users = await PeopleAccounts.Of(db, survey.SchoolId, recipients).Select(u => u.Id).ToListAsync(ct);
        var text = $"{RussianText.Quote(survey.Title)}: ответьте до {RussianText.Date(survey.Deadline)}."
            + (survey.Anonymous ? " Опрос анонимный." : "");
        await notifier.NotifyAsync(users.Select(u => new NewNotification(survey.SchoolId, u, NotificationKinds.Survey, "Новый опрос", text,
            AnswerLink(survey.Id), DedupKey: NotificationKey + survey.Id)), ct);
        return ids.Count;
    }

    /// <summary>The people of a survey's group (a query of person ids) and its name in words, or why it cannot be sent to.</summary>
    internal async Task<(IQueryable<int>? People, string? Group, string? Refusal)> GroupAsync(Survey survey, CancellationToken ct)
    {
        var present = db.People.Where(p => !p.IsArchived);
        var pairs = db.MentoringPairs.Where(p => p.ProgramId == survey.ProgramId);
        var live = pairs.Where(p => p.Status == PairStatus.Approved || p.Status == PairStatus.Active);
        if (survey.Audience is SurveyAudience.Mentors or SurveyAudience.Mentees or SurveyAudience.ProgramPairs
            && (survey.ProgramId is null || !await db.Programs.AnyAsync(g => g.Id == survey.ProgramId, ct)))
            return (null, null, "Выберите программу опроса: наставникам, наставляемым и парам рассылают опрос программы.");
        switch (survey.Audience)
        {
            case SurveyAudience.AllStaff:
                return (db.People.Where(Participation.IsAsked).Select(p => p.Id), "Все педагоги", null);
            case SurveyAudience.Mentors:
                return (live.Select(p => p.MentorId).Where(id => present.Any(p => p.Id == id)), "Наставники пар программы", null);
            case SurveyAudience.Mentees:
                return (live.Select(p => p.MenteeId).Where(id => present.Any(p => p.Id == id)), "Наставляемые пар программы", null);
            case SurveyAudience.ProgramPairs:
                // The pairs at work and those that completed the program (the exit survey goes after the pairs complete).
                var worked = pairs.Where(p => p.Status != PairStatus.EndedEarly);
                return (worked.Select(p => p.MentorId).Union(worked.Select(p => p.MenteeId)).Where(id => present.Any(p => p.Id == id)), "Пары программы", null);
            case SurveyAudience.Department:
                if (survey.Department is not { } dept) return (null, null, "Выберите методическое объединение (МО).");
                return (db.People.Where(Participation.IsAsked).Where(p => p.Department == dept).Select(p => p.Id), dept, null);
            default:
                var pair = db.MentoringPairs.Where(p => p.Id == survey.PairId);
                if (survey.PairId is null || !await pair.AnyAsync(ct)) return (null, null, "Выберите пару.");
                return (pair.Select(p => p.MentorId).Union(pair.Select(p => p.MenteeId)), "Пара", null);
        }
    }
}
