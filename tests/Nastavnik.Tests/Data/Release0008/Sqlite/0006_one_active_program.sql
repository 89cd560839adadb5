-- 0006: one active program per school, guaranteed by the database.
CREATE UNIQUE INDEX "IX_Programs_OneActive" ON "Programs" ("SchoolId") WHERE "Status" = 'Active';
