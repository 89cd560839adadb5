using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Monitoring;

/// <summary>
/// A small program with known numbers, written straight to the database: 6 teachers (the last archived), 3 pairs, 3 needs, meetings,
/// a consultation, two activities, a satisfaction question and entry/exit self-ratings, and an external indicator with two values.
/// The report on 30.11.2026 is spelled out in <see cref="IndicatorLoaderTests"/>.
/// </summary>
public sealed record IndicatorScenario(TestSchool School, int ProgramId, int ExternalId, int[] Pairs)
{
    public static readonly DateOnly AsOf = new(2026, 11, 30);

    public static async Task<IndicatorScenario> SeedAsync(AppFixture app)
    {
        var school = await app.NewSchoolAsync(teachers: 6);
        var topics = await school.TopicIdsAsync();
        var (a, b, c) = (topics.Values.ElementAt(0), topics.Values.ElementAt(1), topics.Values.ElementAt(2));
        var t = school.Teachers.Select(x => x.PersonId).ToArray();
        var (programId, roundId) = await school.OpenRoundAsync();
        var s = school.Id;
        return await app.WithDb(async db =>
        {
            var archived = await db.People.FindAsync(t[5]);
            archived!.IsArchived = true;
            var coverage = new ProgramIndicator { SchoolId = s, ProgramId = programId, Code = "coverage", Name = "Охват педагогов", SortOrder = 1, Targets = [new() { SchoolId = s, Year = 2027, Value = 50 }, new() { SchoolId = s, Year = 2028, Value = 70 }] };
            var satisfaction = new ProgramIndicator { SchoolId = s, ProgramId = programId, Code = "satisfaction", Name = "Удовлетворённость", SortOrder = 2, Targets = [new() { SchoolId = s, Year = 2027, Value = 85 }] };
            var external = new ProgramIndicator { SchoolId = s, ProgramId = programId, Code = "students", Name = "Качество знаний обучающихся", SortOrder = 3, Targets = [new() { SchoolId = s, Year = 2027, Value = 70 }] };
            db.ProgramIndicators.AddRange(coverage, satisfaction, external);
            db.Needs.AddRange(
                new Need { SchoolId = s, RoundId = roundId, PersonId = t[1], TopicId = a, Priority = 1 },
                new Need { SchoolId = s, RoundId = roundId, PersonId = t[2], TopicId = a, Priority = 1 },
                new Need { SchoolId = s, RoundId = roundId, PersonId = t[3], TopicId = b, Priority = 2 });
            var approved = new DateTime(2026, 9, 15, 9, 0, 0, DateTimeKind.Utc);
            MentoringPair Pair(int mentor, int mentee, int topic, PairStatus status) =>
                new() { SchoolId = s, ProgramId = programId, MentorId = mentor, MenteeId = mentee, TopicId = topic, Status = status, ApprovedAt = approved, ApprovedBy = "curator" };
            MentoringPair[] pairs = [Pair(t[0], t[1], a, PairStatus.Active), Pair(t[0], t[2], a, PairStatus.Approved), Pair(t[1], t[3], c, PairStatus.Completed),
                Pair(t[4], t[3], b, PairStatus.EndedEarly)];
            pairs[2].EndedAt = pairs[3].EndedAt = new DateTime(2026, 10, 20, 9, 0, 0, DateTimeKind.Utc);
            db.MentoringPairs.AddRange(pairs);
            await db.SaveChangesAsync();

            Meeting Meet(int pair, int mentee, DateTime at, int minutes, MeetingStatus status)
            {
                var m = new Meeting { SchoolId = s, ProgramId = programId, MentorId = t[0], StartsAt = at, DurationMinutes = minutes, Status = status, CreatedBy = "test" };
                db.Meetings.Add(m);
                db.SaveChanges();
                db.MeetingParticipants.AddRange(
                    new MeetingParticipant { SchoolId = s, MeetingId = m.Id, PersonId = t[0], Attended = status == MeetingStatus.Held ? true : null },
                    new MeetingParticipant { SchoolId = s, MeetingId = m.Id, PersonId = mentee, PairId = pair, Attended = status == MeetingStatus.Held ? true : null });
                return m;
            }
            Meet(pairs[0].Id, t[1], new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc), 60, MeetingStatus.Held);
            Meet(pairs[1].Id, t[2], new(2026, 10, 1, 12, 0, 0, DateTimeKind.Utc), 45, MeetingStatus.Held);
            Meet(pairs[1].Id, t[2], new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc), 45, MeetingStatus.Planned);
            Meet(pairs[0].Id, t[1], new(2026, 12, 5, 12, 0, 0, DateTimeKind.Utc), 90, MeetingStatus.Held); // after the day of the report

            db.Consultations.Add(new Consultation { SchoolId = s, RequesterId = t[3], ConsultantId = t[4], Question = "Как?", RequestedAt = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc), Status = ConsultationStatus.Held, HeldOn = new(2026, 11, 10), DurationMinutes = 45 });
            var visit = new JointActivity { SchoolId = s, ProgramId = programId, Kind = ActivityKind.LessonVisit, Date = new(2026, 10, 15), Title = "Урок", OrganizerId = t[3], CreatedBy = "test" };
            var master = new JointActivity { SchoolId = s, ProgramId = programId, Kind = ActivityKind.MasterClass, Date = new(2026, 11, 1), Title = "Мастер-класс", OrganizerId = t[0], CreatedBy = "test" };
            db.JointActivities.AddRange(visit, master);
            await db.SaveChangesAsync();
            db.ActivityParticipants.Add(new ActivityParticipant { SchoolId = s, ActivityId = visit.Id, PersonId = t[4], Role = ActivityRole.Observer });

