#!/usr/bin/env python3
"""Monitoring benchmark data: on a Nastavnik SQLite file already grown by bench/compmap/gen.py and bench/pairs/gen.py (pairs at work for
a year), adds what the dashboard reads from surveys: each started pair's pulse 30 days after it started and then every 60 (one
satisfaction scale 1–5, answered by its mentor and mentee about 4 times in 5), and one anonymous climate survey of the program sent to
all staff (three climate scales, answered by about 60 %). Seeded, so every run builds the same data.
Usage: gen.py DB_FILE [TODAY=2026-11-30]"""
import datetime as dt
import random
import sqlite3
import sys
import uuid

db_file = sys.argv[1]
today = dt.date.fromisoformat(sys.argv[2] if len(sys.argv) > 2 else "2026-11-30")
rng = random.Random(13)
db = sqlite3.connect(db_file)
q = lambda sql, *a: db.execute(sql, a)
school = q("""SELECT "Id" FROM "Organizations" WHERE "IsDemo" = 1 AND "Kind" = 'School'""").fetchone()[0]
program = q("""SELECT "Id" FROM "Programs" WHERE "SchoolId" = ? AND "Status" = 'Active'""", school).fetchone()[0]
ts = lambda d: d.strftime("%Y-%m-%d %H:%M:%S")
guid = lambda: str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper()


def survey(title, kind, audience, sent, pair=None, number=None):
    cur = q("""INSERT INTO "Surveys" ("SchoolId", "ProgramId", "Title", "Kind", "Anonymous", "Audience", "PairId", "PulseNumber", "Status",
               "SentAt", "CreatedAt", "CreatedBy", "Version") VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Sent', ?, ?, 'curator', 0)""",
            school, program, title, kind, 1 if kind != "Pulse" else 0, audience, pair, number, ts(sent), ts(sent))
    return cur.lastrowid


def question(survey_id, order, text, measure):
    return q("""INSERT INTO "SurveyQuestions" ("SchoolId", "SurveyId", "SortOrder", "Type", "Text", "Required", "Measure")
                VALUES (?, ?, ?, 'Scale5', ?, 1, ?)""", school, survey_id, order, text, measure).lastrowid


def answer(survey_id, person, day, values):
    rid = guid()
    q("""INSERT INTO "SurveyResponses" ("Id", "SchoolId", "SurveyId", "PersonId", "Day") VALUES (?, ?, ?, ?, ?)""",
      rid, school, survey_id, person, day.isoformat())
    for qid, v in values:
        q("""INSERT INTO "SurveyAnswers" ("Id", "SchoolId", "ResponseId", "QuestionId", "Number") VALUES (?, ?, ?, ?, ?)""", guid(), school, rid, qid, v)


scale = lambda: rng.choices([1, 2, 3, 4, 5], weights=[1, 2, 5, 10, 8])[0]
pulses = answers = 0
pairs = q("""SELECT "Id", "MentorId", "MenteeId", "StartedAt" FROM "MentoringPairs" WHERE "ProgramId" = ? AND "StartedAt" IS NOT NULL""", program).fetchall()
for pair, mentor, mentee, started in pairs:
    day = dt.date.fromisoformat(started[:10]) + dt.timedelta(days=30)
    number = 1
    while day <= today:
        sid = survey(f"Пульс пары №{number}", "Pulse", "Pair", dt.datetime.combine(day, dt.time(6)), pair, number)
        qid = question(sid, 1, "Насколько вы довольны работой пары?", "Satisfaction")
        for person in (mentor, mentee):
            answered = rng.random() < 0.8
            q("""INSERT INTO "SurveyRecipients" ("SchoolId", "SurveyId", "PersonId", "Answered") VALUES (?, ?, ?, ?)""", school, sid, person, int(answered))
            if answered:
                answer(sid, person, min(today, day + dt.timedelta(days=rng.randint(0, 6))), [(qid, scale())])
                answers += 1
        pulses += 1
        day += dt.timedelta(days=60)
        number += 1

sent = dt.datetime.combine(today - dt.timedelta(days=20), dt.time(6))
sid = survey("Климат в педагогическом коллективе", "Custom", "AllStaff", sent)
qids = [question(sid, i + 1, text, "Climate") for i, text in enumerate(
    ["Мне комфортно обращаться за помощью к коллегам", "В коллективе доброжелательная атмосфера", "Я чувствую поддержку администрации"])]
staff = [r[0] for r in q("""SELECT "Id" FROM "People" WHERE "SchoolId" = ? AND "IsArchived" = 0""", school)]
for person in staff:
    answered = rng.random() < 0.6
    q("""INSERT INTO "SurveyRecipients" ("SchoolId", "SurveyId", "PersonId", "Answered") VALUES (?, ?, ?, ?)""", school, sid, person, int(answered))
    if answered:
        answer(sid, None, (sent + dt.timedelta(days=rng.randint(0, 10))).date(), [(qid, scale()) for qid in qids])
        answers += 1
db.commit()
print(f"monitoring: {pulses} pulses of {len(pairs)} pairs and a climate survey of {len(staff)} staff, {answers} responses")
