#!/usr/bin/env python3
"""Pairs-at-work benchmark data: on a Nastavnik SQLite file already grown by bench/compmap/gen.py (N teachers, a round with offers and
needs), approves pairs (each need of about 2 in 3 mentees gets a mentor offering its topic, at most 3 mentees per mentor, so groups
form), and gives them a year of work: a meeting every two weeks over the program's year (held with attendance and feedback before
TODAY, planned after), a plan per mentee with 5 tasks per pair, and consultations. The demo logins «teacher» (mentor of 3) and
«teacher2» (mentee of 2) are in pairs. Seeded, so every run builds the same data.
Usage: gen.py DB_FILE [TODAY=2026-11-30]"""
import datetime as dt
import random
import sqlite3
import sys

db_file = sys.argv[1]
today = dt.date.fromisoformat(sys.argv[2] if len(sys.argv) > 2 else "2026-11-30")
rng = random.Random(12)
db = sqlite3.connect(db_file)
q = lambda sql, *a: db.execute(sql, a)
school = q("""SELECT "Id" FROM "Organizations" WHERE "IsDemo" = 1 AND "Kind" = 'School'""").fetchone()[0]
program, start, end = q("""SELECT "Id", "StartDate", "EndDate" FROM "Programs" WHERE "SchoolId" = ? AND "Status" = 'Active'""", school).fetchone()
start, end = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
round_id = q("""SELECT "Id" FROM "DiagnosticsRounds" WHERE "ProgramId" = ? ORDER BY "Id" DESC LIMIT 1""", program).fetchone()[0]
login = lambda name: q("""SELECT "PersonId" FROM "AspNetUsers" WHERE "UserName" = ?""", name).fetchone()[0]
teacher, teacher2 = login("teacher"), login("teacher2")

offers = {}
for person, topic in q("""SELECT "PersonId", "TopicId" FROM "Offers" WHERE "RoundId" = ?""", round_id):
    offers.setdefault(topic, []).append(person)
needs = q("""SELECT "PersonId", "TopicId" FROM "Needs" WHERE "RoundId" = ? ORDER BY "PersonId", "TopicId" """, round_id).fetchall()
load = {}
pairs = []  # (mentor, mentee, topic)
taken = set()
def add(mentor, mentee, topic):
    if (mentee, topic) in taken or mentor == mentee:
        return False
    taken.add((mentee, topic))
    load[mentor] = load.get(mentor, 0) + 1
    pairs.append((mentor, mentee, topic))
    return True
# The demo logins first: «teacher» mentors three needs, «teacher2» is a mentee of two mentors.
for mentee, topic in [n for n in needs if n[0] not in (teacher, teacher2)][:3]:
    add(teacher, mentee, topic)
t2_topics = [t for p, t in needs if p == teacher2][:2]
if not t2_topics:
    t2_topics = [t for t in offers][:2]
for t in t2_topics:
    mentor = next(m for m in offers.get(t, []) + [p for ps in offers.values() for p in ps] if m not in (teacher, teacher2))
    add(mentor, teacher2, t)
for mentee, topic in needs:
    if rng.random() > 0.67:
        continue
    candidates = [m for m in offers.get(topic, []) if load.get(m, 0) < 3 and m != mentee]
    if candidates:
        add(rng.choice(candidates), mentee, topic)

approved = dt.datetime.combine(start, dt.time(9)) + dt.timedelta(days=30)
now_s = lambda d: d.strftime("%Y-%m-%d %H:%M:%S")
pair_ids = []
for mentor, mentee, topic in pairs:
    cur = q("""INSERT INTO "MentoringPairs" ("SchoolId", "ProgramId", "MentorId", "MenteeId", "TopicId", "ApprovedAt", "ApprovedBy", "Status",
               "StartedAt", "Manual", "Version") VALUES (?, ?, ?, ?, ?, ?, 'curator', 'Active', ?, 0, 0)""",
            school, program, mentor, mentee, topic, now_s(approved), now_s(approved + dt.timedelta(days=7)))
    pair_ids.append((cur.lastrowid, mentor, mentee, topic))

# Meetings: one per mentor and topic (a pair or a group) every two weeks; about 1 in 8 pairs stalls after November.
groups = {}
for pid, mentor, mentee, topic in pair_ids:
    groups.setdefault((mentor, topic), []).append((pid, mentee))
