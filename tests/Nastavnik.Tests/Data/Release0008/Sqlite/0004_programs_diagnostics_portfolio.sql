-- 0004: programs with indicators and roadmaps, diagnostics rounds with offers and needs, Forms import mappings, portfolios.
CREATE TABLE "FormsImportMappings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FormsImportMappings" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "HeaderKey" TEXT NOT NULL,
    "MappingJson" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    CONSTRAINT "FK_FormsImportMappings_Organizations_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Programs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Programs" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "StartDate" TEXT NOT NULL,
    "EndDate" TEXT NOT NULL,
    "Goal" TEXT NULL,
    "Description" TEXT NULL,
    "Forms" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Programs_Organizations_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PortfolioContacts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PortfolioContacts" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    "Visibility" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_PortfolioContacts_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DiagnosticsRounds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DiagnosticsRounds" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "ProgramId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "OpenedAt" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "ClosedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_DiagnosticsRounds_Programs_ProgramId" FOREIGN KEY ("ProgramId") REFERENCES "Programs" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProgramCurators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProgramCurators" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "ProgramId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    CONSTRAINT "FK_ProgramCurators_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProgramCurators_Programs_ProgramId" FOREIGN KEY ("ProgramId") REFERENCES "Programs" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProgramIndicators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProgramIndicators" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "ProgramId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Unit" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_ProgramIndicators_Programs_ProgramId" FOREIGN KEY ("ProgramId") REFERENCES "Programs" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RoadmapStages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RoadmapStages" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "ProgramId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_RoadmapStages_Programs_ProgramId" FOREIGN KEY ("ProgramId") REFERENCES "Programs" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PortfolioItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PortfolioItems" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "TopicId" INTEGER NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Achievements" TEXT NULL,
    "Links" TEXT NULL,
    "SearchText" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_PortfolioItems_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PortfolioItems_Topics_TopicId" FOREIGN KEY ("TopicId") REFERENCES "Topics" ("Id") ON DELETE SET NULL
);

CREATE TABLE "Needs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Needs" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "RoundId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "TopicId" INTEGER NOT NULL,
    "Priority" INTEGER NOT NULL,
    "Comment" TEXT NULL,
    "Source" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Needs_DiagnosticsRounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "DiagnosticsRounds" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Needs_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Needs_Topics_TopicId" FOREIGN KEY ("TopicId") REFERENCES "Topics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Offers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Offers" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "RoundId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "TopicId" INTEGER NOT NULL,
    "Level" INTEGER NOT NULL,
    "Experience" TEXT NULL,
    "Source" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Offers_DiagnosticsRounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "DiagnosticsRounds" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Offers_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Offers_Topics_TopicId" FOREIGN KEY ("TopicId") REFERENCES "Topics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RoundResponses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RoundResponses" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "RoundId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "SubmittedAt" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_RoundResponses_DiagnosticsRounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "DiagnosticsRounds" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RoundResponses_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "IndicatorTargets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndicatorTargets" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "IndicatorId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Value" TEXT NOT NULL,
    CONSTRAINT "FK_IndicatorTargets_ProgramIndicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "ProgramIndicators" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RoadmapEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RoadmapEvents" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "ProgramId" INTEGER NOT NULL,
    "StageId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "StartDate" TEXT NULL,
    "DueDate" TEXT NULL,
    "Timing" TEXT NULL,
    "ResponsibleText" TEXT NULL,
    "ResponsiblePersonId" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "Result" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_RoadmapEvents_People_ResponsiblePersonId" FOREIGN KEY ("ResponsiblePersonId") REFERENCES "People" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_RoadmapEvents_RoadmapStages_StageId" FOREIGN KEY ("StageId") REFERENCES "RoadmapStages" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PortfolioFiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PortfolioFiles" PRIMARY KEY AUTOINCREMENT,
    "SchoolId" INTEGER NOT NULL,
    "ItemId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "Content" BLOB NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    CONSTRAINT "FK_PortfolioFiles_PortfolioItems_ItemId" FOREIGN KEY ("ItemId") REFERENCES "PortfolioItems" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_DiagnosticsRounds_ProgramId" ON "DiagnosticsRounds" ("ProgramId");

CREATE UNIQUE INDEX "IX_FormsImportMappings_SchoolId_HeaderKey" ON "FormsImportMappings" ("SchoolId", "HeaderKey");

CREATE UNIQUE INDEX "IX_IndicatorTargets_IndicatorId_Year" ON "IndicatorTargets" ("IndicatorId", "Year");

CREATE INDEX "IX_Needs_PersonId" ON "Needs" ("PersonId");

CREATE UNIQUE INDEX "IX_Needs_RoundId_PersonId_TopicId" ON "Needs" ("RoundId", "PersonId", "TopicId");

CREATE INDEX "IX_Needs_RoundId_TopicId" ON "Needs" ("RoundId", "TopicId");

CREATE INDEX "IX_Needs_TopicId" ON "Needs" ("TopicId");

CREATE INDEX "IX_Offers_PersonId" ON "Offers" ("PersonId");

CREATE UNIQUE INDEX "IX_Offers_RoundId_PersonId_TopicId" ON "Offers" ("RoundId", "PersonId", "TopicId");

CREATE INDEX "IX_Offers_RoundId_TopicId" ON "Offers" ("RoundId", "TopicId");

CREATE INDEX "IX_Offers_TopicId" ON "Offers" ("TopicId");

CREATE INDEX "IX_PortfolioContacts_PersonId" ON "PortfolioContacts" ("PersonId");

CREATE INDEX "IX_PortfolioContacts_SchoolId_PersonId" ON "PortfolioContacts" ("SchoolId", "PersonId");

CREATE INDEX "IX_PortfolioFiles_ItemId" ON "PortfolioFiles" ("ItemId");

CREATE INDEX "IX_PortfolioItems_PersonId" ON "PortfolioItems" ("PersonId");

CREATE INDEX "IX_PortfolioItems_SchoolId_PersonId" ON "PortfolioItems" ("SchoolId", "PersonId");

CREATE INDEX "IX_PortfolioItems_SchoolId_TopicId" ON "PortfolioItems" ("SchoolId", "TopicId");

CREATE INDEX "IX_PortfolioItems_TopicId" ON "PortfolioItems" ("TopicId");

CREATE INDEX "IX_ProgramCurators_PersonId" ON "ProgramCurators" ("PersonId");

CREATE UNIQUE INDEX "IX_ProgramCurators_ProgramId_PersonId" ON "ProgramCurators" ("ProgramId", "PersonId");

CREATE INDEX "IX_ProgramIndicators_ProgramId" ON "ProgramIndicators" ("ProgramId");

CREATE INDEX "IX_Programs_SchoolId_Status" ON "Programs" ("SchoolId", "Status");

CREATE INDEX "IX_RoadmapEvents_ProgramId_StageId_SortOrder" ON "RoadmapEvents" ("ProgramId", "StageId", "SortOrder");

CREATE INDEX "IX_RoadmapEvents_ResponsiblePersonId" ON "RoadmapEvents" ("ResponsiblePersonId");

CREATE INDEX "IX_RoadmapEvents_StageId" ON "RoadmapEvents" ("StageId");

CREATE INDEX "IX_RoadmapStages_ProgramId" ON "RoadmapStages" ("ProgramId");

CREATE INDEX "IX_RoundResponses_PersonId" ON "RoundResponses" ("PersonId");

CREATE UNIQUE INDEX "IX_RoundResponses_RoundId_PersonId" ON "RoundResponses" ("RoundId", "PersonId");
