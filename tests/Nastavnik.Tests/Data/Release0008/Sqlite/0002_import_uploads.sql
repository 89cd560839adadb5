-- 0002: files kept between an import preview and its commit.
CREATE TABLE "ImportUploads" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ImportUploads" PRIMARY KEY,
    "SchoolId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "UserName" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ImportUploads_Organizations_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ImportUploads_SchoolId" ON "ImportUploads" ("SchoolId");
