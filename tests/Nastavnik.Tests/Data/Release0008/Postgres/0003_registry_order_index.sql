-- 0003: the registry's default order (surname, name, patronymic, id) is served by one index, for schools of thousands.
DROP INDEX "IX_People_SchoolId_IsArchived_LastName_FirstName";

CREATE INDEX "IX_People_RegistryOrder" ON "People" ("SchoolId", "IsArchived", "LastName", "FirstName", "MiddleName", "Id");
