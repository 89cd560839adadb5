-- 0007: matching runs, curator decisions (locks and rejections) and approved mentoring pairs.
CREATE TABLE "MatchDecisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MatchDecisions" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "ProgramId" INTEGER NOT NULL,
    "MenteeId" INTEGER NOT NULL,
    "TopicId" INTEGER NOT NULL,
    "MentorId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    CONSTRAINT "FK_MatchDecisions_People_MenteeId" FOREIGN KEY ("MenteeId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MatchDecisions_People_MentorId" FOREIGN KEY ("MentorId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MatchDecisions_Programs_ProgramId" FOREIGN KEY ("ProgramId") REFERENCES "Programs" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MatchDecisions_Topics_TopicId" FOREIGN KEY ("TopicId") REFERENCES "Topics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MentoringPairs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MentoringPairs" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "ProgramId" INTEGER NOT NULL,
    "MentorId" INTEGER NOT NULL,
    "MenteeId" INTEGER NOT NULL,
    "TopicId" INTEGER NOT NULL,
    "ApprovedAt" TEXT NOT NULL,
    "ApprovedBy" TEXT NOT NULL,
    CONSTRAINT "FK_MentoringPairs_People_MenteeId" FOREIGN KEY ("MenteeId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MentoringPairs_People_MentorId" FOREIGN KEY ("MentorId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MentoringPairs_Programs_ProgramId" FOREIGN KEY ("ProgramId") REFERENCES "Programs" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MentoringPairs_Topics_TopicId" FOREIGN KEY ("TopicId") REFERENCES "Topics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MatchingRuns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MatchingRuns" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "ProgramId" INTEGER NOT NULL,
    "RoundId" INTEGER NOT NULL,
    "Mode" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "Objective" INTEGER NOT NULL,
    "NeedsServed" INTEGER NOT NULL,
    "NeedsTotal" INTEGER NOT NULL,
    "AssignmentsJson" TEXT NOT NULL,
    "LockIssuesJson" TEXT NULL,
    CONSTRAINT "FK_MatchingRuns_DiagnosticsRounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "DiagnosticsRounds" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MatchingRuns_Programs_ProgramId" FOREIGN KEY ("ProgramId") REFERENCES "Programs" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_MatchDecisions_MenteeId" ON "MatchDecisions" ("MenteeId");

CREATE INDEX "IX_MatchDecisions_MentorId" ON "MatchDecisions" ("MentorId");

CREATE UNIQUE INDEX "IX_MatchDecisions_ProgramId_MenteeId_TopicId_MentorId" ON "MatchDecisions" ("ProgramId", "MenteeId", "TopicId", "MentorId");

CREATE INDEX "IX_MatchDecisions_TopicId" ON "MatchDecisions" ("TopicId");

CREATE INDEX "IX_MatchingRuns_ProgramId_Id" ON "MatchingRuns" ("ProgramId", "Id");

CREATE INDEX "IX_MatchingRuns_RoundId" ON "MatchingRuns" ("RoundId");

CREATE INDEX "IX_MentoringPairs_MenteeId" ON "MentoringPairs" ("MenteeId");

CREATE INDEX "IX_MentoringPairs_MentorId" ON "MentoringPairs" ("MentorId");

CREATE UNIQUE INDEX "IX_MentoringPairs_ProgramId_MenteeId_TopicId" ON "MentoringPairs" ("ProgramId", "MenteeId", "TopicId");

CREATE INDEX "IX_MentoringPairs_ProgramId_MentorId" ON "MentoringPairs" ("ProgramId", "MentorId");

CREATE INDEX "IX_MentoringPairs_TopicId" ON "MentoringPairs" ("TopicId");
