using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Monitoring;

namespace Nastavnik.Web.Features.Demo;

/// <summary>
/// The demo school's previous school year, completed: a smaller program whose pairs worked from October to May (meetings, lesson
/// visits, consultations), a closed self-assessment, the entry, exit and satisfaction surveys answered (DemoSurveys), a
/// SWOT analysis and its indicators frozen at the end of the year, so the dashboard of this year's program has a year to compare
/// with. The demo logins take no part in it: their cabinets show this year only.
/// </summary>
public static class DemoLastYear
{
    /// <summary>Creates the completed program of the school year before <paramref name="current"/> and links the current one to it.</summary>
    public static async Task<MentoringProgram> CreateAsync(AppDbContext db, int schoolId, MentoringProgram current, List<Person> people,
        IReadOnlySet<int> logins, Person curator, CancellationToken ct = default)
    {
        // This year's records are saved: the tracker is emptied so each save below scans only what it adds.
        db.ChangeTracker.Clear();
        var start = current.StartDate.AddYears(-1);
        var end = current.StartDate.AddDays(-1);
        var program = new MentoringProgram
        {
            SchoolId = schoolId,
            Name = $"Программа наставничества «Учитель – учителю» на {start.Year}/{start.Year + 1} учебный год",
            StartDate = start, EndDate = end,
            Goal = current.Goal, Description = current.Description, Forms = current.Forms,
            Status = ProgramStatus.Completed,
            CreatedAt = start.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
        };
        program.Curators.Add(new ProgramCurator { SchoolId = schoolId, PersonId = curator.Id });
        var order = 1;
        foreach (var (code, name, target) in new[]
        {
            ("coverage", "Доля педагогов, вовлечённых в наставничество", 20m),
            ("satisfaction", "Удовлетворённость участников программой", 85m),
            ("engagement", "Вовлечённость педагогов в мероприятия программы", 80m),
            ("digital", "Рост цифровой грамотности педагогов (прирост)", 40m),
        })
        {
            var indicator = new ProgramIndicator { SchoolId = schoolId, Code = code, Name = name, SortOrder = order++ };
            indicator.Targets.Add(new IndicatorTarget { SchoolId = schoolId, Year = end.Year, Value = target });
            program.Indicators.Add(indicator);
        }
        db.Programs.Add(program);
        await db.SaveChangesAsync(ct);
        await db.Programs.Where(p => p.Id == current.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.PreviousProgramId, program.Id), ct);
        current.PreviousProgramId = program.Id;

        var topics = await db.Topics.Where(t => t.SchoolId == schoolId).ToDictionaryAsync(t => t.Code, ct);
        var round = new DiagnosticsRound
        {
            SchoolId = schoolId, ProgramId = program.Id, Title = $"Самодиагностика {start.Year}/{start.Year + 1}",
            OpenedAt = At(start.AddDays(7)), Deadline = start.AddDays(24), ClosedAt = At(start.AddDays(25)),
        };
        db.DiagnosticsRounds.Add(round);
        await db.SaveChangesAsync(ct);

