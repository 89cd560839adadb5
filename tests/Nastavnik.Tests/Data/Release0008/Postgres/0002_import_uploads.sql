-- 0002: files kept between an import preview and its commit.
CREATE TABLE "ImportUploads" (
    "Id" uuid NOT NULL,
    "SchoolId" integer NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "UserName" character varying(256) NOT NULL,
    "FileName" character varying(260) NOT NULL,
    "Content" bytea NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ImportUploads" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ImportUploads_Organizations_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ImportUploads_SchoolId" ON "ImportUploads" ("SchoolId");
