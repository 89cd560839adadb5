-- Load benchmark data on PostgreSQL (psql): grows the demo school to :teachers teachers, answers the open round for about 3 in 4
-- of the added teachers (2-4 offers and 2-4 needs each), keeps the round open, and gives accounts to :accounts added teachers
-- (login load.tN, password teacher2026) and :curators curators (login load.cN, password curator2026). Deterministic (setseed).
-- Usage: psql -v teachers=5000 -v accounts=300 -v curators=10 -f grow.sql
\set ON_ERROR_STOP on
SELECT setseed(0.291) \gset
BEGIN;
SELECT "Id" AS school FROM "Organizations" WHERE "IsDemo" AND "Kind" = 'School' \gset
SELECT r."Id" AS round FROM "DiagnosticsRounds" r JOIN "Programs" p ON p."Id" = r."ProgramId"
 WHERE r."SchoolId" = :school AND p."Status" = 'Active' ORDER BY r."OpenedAt" DESC, r."Id" DESC LIMIT 1 \gset
UPDATE "DiagnosticsRounds" SET "Deadline" = current_date + 60, "ClosedAt" = NULL WHERE "Id" = :round;

CREATE TEMP TABLE added ("Id" int PRIMARY KEY, n int);
WITH depts AS (SELECT array_agg(DISTINCT "Department") AS d FROM "People" WHERE "SchoolId" = :school AND "Department" IS NOT NULL),
     have AS (SELECT count(*) AS c FROM "People" WHERE "SchoolId" = :school AND NOT "IsArchived"),
     ins AS (
       INSERT INTO "People" ("SchoolId", "Kind", "LastName", "FirstName", "MiddleName", "Position", "Department", "Category",
                             "IsArchived", "Consent", "SearchText", "Version", "CreatedAt", "UpdatedAt")
       SELECT :school, 'Teacher', l || '-' || i, f, m, 'Учитель', depts.d[1 + i % array_length(depts.d, 1)], 'First', false, 'Given',
              lower(replace(l || '-' || i || ' ' || f || ' ' || m, 'ё', 'е')), 0, now(), now()
         FROM have, depts, generate_series(have.c, :teachers - 1) AS i,
              LATERAL (SELECT (ARRAY['Иванова','Смирнова','Кузнецова','Попова','Васильева','Петрова','Соколова','Михайлова','Новикова',
                                     'Фёдорова','Морозова','Волкова','Алексеева','Лебедева','Семёнова','Егорова'])[1 + i % 16] AS l,
                              (ARRAY['Анна','Мария','Елена','Ольга','Наталья','Татьяна','Ирина','Светлана','Юлия','Дарья','Алёна'])[1 + i % 11] AS f,
                              (ARRAY['Сергеевна','Александровна','Игоревна','Петровна','Викторовна','Андреевна','Олеговна'])[1 + i % 7] AS m) names
       RETURNING "Id")
INSERT INTO added SELECT "Id", row_number() OVER (ORDER BY "Id") FROM ins;

-- Answers: each added teacher but every fourth; topics shuffled per teacher, the first 2-4 offered, the next 2-4 needed.
CREATE TEMP TABLE pick AS
SELECT a."Id" AS person, t."Id" AS topic, row_number() OVER (PARTITION BY a."Id" ORDER BY random()) AS rn,
       2 + a.n % 3 AS offers, 2 + (a.n / 3) % 3 AS needs
  FROM added a CROSS JOIN "Topics" t
 WHERE t."SchoolId" = :school AND NOT t."IsRetired" AND a.n % 4 <> 0;
INSERT INTO "Offers" ("SchoolId", "RoundId", "PersonId", "TopicId", "Level", "Source", "UpdatedAt")
SELECT :school, :round, person, topic, 1 + (person + topic) % 3, 'Self', now() FROM pick WHERE rn <= offers;
INSERT INTO "Needs" ("SchoolId", "RoundId", "PersonId", "TopicId", "Priority", "Source", "UpdatedAt")
SELECT :school, :round, person, topic, 1 + (person * topic) % 3, 'Self', now() FROM pick WHERE rn > offers AND rn <= offers + needs;
INSERT INTO "RoundResponses" ("SchoolId", "RoundId", "PersonId", "SubmittedAt", "UpdatedAt", "UpdatedBy", "Source", "Version")
SELECT :school, :round, person, now(), now(), 'load', 'Self', 0 FROM pick GROUP BY person;

-- Accounts: the password hashes of the demo's teacher and curator (each hash carries its salt, so a copy checks the same password).
INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
                           "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "SchoolId", "PersonId",
                           "DisplayName", "MustChangePassword")
SELECT 'load-' || login, login, upper(login), false, u."PasswordHash", md5(random()::text),
       md5(random()::text), false, false, true, 0, :school, a."Id", p."LastName" || ' ' || p."FirstName", false
  FROM added a JOIN "People" p ON p."Id" = a."Id",
       LATERAL (SELECT CASE WHEN a.n <= :accounts THEN 't' ELSE 'c' END AS kind,
                       CASE WHEN a.n <= :accounts THEN 'load.t' || a.n ELSE 'load.c' || (a.n - :accounts) END AS login) k
  JOIN "AspNetUsers" u ON u."UserName" = CASE kind WHEN 't' THEN 'teacher' ELSE 'curator' END
 WHERE a.n <= :accounts + :curators;
INSERT INTO "AspNetUserRoles" ("UserId", "RoleId")
SELECT u."Id", r."Id" FROM "AspNetUsers" u JOIN "AspNetRoles" r
    ON r."Name" = CASE WHEN u."UserName" LIKE 'load.t%' THEN 'teacher' ELSE 'curator' END
 WHERE u."UserName" LIKE 'load.%';

-- A write made outside the application bumps the data stamp itself (Data/DataStamps.cs).
UPDATE "DataStamps" SET "Version" = "Version" + 1;
COMMIT;
ANALYZE;
SELECT (SELECT count(*) FROM "People" WHERE "SchoolId" = :school) AS people,
       (SELECT count(*) FROM "Offers" WHERE "RoundId" = :round) AS offers,
       (SELECT count(*) FROM "Needs" WHERE "RoundId" = :round) AS needs,
       (SELECT count(*) FROM "RoundResponses" WHERE "RoundId" = :round) AS answered,
       (SELECT count(*) FROM "AspNetUsers" WHERE "UserName" LIKE 'load.%') AS accounts;
