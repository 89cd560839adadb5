#!/usr/bin/env python3
"""Reports benchmark data: on a Nastavnik SQLite file already grown by bench/compmap/gen.py, bench/pairs/gen.py and
bench/monitoring/gen.py (a year of pairs at work with pulses), adds what the program's reports read besides: the pairs' quarterly
reports (III and IV quarter 2026, written by about 3 in 4 live pairs), joint activities (about one per three pairs, of every kind),
a SWOT of eight factors and an anonymous satisfaction survey of the mentees (one scale 1–5, answered by about 60 %). Seeded, so
every run builds the same data.
Usage: gen.py DB_FILE [TODAY=2026-11-30]"""
import datetime as dt
import random
import sqlite3
import sys
import uuid

db_file = sys.argv[1]
today = dt.date.fromisoformat(sys.argv[2] if len(sys.argv) > 2 else "2026-11-30")
rng = random.Random(14)
db = sqlite3.connect(db_file)
q = lambda sql, *a: db.execute(sql, a)
school = q("""SELECT "Id" FROM "Organizations" WHERE "IsDemo" = 1 AND "Kind" = 'School'""").fetchone()[0]
program = q("""SELECT "Id" FROM "Programs" WHERE "SchoolId" = ? AND "Status" = 'Active'""", school).fetchone()[0]
ts = lambda d: d.strftime("%Y-%m-%d %H:%M:%S")
guid = lambda: str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper()

pairs = q("""SELECT "Id", "MentorId", "MenteeId", "TopicId", "ApprovedAt" FROM "MentoringPairs" WHERE "ProgramId" = ?""", program).fetchall()
reports = 0
for year, quarter, day in ((2026, 3, dt.datetime(2026, 9, 28, 10)), (2026, 4, dt.datetime(2026, 11, 27, 10))):
    if day.date() > today:
        continue
    for pair, *_ in pairs:
        if rng.random() < 0.75:
            done = rng.randint(0, 5)
            q("""INSERT INTO "PairReports" ("SchoolId", "PairId", "Year", "Quarter", "Done", "Changed", "TasksDone", "TasksTotal", "SubmittedAt",
                 "SubmittedBy", "Version") VALUES (?, ?, ?, ?, ?, ?, ?, 5, ?, 'teacher', 1)""",
              school, pair, year, quarter, "Провели встречи по плану, посетили уроки друг друга.", "Увереннее веду уроки.", done, ts(day))
            reports += 1

kinds = ["LessonVisit", "OpenLesson", "MasterClass", "Seminar", "JointProject", "DigitalResource"]
activities = 0
for pair, mentor, mentee, topic, approved in pairs:
    if rng.random() < 1 / 3:
        day = dt.date(2026, 9, 15) + dt.timedelta(days=rng.randint(0, max(0, (today - dt.date(2026, 9, 15)).days)))
        q("""INSERT INTO "JointActivities" ("SchoolId", "ProgramId", "Kind", "Date", "Title", "TopicId", "PairId", "OrganizerId", "CreatedAt",
             "CreatedBy", "Version") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'teacher', 0)""",
          school, program, rng.choice(kinds), day.isoformat(), "Совместное мероприятие пары", topic, pair, mentor, ts(dt.datetime.combine(day, dt.time(9))))
        activities += 1

swot = [("Strength", "Опытные наставники"), ("Strength", "Поддержка администрации"), ("Weakness", "Нехватка времени"),
        ("Weakness", "Высокая нагрузка"), ("Opportunity", "Курсы повышения квалификации"), ("Opportunity", "Сетевое взаимодействие"),
        ("Threat", "Уход молодых специалистов"), ("Threat", "Формализм")]
for i, (quadrant, text) in enumerate(swot):
    q("""INSERT INTO "SwotItems" ("SchoolId", "ProgramId", "Quadrant", "Text", "Count", "SortOrder", "Version") VALUES (?, ?, ?, ?, ?, ?, 0)""",
      school, program, quadrant, text, rng.randint(3, 40), i)

sent = dt.datetime(2026, 11, 20, 6)
sid = q("""INSERT INTO "Surveys" ("SchoolId", "ProgramId", "Title", "Kind", "Anonymous", "Audience", "Status", "Deadline", "SentAt", "CreatedAt",
           "CreatedBy", "Version") VALUES (?, ?, 'Удовлетворённость наставляемых', 'MenteeSatisfaction', 1, 'Mentees', 'Sent', '2026-11-29', ?, ?, 'curator', 0)""",
        school, program, ts(sent), ts(sent)).lastrowid
qid = q("""INSERT INTO "SurveyQuestions" ("SchoolId", "SurveyId", "SortOrder", "Type", "Text", "Required", "Measure", "SatisfiedFrom")
           VALUES (?, ?, 1, 'Scale5', 'Насколько вы удовлетворены работой с наставником?', 1, 'Satisfaction', 4)""", school, sid).lastrowid
answered = 0
for mentee in sorted({p[2] for p in pairs}):
    took = rng.random() < 0.6
    q("""INSERT INTO "SurveyRecipients" ("SchoolId", "SurveyId", "PersonId", "Answered") VALUES (?, ?, ?, ?)""", school, sid, mentee, int(took))
    if took:
        rid = guid()
        q("""INSERT INTO "SurveyResponses" ("Id", "SchoolId", "SurveyId", "PersonId", "Day") VALUES (?, ?, ?, NULL, '2026-11-25')""", rid, school, sid)
        q("""INSERT INTO "SurveyAnswers" ("Id", "SchoolId", "ResponseId", "QuestionId", "Number") VALUES (?, ?, ?, ?, ?)""",
          guid(), school, rid, qid, rng.choices([1, 2, 3, 4, 5], weights=[1, 2, 5, 10, 8])[0])
        answered += 1
db.commit()
print(f"reports: {len(pairs)} pairs, {reports} pair reports, {activities} joint activities, {len(swot)} SWOT factors, {answered} survey answers")
