#!/usr/bin/env python3
"""Reminder-job benchmark data, on top of bench/compmap/gen.py (the demo school grown to N teachers with a program, a round and
answers): gives every teacher an account, moves the round's deadline to TODAY + 2 (so both «round opened» and «three days before
the deadline» are due), opens the choice stage until TODAY + 1 (opened and closing due), approves about one pair per five
teachers today, and makes ten roadmap events overdue since yesterday. Seeded.
Usage: gen.py DB_FILE TODAY(yyyy-mm-dd)"""
import datetime
import random
import sqlite3
import sys
import uuid

db_file, today = sys.argv[1], datetime.date.fromisoformat(sys.argv[2])
rng = random.Random(11)
now = f"{today.isoformat()} 06:00:00"
db = sqlite3.connect(db_file)
q = lambda sql, *a: db.execute(sql, a)
school = q("""SELECT "Id" FROM "Organizations" WHERE "IsDemo" = 1 AND "Kind" = 'School'""").fetchone()[0]
program, = q("""SELECT "Id" FROM "Programs" WHERE "SchoolId" = ? ORDER BY CASE "Status" WHEN 'Active' THEN 0 ELSE 1 END, "Id" DESC LIMIT 1""", school).fetchone()
q("""UPDATE "Programs" SET "Status" = 'Active' WHERE "Id" = ?""", program)
round_id, = q("""SELECT "Id" FROM "DiagnosticsRounds" WHERE "ProgramId" = ? ORDER BY "OpenedAt" DESC, "Id" DESC LIMIT 1""", program).fetchone()
q("""UPDATE "DiagnosticsRounds" SET "ClosedAt" = NULL, "Deadline" = ? WHERE "Id" = ?""", (today + datetime.timedelta(days=2)).isoformat(), round_id)

people = q("""SELECT p."Id", p."LastName" || ' ' || p."FirstName" FROM "People" p WHERE p."SchoolId" = ? AND NOT p."IsArchived"
              AND NOT EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."PersonId" = p."Id")""", school).fetchall()
db.executemany("""INSERT INTO "AspNetUsers" ("Id", "SchoolId", "PersonId", "DisplayName", "MustChangePassword", "UserName", "NormalizedUserName",
                  "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                  VALUES (?, ?, ?, ?, 0, ?, ?, 0, ?, ?, 0, 0, 0, 0)""",
               [(str(uuid.UUID(int=rng.getrandbits(128))), school, pid, name, f"bench{pid}", f"BENCH{pid}", str(uuid.uuid4()), str(uuid.uuid4()))
                for pid, name in people])

q("""DELETE FROM "PreferenceRounds" WHERE "RoundId" = ?""", round_id)
q("""INSERT INTO "PreferenceRounds" ("SchoolId", "ProgramId", "RoundId", "OpenedAt", "OpenedBy", "Deadline", "Version")
     VALUES (?, ?, ?, ?, 'curator', ?, 0)""", school, program, round_id, now, (today + datetime.timedelta(days=1)).isoformat())

q("""DELETE FROM "MentoringPairs" WHERE "ProgramId" = ?""", program)
needs = q("""SELECT "PersonId", "TopicId" FROM "Needs" WHERE "RoundId" = ? ORDER BY "Id" """, round_id).fetchall()
offers = {}
for person, topic in q("""SELECT "PersonId", "TopicId" FROM "Offers" WHERE "RoundId" = ?""", round_id):
    offers.setdefault(topic, []).append(person)
pairs, seen = [], set()
for mentee, topic in needs:
    mentors = [m for m in offers.get(topic, []) if m != mentee]
    if mentee in seen or not mentors or len(pairs) >= len(people) // 5:
        continue
    seen.add(mentee)
    pairs.append((school, program, rng.choice(mentors), mentee, topic, now))
db.executemany("""INSERT INTO "MentoringPairs" ("SchoolId", "ProgramId", "MentorId", "MenteeId", "TopicId", "ApprovedAt", "ApprovedBy")
                  VALUES (?, ?, ?, ?, ?, ?, 'curator')""", pairs)

events = [r[0] for r in q("""SELECT "Id" FROM "RoadmapEvents" WHERE "ProgramId" = ? ORDER BY "Id" LIMIT 10""", program)]
for e in events:
    q("""UPDATE "RoadmapEvents" SET "Status" = 'Planned', "DueDate" = ?, "ResponsiblePersonId" = ? WHERE "Id" = ?""",
      (today - datetime.timedelta(days=1)).isoformat(), rng.choice(people)[0] if people else None, e)
db.commit()
db.execute("ANALYZE")
stats = [q(f"""SELECT count(*) FROM "{t}" WHERE "SchoolId" = ?""", school).fetchone()[0] for t in ("People", "AspNetUsers", "RoundResponses", "Needs", "MentoringPairs")]
print("school %d: %d people, %d accounts, %d answered, %d needs, %d pairs, %d overdue events" % (school, *stats, len(events)))