        var rng = new Random(2025);
        var staff = people.Where(p => !logins.Contains(p.Id) && p.Department != "Администрация" && p.Consent == ConsentStatus.Given).ToList();
        var veterans = staff.Where(p => p.ExperienceYears >= 20).OrderBy(_ => rng.Next()).ToList();
        var young = staff.Where(p => p.ExperienceYears < 15).OrderBy(_ => rng.Next()).ToList();
        var pairs = new List<MentoringPair>();
        var approvedAt = At(start.AddDays(30));
        // Classic mentoring: veterans teach the young methods and class work; reverse: the young teach veterans digital skills.
        string[] methods = ["MET-01", "MET-02", "MET-03", "MET-04", "CLS-01", "CLS-02"];
        string[] digital = ["ICT-01", "ICT-02", "ICT-03", "ICT-04"];
        for (var i = 0; i < Math.Min(18, Math.Min(veterans.Count, young.Count)); i++)
            pairs.Add(Pair(schoolId, program.Id, veterans[i], young[i], topics[methods[i % methods.Length]].Id, approvedAt));
        for (var i = 0; i < Math.Min(14, Math.Min(veterans.Count - 18, young.Count)); i++)
            pairs.Add(Pair(schoolId, program.Id, young[i], veterans[18 + i], topics[digital[i % digital.Length]].Id, approvedAt));
        foreach (var pair in pairs)
        {
            db.Offers.Add(new Offer { SchoolId = schoolId, RoundId = round.Id, PersonId = pair.MentorId, TopicId = pair.TopicId, Level = 3, UpdatedAt = round.OpenedAt });
            db.Needs.Add(new Need { SchoolId = schoolId, RoundId = round.Id, PersonId = pair.MenteeId, TopicId = pair.TopicId, Priority = 3, UpdatedAt = round.OpenedAt });
        }
        // Needs nobody covered last year: the school's digital resources and work with children at risk.
        foreach (var person in young.Skip(20).Take(12))
            db.Needs.Add(new Need { SchoolId = schoolId, RoundId = round.Id, PersonId = person.Id, TopicId = topics[rng.Next(2) == 0 ? "ICT-05" : "PSY-01"].Id, Priority = 2, UpdatedAt = round.OpenedAt });
        db.MentoringPairs.AddRange(pairs);
        await db.SaveChangesAsync(ct);