kinds = ["Organizational", "Trial", "Planning"]
meetings = participants = feedback = 0
for (mentor, topic), members in groups.items():
    stalls = rng.random() < 0.125
    day, n = approved.date() + dt.timedelta(days=7 + rng.randint(0, 6)), 0
    while day <= end - dt.timedelta(days=14):
        if stalls and day > dt.date(2026, 11, 1) and day <= today:
            day += dt.timedelta(days=14); continue
        held = day < today
        kind = kinds[n] if n < 3 else ("Final" if day > end - dt.timedelta(days=30) else "Regular")
        at = dt.datetime.combine(day, dt.time(12 + rng.randint(0, 4)))
        mid = q("""INSERT INTO "Meetings" ("SchoolId", "ProgramId", "MentorId", "Kind", "StartsAt", "DurationMinutes", "Place", "Agenda", "Status",
                   "SharedNotes", "CreatedAt", "CreatedBy", "Version") VALUES (?, ?, ?, ?, ?, 45, 'Кабинет 214', 'Разбор урока', ?, ?, ?, 'teacher', 0)""",
                school, program, mentor, kind, now_s(at - dt.timedelta(hours=3)), "Held" if held else "Planned",
                "Обсудили план и следующие шаги" if held else None, now_s(at - dt.timedelta(days=7))).lastrowid
        meetings += 1
        q("""INSERT INTO "MeetingParticipants" ("SchoolId", "MeetingId", "PersonId", "PairId", "Attended") VALUES (?, ?, ?, NULL, ?)""",
          school, mid, mentor, 1 if held else None)
        participants += 1
        for pid, mentee in members:
            q("""INSERT INTO "MeetingParticipants" ("SchoolId", "MeetingId", "PersonId", "PairId", "Attended") VALUES (?, ?, ?, ?, ?)""",
              school, mid, mentee, pid, (1 if rng.random() < 0.9 else 0) if held else None)
            participants += 1
        for author in [mentor] + [m for _, m in members] if held else []:
            if rng.random() < 0.7:
                q("""INSERT INTO "MeetingFeedback" ("SchoolId", "MeetingId", "AuthorId", "Rating", "Comment", "At") VALUES (?, ?, ?, ?, ?, ?)""",
                  school, mid, author, rng.choice([5, 5, 4, 4, 4, 3, 2]), "Полезно", now_s(at + dt.timedelta(days=1)))
                feedback += 1
        day += dt.timedelta(days=14); n += 1

# Plans: one per mentee, 5 tasks per pair spread over the year (past ones mostly done, a few overdue).
plans = {}
tasks = 0
for pid, mentor, mentee, topic in pair_ids:
    if mentee not in plans:
        plans[mentee] = q("""INSERT INTO "DevelopmentPlans" ("SchoolId", "ProgramId", "MenteeId", "CreatedAt", "Version") VALUES (?, ?, ?, ?, 0)""",
                          school, program, mentee, now_s(approved)).lastrowid
    for k in range(5):
        due = approved.date() + dt.timedelta(days=30 + 55 * k + rng.randint(0, 20))
        status = ("Done" if rng.random() < 0.8 else "InProgress") if due < today else rng.choice(["Planned", "Planned", "InProgress"])
        q("""INSERT INTO "PlanTasks" ("SchoolId", "PlanId", "PairId", "Title", "DueOn", "Owner", "Status", "Version")
             VALUES (?, ?, ?, ?, ?, ?, ?, 0)""", school, plans[mentee], pid, f"Задача {k + 1}: подготовить и провести фрагмент урока",
          due.isoformat(), "Mentee" if k % 2 == 0 else "Mentor", status)
        tasks += 1

people = [r[0] for r in q("""SELECT "Id" FROM "People" WHERE "SchoolId" = ? AND NOT "IsArchived" ORDER BY "Id" """, school)]
consultations = 0
for i in range(len(people) // 10):
    a, b = rng.sample(people, 2)
    held = rng.random() < 0.6
    q("""INSERT INTO "Consultations" ("SchoolId", "RequesterId", "ConsultantId", "Question", "RequestedAt", "Status", "HeldOn", "DurationMinutes", "Version")
         VALUES (?, ?, ?, 'Как выстроить урок в форме кейса?', ?, ?, ?, ?, 0)""", school, a, b, now_s(approved + dt.timedelta(days=rng.randint(0, 50))),
      "Held" if held else "Requested", (approved.date() + dt.timedelta(days=rng.randint(0, 55))).isoformat() if held else None, 40 if held else None)
    consultations += 1
db.commit()
db.execute("ANALYZE")
print(f"school {school}: {len(pair_ids)} pairs ({len(groups)} pairs and groups), {meetings} meetings, {participants} participants, "
      f"{feedback} feedback, {len(plans)} plans, {tasks} tasks, {consultations} consultations")
