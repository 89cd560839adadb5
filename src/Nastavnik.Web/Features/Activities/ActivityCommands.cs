using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;

namespace Nastavnik.Web.Features.Activities;

/// <summary>
/// Joint activities and the analysis of a visited lesson, for pages and the API alike. A teacher organizes (and, for a lesson visit,
/// observes); a manager may record one too. Who sees an activity or an analysis is the privacy filters' (organizer, participants,
/// managers; the analysis: observer, observed teacher, managers): another's answers like a missing one.
/// </summary>
public sealed partial class ActivityCommands(AppDbContext db, TimeProvider clock)
{
    public const string NotFoundText = "Мероприятие не найдено.";

    public async Task<CommandResult<JointActivity>> CreateAsync(ActivityInput input, CancellationToken ct)
    {
        var me = db.School.PersonId;
        if (me <= 0) return CommandError.Forbidden("Записать мероприятие может педагог, у которого есть карточка сотрудника.");
        var problems = Problems(input);
        var people = input.ParticipantIds.Append(input.ObservedId ?? 0).Where(id => id > 0 && id != me).Distinct().ToList();
        if (input.Kind == ActivityKind.LessonVisit && input.ObservedId is null) problems.Add("Укажите, чей урок посещён.");
        if (input.ObservedId == me) problems.Add("Посещение урока — это урок коллеги: укажите другого педагога.");
        if (people.Count > 0 && await db.People.CountAsync(p => people.Contains(p.Id) && !p.IsArchived, ct) != people.Count)
            problems.Add("Кого-то из участников нет среди сотрудников школы.");
        int programId;
        if (input.PairId is { } pairId)
        {
            var pair = await db.MentoringPairs.AsNoTracking().Where(p => p.Id == pairId).Select(p => new { p.ProgramId }).FirstOrDefaultAsync(ct);
            if (pair is null) return CommandError.NotFound("Пара не найдена.");
            programId = pair.ProgramId;
        }
        else if (await db.CurrentProgramAsync(ct) is { } program) programId = program.Id;
        else return CommandError.Conflict("В школе ещё нет программы наставничества.");
        if (problems.Count > 0) return CommandError.Invalid("Мероприятие не сохранено.", problems);

        var activity = new JointActivity
        {
            ProgramId = programId, Kind = input.Kind, Date = input.Date!.Value, Title = input.Title.Trim(), Result = input.Result?.Trim(),
            PairId = input.PairId, OrganizerId = me, CreatedAt = clock.UtcTime(), CreatedBy = db.School.UserName,
        };
        db.JointActivities.Add(activity);
        await db.SaveChangesAsync(ct);
        var lesson = input.Kind == ActivityKind.LessonVisit;
        db.ActivityParticipants.Add(new ActivityParticipant { ActivityId = activity.Id, PersonId = me, Role = lesson ? ActivityRole.Observer : ActivityRole.Organizer });
        foreach (var id in people)
            db.ActivityParticipants.Add(new ActivityParticipant
            {
                ActivityId = activity.Id, PersonId = id, Role = lesson && id == input.ObservedId ? ActivityRole.Observed : ActivityRole.Participant,
            });
        await db.SaveChangesAsync(ct);
        return activity;
    }

    /// <summary>Changes an activity's date, topic and result; only its organizer, from the <paramref name="version"/> they read.</summary>
    public async Task<CommandResult<JointActivity>> UpdateAsync(int id, ActivityInput input, int version, CancellationToken ct)
    {
        var activity = await db.JointActivities.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return CommandError.NotFound(NotFoundText);
        if (activity.OrganizerId != db.School.PersonId) return CommandError.Forbidden("Изменить мероприятие может тот, кто его записал.");
        var problems = Problems(input);
        if (problems.Count > 0) return CommandError.Invalid("Мероприятие не сохранено.", problems);
        db.Entry(activity).Property(a => a.Version).OriginalValue = version;
        activity.Date = input.Date!.Value;
        activity.Title = input.Title.Trim();
        activity.Result = input.Result?.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandError.Stale("Пока вы правили мероприятие, его изменили в другой вкладке. Откройте его заново.");
        }
        return activity;
    }

    /// <summary>
    /// Writes the observer's analysis of a visited lesson with the card it was started on (the school's default card for a new one);
    /// <paramref name="version"/> is the analysis' version the observer read (null for the first save).
    /// </summary>
    public async Task<CommandResult<LessonObservation>> SaveObservationAsync(int activityId, ObservationInput input, int? version, CancellationToken ct)
    {
        var activity = await db.JointActivities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null) return CommandError.NotFound(NotFoundText);
        if (activity.Kind != ActivityKind.LessonVisit) return CommandError.Conflict("Анализ заполняют только для посещения урока.");
        if (activity.OrganizerId != db.School.PersonId) return CommandError.Forbidden("Анализ урока заполняет тот, кто посетил урок.");
        var observed = await db.ActivityParticipants.Where(p => p.ActivityId == activityId && p.Role == ActivityRole.Observed)
            .Select(p => (int?)p.PersonId).FirstOrDefaultAsync(ct);
        if (observed is null) return CommandError.Conflict("У посещения не указан педагог, чей урок посещён.");

        var observation = await db.LessonObservations.FirstOrDefaultAsync(o => o.ActivityId == activityId, ct);
        var cardId = observation?.CardId ?? (await ObservationCards.DefaultAsync(db, ct)).Id;
        var criteria = await db.ObservationCriteria.Where(c => c.CardId == cardId).ToDictionaryAsync(c => c.Id, ct);
        var problems = Problems(input);
        foreach (var s in input.Scores)
        {
            if (!criteria.TryGetValue(s.CriterionId, out var c)) problems.Add("Такого критерия нет в карте анализа.");
            else if (s.Score is { } score && (score < c.ScaleMin || score > c.ScaleMax)) problems.Add($"«{c.Text}»: оценка от {c.ScaleMin} до {c.ScaleMax}.");
        }
        if (problems.Count > 0) return CommandError.Invalid("Анализ урока не сохранён.", problems.Distinct().ToList());

        if (observation is null)
        {
            observation = new LessonObservation { ActivityId = activityId, CardId = cardId, ObserverId = activity.OrganizerId, ObservedId = observed.Value };
            db.LessonObservations.Add(observation);
        }
        else if (version is { } v) db.Entry(observation).Property(o => o.Version).OriginalValue = v;
        observation.ClassName = input.ClassName?.Trim();
        observation.Subject = input.Subject?.Trim();
        observation.LessonTopic = input.LessonTopic?.Trim();
        observation.Summary = input.Summary?.Trim();
        observation.UpdatedAt = clock.UtcTime();
        try
        {
            await db.SaveChangesAsync(ct);
            var existing = await db.ObservationScores.Where(s => s.ObservationId == observation.Id).ToDictionaryAsync(s => s.CriterionId, ct);
            foreach (var s in input.Scores.DistinctBy(s => s.CriterionId))
            {
                if (!existing.TryGetValue(s.CriterionId, out var row))
                    db.ObservationScores.Add(row = new ObservationScore { ObservationId = observation.Id, CriterionId = s.CriterionId });
                row.Score = s.Score;
                row.Comment = string.IsNullOrWhiteSpace(s.Comment) ? null : s.Comment.Trim();
            }
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandError.Stale("Пока вы заполняли анализ, его сохранили в другой вкладке. Откройте его заново.");
        }
        return observation;
    }

    private List<string> Problems(object input) =>
        InputRules.Validate(input, clock).Select(r => r.ErrorMessage ?? "Неверное значение.").ToList();
}