        var ended = pairs.Take(3).ToList();
        var meetings = new List<(Meeting, MentoringPair)>();
        foreach (var pair in pairs)
        {
            var early = ended.Contains(pair);
            pair.Status = early ? PairStatus.EndedEarly : PairStatus.Completed;
            pair.StartedAt = approvedAt.AddDays(10);
            pair.EndedAt = early ? At(start.AddMonths(4)) : At(end.AddMonths(-3));
            pair.EndReason = early ? PairEndReason.DidNotWork : null;
            db.PairChanges.Add(new PairChange { SchoolId = schoolId, PairId = pair.Id, By = "curator", To = pair.Status, At = pair.EndedAt.Value, Reason = pair.EndReason });
            meetings.AddRange(AddMeetings(db, schoolId, program.Id, pair, early ? 3 : 8, start, rng).Select(m => (m, pair)));
        }
        var activities = AddActivities(db, schoolId, program.Id, pairs, start);
        AddConsultations(db, schoolId, pairs, start, rng);
        await db.SaveChangesAsync(ct);
        foreach (var (meeting, pair) in meetings)
        {
            db.MeetingParticipants.Add(new MeetingParticipant { SchoolId = schoolId, MeetingId = meeting.Id, PersonId = pair.MentorId, Attended = true });
            db.MeetingParticipants.Add(new MeetingParticipant { SchoolId = schoolId, MeetingId = meeting.Id, PersonId = pair.MenteeId, PairId = pair.Id, Attended = true });
            if (rng.NextDouble() < 0.7)
                db.MeetingFeedback.Add(new MeetingFeedback { SchoolId = schoolId, MeetingId = meeting.Id, AuthorId = pair.MenteeId, Rating = rng.NextDouble() < 0.8 ? 5 : 4, At = meeting.StartsAt.AddHours(3) });
        }
        foreach (var (activity, pair) in activities)
        {
            db.ActivityParticipants.Add(new ActivityParticipant { SchoolId = schoolId, ActivityId = activity.Id, PersonId = pair.MentorId, Role = ActivityRole.Organizer });
            db.ActivityParticipants.Add(new ActivityParticipant
            {
                SchoolId = schoolId, ActivityId = activity.Id, PersonId = pair.MenteeId,
                Role = activity.Kind == ActivityKind.LessonVisit ? ActivityRole.Observer : ActivityRole.Participant
            });
        }
        await db.SaveChangesAsync(ct);
        await DemoSurveys.LastYearAsync(db, program, pairs, rng, ct);
        // Measured outside the system: the district's diagnostics of digital skills at the start and the end of the year.
        db.IndicatorValues.Add(new IndicatorValue
        {
            SchoolId = schoolId, IndicatorId = program.Indicators.Single(i => i.Code == "digital").Id, Value = 32, Date = end.AddMonths(-3),
            Source = "Входная и итоговая диагностика цифровых компетенций педагогов, ИМЦ Красносельского района", CreatedBy = "curator",
            Comment = "Средний балл вырос с 41 до 54 из 100 (+32 %).",
        });
        await db.SaveChangesAsync(ct);
        // Completed: its indicators frozen as the snapshot this year's dashboard compares with.
        await IndicatorSnapshots.TakeAsync(db, program, ct);
        await db.SaveChangesAsync(ct);
        return program;
    }

    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

    private static MentoringPair Pair(int schoolId, int programId, Person mentor, Person mentee, int topicId, DateTime approvedAt) => new()
    {
        SchoolId = schoolId, ProgramId = programId, MentorId = mentor.Id, MenteeId = mentee.Id, TopicId = topicId,
        ApprovedAt = approvedAt, ApprovedBy = "curator",
    };

    /// <summary>A meeting a month from October, held (the mentee present, and the mentee's feedback on most, added once saved).</summary>
    private static List<Meeting> AddMeetings(AppDbContext db, int schoolId, int programId, MentoringPair pair, int count, DateOnly start, Random rng)
    {
        var list = new List<Meeting>();
        for (var m = 0; m < count; m++)
        {
            var kind = m == 0 ? MeetingKind.Organizational : m == count - 1 && count > 3 ? MeetingKind.Final : MeetingKind.Regular;
            var day = start.AddMonths(1 + m).AddDays(rng.Next(3, 25));
            var meeting = new Meeting
            {
                SchoolId = schoolId, ProgramId = programId, MentorId = pair.MentorId, Kind = kind, Status = MeetingStatus.Held,
                StartsAt = day.ToDateTime(new TimeOnly(12, 30), DateTimeKind.Utc), DurationMinutes = rng.Next(2) == 0 ? 45 : 60,
                Place = $"Кабинет {rng.Next(101, 340)}", CreatedBy = "teacher", CreatedAt = At(day.AddDays(-7)),
            };
            db.Meetings.Add(meeting);
            list.Add(meeting);
        }
        return list;
    }

    private static List<(JointActivity, MentoringPair)> AddActivities(AppDbContext db, int schoolId, int programId, List<MentoringPair> pairs, DateOnly start)
    {
        var list = new List<(JointActivity, MentoringPair)>();
        string[] titles = ["Взаимопосещение урока", "Открытый урок", "Мастер-класс «Интерактивная презентация»", "Семинар «Кейс-технология»"];
        for (var i = 0; i < 12; i++)
        {
            var pair = pairs[i % pairs.Count];
            var kind = (ActivityKind)(i % 4);
            var activity = new JointActivity
            {
                SchoolId = schoolId, ProgramId = programId, Kind = kind, Title = titles[i % 4], Date = start.AddMonths(2 + i % 7).AddDays(10),
                TopicId = pair.TopicId, PairId = kind == ActivityKind.LessonVisit ? pair.Id : null, OrganizerId = pair.MentorId,
                Result = "Проведено, материалы размещены на сайте МО.", CreatedBy = "teacher",
            };
            db.JointActivities.Add(activity);
            list.Add((activity, pair));
        }
        return list;
    }

    private static void AddConsultations(AppDbContext db, int schoolId, List<MentoringPair> pairs, DateOnly start, Random rng)
    {
        for (var i = 0; i < 8; i++)
        {
            var (asker, consultant) = (pairs[(i * 5 + 2) % pairs.Count].MenteeId, pairs[(i * 3 + 1) % pairs.Count].MentorId);
            if (asker == consultant) continue;
            var day = start.AddMonths(2 + i).AddDays(5);
            db.Consultations.Add(new Consultation
            {
                SchoolId = schoolId, RequesterId = asker, ConsultantId = consultant, Question = "Как выстроить урок с использованием цифровых ресурсов?",
                RequestedAt = At(day.AddDays(-3)), Status = ConsultationStatus.Held, RespondedAt = At(day.AddDays(-2)), HeldOn = day, DurationMinutes = 30 + rng.Next(3) * 15,
            });
        }
    }
}
