#!/usr/bin/env python3
"""Competency-map benchmark data: grows the demo school of a Nastavnik SQLite file to N teachers and T topics and adds a program,
a diagnostics round and realistic answers (about 3 in 4 teachers answer; most mark 2-4 offers and 2-4 needs, some only one side;
needs lean to digital topics; two topics nobody offers). Seeded, so every run builds the same data.
Usage: gen.py DB_FILE N_TEACHERS N_TOPICS"""
import random
import sqlite3
import sys

db_file, n_people, n_topics = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(291)
now = "2026-09-01 08:00:00"
db = sqlite3.connect(db_file)
q = lambda sql, *a: db.execute(sql, a)
school = q("""SELECT "Id" FROM "Organizations" WHERE "IsDemo" = 1 AND "Kind" = 'School'""").fetchone()[0]

# Teachers: copy the shape of the demo's people (departments, names) with new unique names.
existing = q("""SELECT count(*) FROM "People" WHERE "SchoolId" = ? AND NOT "IsArchived" """, school).fetchone()[0]
depts = [r[0] for r in q("""SELECT DISTINCT "Department" FROM "People" WHERE "SchoolId" = ? AND "Department" IS NOT NULL""", school)]
lasts = ["Иванова", "Смирнова", "Кузнецова", "Попова", "Васильева", "Петрова", "Соколова", "Михайлова", "Новикова", "Фёдорова",
         "Морозова", "Волкова", "Алексеева", "Лебедева", "Семёнова", "Егорова", "Павлова", "Козлова", "Степанова", "Николаева"]
firsts = ["Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Юлия", "Екатерина", "Дарья", "Алёна"]
middles = ["Сергеевна", "Александровна", "Игоревна", "Петровна", "Викторовна", "Андреевна", "Олеговна", "Юрьевна"]
added = set()
for i in range(existing, n_people):
    last, first, middle = rng.choice(lasts), rng.choice(firsts), rng.choice(middles)
    last = f"{last}-{i}"  # unique and still sorts like a surname
    q("""INSERT INTO "People" ("SchoolId", "Kind", "LastName", "FirstName", "MiddleName", "Position", "Department", "Category", "IsArchived",
         "Consent", "SearchText", "Version", "CreatedAt", "UpdatedAt") VALUES (?, 'Teacher', ?, ?, ?, 'Учитель', ?, 'First', 0, 'Given', ?, 0, ?, ?)""",
      school, last, first, middle, rng.choice(depts), f"{last} {first} {middle}".lower().replace("ё", "е"), now, now)
    added.add(q("SELECT last_insert_rowid()").fetchone()[0])

# Topics: the demo's 25, plus more per direction up to N_TOPICS.
dirs = [r[0] for r in q("""SELECT "Id" FROM "Directions" WHERE "SchoolId" = ? AND NOT "IsRetired" ORDER BY "SortOrder" """, school)]
count = q("""SELECT count(*) FROM "Topics" WHERE "SchoolId" = ? AND NOT "IsRetired" """, school).fetchone()[0]
for i in range(count, n_topics):
    d = dirs[i % len(dirs)]
    q("""INSERT INTO "Topics" ("SchoolId", "DirectionId", "Code", "Name", "SortOrder", "IsDigital", "IsRetired", "Version")
         VALUES (?, ?, ?, ?, ?, 0, 0, 0)""", school, d, f"B-{i:03d}", f"Дополнительная тема {i + 1}: практикум для педагогов", 100 + i)

program = q("""SELECT "Id" FROM "Programs" WHERE "SchoolId" = ? ORDER BY CASE "Status" WHEN 'Active' THEN 0 WHEN 'Draft' THEN 1 ELSE 2 END,
               "StartDate" DESC, "Id" DESC LIMIT 1""", school).fetchone()
if program is None:
    program = (q("""INSERT INTO "Programs" ("SchoolId", "Name", "StartDate", "EndDate", "Forms", "Status", "Version", "CreatedAt")
                    VALUES (?, 'Программа наставничества 2026/2027', '2026-09-01', '2027-06-30', 5, 'Active', 0, ?)""", school, now).lastrowid,)
rnd = q("""SELECT "Id" FROM "DiagnosticsRounds" WHERE "ProgramId" = ? ORDER BY "OpenedAt" DESC, "Id" DESC LIMIT 1""", program[0]).fetchone()
if rnd is None:
    rnd = (q("""INSERT INTO "DiagnosticsRounds" ("SchoolId", "ProgramId", "Title", "OpenedAt", "Deadline", "Version")
                VALUES (?, ?, 'Диагностика компетенций, сентябрь', ?, '2026-09-30', 0)""", school, program[0], now).lastrowid,)
round_id = rnd[0]
# Answers for everyone when the round is empty, else for the teachers added above (the demo's own answers stay as they are).
everyone = q("""SELECT count(*) FROM "Offers" WHERE "RoundId" = ?""", round_id).fetchone()[0] == 0
people = [r[0] for r in q("""SELECT "Id" FROM "People" WHERE "SchoolId" = ? AND NOT "IsArchived" ORDER BY "Id" """, school)
          if everyone or r[0] in added]
if people:
    topics = [r[0] for r in q("""SELECT t."Id" FROM "Topics" t JOIN "Directions" d ON d."Id" = t."DirectionId"
                                  WHERE t."SchoolId" = ? AND NOT t."IsRetired" ORDER BY d."SortOrder", t."SortOrder" """, school)]
    offerable = topics[:-2]
    weighted = topics + topics[10:15] * 2
    offers, needs, responses = [], [], []
    for p in people:
        if rng.random() >= 0.75:
            continue
        roles = rng.random()
        mine = rng.sample(offerable, 0 if roles < 0.2 else rng.randint(2, 4))
        wanted = []
        for t in rng.sample(weighted, len(weighted)):
            if len(wanted) >= (0 if roles > 0.85 else rng.randint(2, 4)):
                break
            if t not in mine and t not in wanted:
                wanted.append(t)
        offers += [(school, round_id, p, t, rng.randint(1, 3), now) for t in mine]
        needs += [(school, round_id, p, t, rng.randint(1, 3), now) for t in wanted]
        responses.append((school, round_id, p, now, now))
    db.executemany("""INSERT INTO "Offers" ("SchoolId", "RoundId", "PersonId", "TopicId", "Level", "Source", "UpdatedAt") VALUES (?, ?, ?, ?, ?, 'Self', ?)""", offers)
    db.executemany("""INSERT INTO "Needs" ("SchoolId", "RoundId", "PersonId", "TopicId", "Priority", "Source", "UpdatedAt") VALUES (?, ?, ?, ?, ?, 'Self', ?)""", needs)
    db.executemany("""INSERT INTO "RoundResponses" ("SchoolId", "RoundId", "PersonId", "SubmittedAt", "UpdatedAt", "UpdatedBy", "Source", "Version")
                      VALUES (?, ?, ?, ?, ?, 'curator', 'Self', 0)""", responses)
db.commit()
db.execute("ANALYZE")
stats = [q(f"""SELECT count(*) FROM "{t}" WHERE "SchoolId" = ?""", school).fetchone()[0] for t in ("People", "Topics", "Offers", "Needs", "RoundResponses")]
print("school %d: %d people, %d topics, %d offers, %d needs, %d answered" % (school, *stats))
