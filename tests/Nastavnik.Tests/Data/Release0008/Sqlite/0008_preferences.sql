-- 0008: the choice stage after the round table: preference rounds, mentees' ranked choices of mentors, mentors' capacity and declined topics.
CREATE TABLE "DeclinedOffers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DeclinedOffers" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "RoundId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "TopicId" INTEGER NOT NULL,
    CONSTRAINT "FK_DeclinedOffers_DiagnosticsRounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "DiagnosticsRounds" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DeclinedOffers_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DeclinedOffers_Topics_TopicId" FOREIGN KEY ("TopicId") REFERENCES "Topics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MentorAvailabilities" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MentorAvailabilities" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "RoundId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "Capacity" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_MentorAvailabilities_DiagnosticsRounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "DiagnosticsRounds" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MentorAvailabilities_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MentorChoices" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MentorChoices" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "RoundId" INTEGER NOT NULL,
    "MenteeId" INTEGER NOT NULL,
    "TopicId" INTEGER NOT NULL,
    "MentorId" INTEGER NOT NULL,
    "Rank" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    CONSTRAINT "FK_MentorChoices_DiagnosticsRounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "DiagnosticsRounds" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MentorChoices_People_MenteeId" FOREIGN KEY ("MenteeId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MentorChoices_People_MentorId" FOREIGN KEY ("MentorId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MentorChoices_Topics_TopicId" FOREIGN KEY ("TopicId") REFERENCES "Topics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PreferenceRounds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PreferenceRounds" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "ProgramId" INTEGER NOT NULL,
    "RoundId" INTEGER NOT NULL,
    "OpenedAt" TEXT NOT NULL,
    "OpenedBy" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "ClosedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_PreferenceRounds_DiagnosticsRounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "DiagnosticsRounds" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PreferenceRounds_Programs_ProgramId" FOREIGN KEY ("ProgramId") REFERENCES "Programs" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_DeclinedOffers_PersonId" ON "DeclinedOffers" ("PersonId");

CREATE UNIQUE INDEX "IX_DeclinedOffers_RoundId_PersonId_TopicId" ON "DeclinedOffers" ("RoundId", "PersonId", "TopicId");

CREATE INDEX "IX_DeclinedOffers_TopicId" ON "DeclinedOffers" ("TopicId");

CREATE INDEX "IX_MentorAvailabilities_PersonId" ON "MentorAvailabilities" ("PersonId");

CREATE UNIQUE INDEX "IX_MentorAvailabilities_RoundId_PersonId" ON "MentorAvailabilities" ("RoundId", "PersonId");

CREATE INDEX "IX_MentorChoices_MenteeId" ON "MentorChoices" ("MenteeId");

CREATE INDEX "IX_MentorChoices_MentorId" ON "MentorChoices" ("MentorId");

CREATE UNIQUE INDEX "IX_MentorChoices_RoundId_MenteeId_TopicId_MentorId" ON "MentorChoices" ("RoundId", "MenteeId", "TopicId", "MentorId");

CREATE UNIQUE INDEX "IX_MentorChoices_RoundId_MenteeId_TopicId_Rank" ON "MentorChoices" ("RoundId", "MenteeId", "TopicId", "Rank");

CREATE INDEX "IX_MentorChoices_TopicId" ON "MentorChoices" ("TopicId");

CREATE INDEX "IX_PreferenceRounds_ProgramId" ON "PreferenceRounds" ("ProgramId");

CREATE UNIQUE INDEX "IX_PreferenceRounds_RoundId" ON "PreferenceRounds" ("RoundId");
