-- 0005: Russian full-text search of the portfolio bank «Супервизор»: a stored weighted tsvector (title A, achievements B, description C) with a GIN index.
ALTER TABLE "PortfolioItems" ADD "SearchVector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce("Title", '')), 'A') || setweight(to_tsvector('russian', coalesce("Achievements", '')), 'B') || setweight(to_tsvector('russian', coalesce("Description", '')), 'C')) STORED;

CREATE INDEX "IX_PortfolioItems_SearchVector" ON "PortfolioItems" USING gin ("SearchVector");