            Survey Survey(SurveyKind kind, QuestionType type, QuestionMeasure measure, int? topic, params int[] numbers)
            {
                var q = new SurveyQuestion { SchoolId = s, Type = type, Text = "Вопрос", Measure = measure, TopicId = topic, SatisfiedFrom = measure == QuestionMeasure.Satisfaction ? 4 : null };
                var survey = new Survey { SchoolId = s, ProgramId = programId, Title = kind.ToString(), Kind = kind, Anonymous = true, Status = SurveyStatus.Sent, CreatedBy = "test", Questions = [q] };
                db.Surveys.Add(survey);
                db.SaveChanges();
                foreach (var n in numbers)
                    db.SurveyResponses.Add(new SurveyResponse
                    {
                        Id = Guid.NewGuid(), SchoolId = s, SurveyId = survey.Id, Day = new(2026, 11, 1),
                        Answers = [new SurveyAnswer { Id = Guid.NewGuid(), SchoolId = s, QuestionId = q.Id, Number = n }]
                    });
                return survey;
            }
            Survey(SurveyKind.MenteeSatisfaction, QuestionType.Scale5, QuestionMeasure.Satisfaction, null, 5, 4, 4, 3, 2, 5);
            Survey(SurveyKind.Entry, QuestionType.TopicRating, QuestionMeasure.None, a, 2, 2, 3, 3, 2);
            Survey(SurveyKind.Exit, QuestionType.TopicRating, QuestionMeasure.None, a, 4, 4, 3, 4, 5);

            db.IndicatorValues.AddRange(
                new IndicatorValue { SchoolId = s, IndicatorId = external.Id, Value = 60, Date = new(2026, 10, 1), Source = "Отчёт за I четверть", CreatedBy = "test" },
                new IndicatorValue { SchoolId = s, IndicatorId = external.Id, Value = 75, Date = new(2026, 12, 25), Source = "Отчёт за II четверть", CreatedBy = "test" });
            await db.SaveChangesAsync();
            return new IndicatorScenario(school, programId, external.Id, pairs.Select(p => p.Id).ToArray());
        });
    }
}
