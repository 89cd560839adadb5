-- 0005: nothing to change on SQLite: the «Супервизор» search uses PortfolioItems.SearchText (stems written by the application on save).
SELECT 1;
